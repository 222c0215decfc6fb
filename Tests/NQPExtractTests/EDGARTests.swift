import Foundation
import NQPEncoding
import Testing
import NQPTestSupport
@testable import NQPExtract

@Suite("EDGAR submissions, headers and 10-K items")
struct EDGARTests {
    typealias F = EDGARFixtures

    static func extract(_ text: String, name: String = "0000012345-98-000007.txt",
                        options: ExtractOptions = ExtractOptions()) throws -> ExtractedReport {
        try ReportExtractor(options: options).extract(ReportInput(path: "/data/" + name, bytes: Array(text.utf8)))
    }

    static func item(_ report: ExtractedReport, _ id: String) -> TenKItem? { report.items.first { $0.item == id } }

    static func scope(_ raw: String) -> Scope { Scope(rawValue: raw)! }

    @Test("a full submission: header identifies firm (ten-digit CIK), year, form type and company")
    func headerIdentity() throws {
        let report = try Self.extract(F.fullSubmission())
        #expect(report.identity.firm == "0000012345")
        #expect(report.identity.year == 1997)
        #expect(report.identity.route == [.secHeader])
        #expect(report.identity.formType == "10-K")
        #expect(report.identity.company == "EXAMPLE WIDGETS INC")
        #expect(report.identity.filed == "1998-03-20")
    }

    @Test("fiscal year of the period of report under the configured rule", arguments: [
        ("20100131", "0131", FiscalYearRule.compustat, 2009), ("20100131", "0131", .endYear, 2010),
        ("20130630", "0630", .compustat, 2013), ("20030201", "0131", .compustat, 2002),
    ])
    func fiscalYearRule(_ period: String, _ fye: String, _ rule: FiscalYearRule, _ year: Int) throws {
        var options = ExtractOptions()
        options.identity.fiscalYearRule = rule
        let report = try Self.extract(F.fullSubmission(period: period, fye: fye), options: options)
        #expect(report.identity.year == year)
    }

    @Test("without a period of report, FISCAL YEAR END and the filing date give the fiscal-year end")
    func fiscalYearEndMonth() {
        let header = EDGARHeader(text: "FILED AS OF DATE: 19960329\nFISCAL YEAR END: 0630\nCENTRAL INDEX KEY: 789019")
        #expect(header.cik == "0000789019")
        #expect(header.fiscalPeriodEnd == CalendarDate(year: 1995, month: 6, day: 30))
    }

    @Test("documents are split with their types; the uuencoded graphic is skipped, never read as text")
    func documents() throws {
        let report = try Self.extract(F.fullSubmission())
        #expect(report.documents.map(\.type) == ["10-K", "EX-13", "GRAPHIC"])
        #expect(report.documents.map(\.status) == [.report, .read, .encodedFile])
        #expect(!report.matchText.contains("begin 644"))
        #expect(!report.matchText.contains("M1TE"))
        #expect(!report.matchText.contains("<TYPE>"))
        #expect(!report.matchText.contains("ACCESSION NUMBER"))
        let exhibit = try #require(report.text(in: Self.scope("document:EX-13")))
        #expect(exhibit.hasPrefix("To Our Share Owners"))
    }

    @Test("the 8-K item quoted in Item 14 is not a heading; Item 7 is incorporated by reference, MD&A from EX-13")
    func eightKQuoteAndAnnualReport() throws {
        let report = try Self.extract(F.fullSubmission())
        let seven = try #require(Self.item(report, "7"))
        #expect(seven.status == .incorporatedByReference)
        #expect(seven.heading?.hasPrefix("Item 7. Management's Discussion") == true)
        #expect(seven.pointer?.contains("Reported on pages 12-20") == true)
        #expect(!report.sections.contains { $0.heading.contains("Financial Statements and Exhibits") })
        let mdnaSection = try #require(report.section(named: "mdna"))
        #expect(mdnaSection.document == "EX-13")
        #expect(mdnaSection.foundBy == .annualReportExhibit)
        let mdna = try #require(report.text(in: .mdna))
        #expect(mdna.hasPrefix("MANAGEMENT'S DISCUSSION AND ANALYSIS Our operations discussion"))
        #expect(mdna.contains("paragraph 25"))
        #expect(!mdna.contains("REPORT OF INDEPENDENT ACCOUNTANTS"))
        #expect(!mdna.contains("Reported on pages"))
        #expect(!mdna.contains("Exhibit 99"))
    }

    @Test("without the annual report, the MD&A is missing with that reason — never the pointer text")
    func incorporatedWithoutAnnualReport() throws {
        let report = try Self.extract(F.fullSubmission(withAnnualReport: false))
        #expect(report.text(in: .mdna) == nil)
        #expect(report.text(in: Self.scope("item:7")) == nil)
        #expect(report.warnings.contains { $0.contains("MD&A missing: Item 7 is incorporated by reference") })
    }

    @Test("items of the 1990s form: statuses, headings wrapped over two lines, no items of later periods")
    func itemStatuses() throws {
        let report = try Self.extract(F.fullSubmission())
        #expect(report.items.map(\.item) == ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14"])
        let statuses = Dictionary(uniqueKeysWithValues: report.items.map { ($0.item, $0.status) })
        #expect(statuses["1"] == .extracted)
        #expect(statuses["6"] == .incorporatedByReference)
        #expect(statuses["10"] == .extracted)
        for id in ["11", "12", "13"] { #expect(statuses[id] == .incorporatedByReference) }
        #expect(statuses["14"] == .extracted)
        #expect(Self.item(report, "5")?.heading == "Item 5. Market for the Registrant's Common Equity and Related Stockholder Matters")
        let business = try #require(report.text(in: Self.scope("item:1")))
        #expect(business.hasPrefix("Item 1. Business Our business discussion"))
        #expect(!business.contains("Properties"))
        // Item 14 ends at SIGNATURES.
        #expect(report.text(in: Self.scope("item:14"))?.contains("Pursuant to the requirements") == false)
    }

    @Test("a 2010 10-K without Item 1A reports it absent; the table of contents and 'see Item 7' are not headings")
    func absentItemAndTableOfContents() throws {
        let layout = """
        FORM 10-K
        For the fiscal year ended December 31, 2010
        Item 1. Business 3
        Item 1A. Risk Factors 9
        Item 7. Management's Discussion and Analysis 20
        PART I
        Item 1. Business
        \(F.prose("business", paragraphs: 10))
        For our outlook see
        Item 7. Management's Discussion and Analysis of Financial Condition and Results of Operations.
        PART II
        Item 7. Management's Discussion and Analysis of Financial Condition and Results of Operations
        \(F.prose("operations", paragraphs: 20))
        Item 7A. Quantitative and Qualitative Disclosures About Market Risk
        \(F.prose("market risk", paragraphs: 2))
        Item 8. Financial Statements and Supplementary Data
        \(F.prose("statements", paragraphs: 3))
        """
        let report = try Self.extract(layout, name: "widgets_10k.txt")
        #expect(Self.item(report, "1A")?.status == .absent)
        #expect(Self.item(report, "1A")?.start == nil)
        #expect(Self.item(report, "9A")?.status == .absent)
        #expect(Self.item(report, "16") == nil)
        let mdna = try #require(report.text(in: .mdna))
        #expect(mdna.hasPrefix("Item 7. Management's Discussion and Analysis of Financial Condition and Results of Operations Our operations"))
        #expect(!mdna.contains("market risk"))
        #expect(report.identity.year == 2010)
        #expect(report.identity.route == [.cover])
    }

    @Test("the single-document wrapper around HTML: form type from <TYPE>, tags not in the text, the title on the next line")
    func documentWrapper() throws {
        let html = """
        <DOCUMENT>
        <TYPE>10-K405
        <SEQUENCE>1
        <FILENAME>d10k.htm
        <DESCRIPTION>FORM 10-K405
        <TEXT>
        <html><body><p>FORM 10-K405</p><p>For the fiscal year ended June 30, 2001</p>
        <p><b>ITEM 7.</b></p><p><b>MANAGEMENT&#146;S DISCUSSION AND ANALYSIS</b></p>
        \((1...20).map { "<p>Management&#146;s view of revenue in paragraph \($0) with &#147;quoted&#148; terms &#151; here.</p>" }.joined())
        <p>ITEM 8.</p><p>FINANCIAL STATEMENTS AND SUPPLEMENTARY DATA</p><p>Balance sheet.</p>
        </body></html>
        </TEXT>
        </DOCUMENT>
        """
        let report = try Self.extract(html, name: "0000012345_10-K405_2001_0000012345-01-000099.htm")
        #expect(report.identity.formType == "10-K405")
        #expect(report.identity.firm == "0000012345")
        #expect(report.identity.year == 2001)
        #expect(report.identity.route == [.edgarFilename, .cover])
        #expect(report.matchText.hasPrefix("FORM 10-K405"))
        let seven = try #require(Self.item(report, "7"))
        #expect(seven.foundBy == .headingNextLine)
        let mdna = try #require(report.text(in: .mdna))
        #expect(mdna.contains("Management’s view of revenue"))
        #expect(mdna.contains("“quoted” terms — here"))
    }

    @Test("the older IMS-DOCUMENT with the privacy-enhanced-message preamble")
    func imsDocument() throws {
        let text = """
        -----BEGIN PRIVACY-ENHANCED MESSAGE-----
        Proc-Type: 2001,MIC-CLEAR
        Originator-Name: keymaster@town.hall.org
        MIC-Info: RSA-MD5,RSA,
         AbCdEf==

        <IMS-DOCUMENT>0000012345-94-000003.txt : 19940314
        <IMS-HEADER>0000012345-94-000003.hdr.sgml : 19940314
        ACCESSION NUMBER:\t\t0000012345-94-000003
        CONFORMED SUBMISSION TYPE:\t10-K
        CONFORMED PERIOD OF REPORT:\t19931231
        FILED AS OF DATE:\t\t19940311
        \t\tCOMPANY CONFORMED NAME:\t\t\tOLD FILER CO
        \t\tCENTRAL INDEX KEY:\t\t\t0000012345
        </IMS-HEADER>
        <DOCUMENT>
        <TYPE>10-K
        <SEQUENCE>1
        <TEXT>
        \(F.tenKText())
        </TEXT>
        </DOCUMENT>
        </IMS-DOCUMENT>
        -----END PRIVACY-ENHANCED MESSAGE-----
        """
        let submission = try #require(EDGARSubmission.parse(Array(text.utf8)))
        #expect(submission.layout == .imsDocument)
        #expect(submission.header?.companyName == "OLD FILER CO")
        let report = try Self.extract(text)
        #expect(report.identity.firm == "0000012345")
        #expect(report.identity.year == 1993)
        #expect(!report.matchText.contains("MIC-CLEAR"))
        #expect(Self.item(report, "7")?.status == .incorporatedByReference)
    }

    @Test("10-KSB: Item 6 is the MD&A, Item 7 'Financial Statements' ends it")
    func tenKSB() throws {
        let text = """
        <SEC-DOCUMENT>x
        \(F.secHeader(form: "10-KSB", period: "20061231"))
        <DOCUMENT>
        <TYPE>10-KSB
        <TEXT>
        Item 1. Description of Business
        \(F.prose("business", paragraphs: 3))
        Item 6. Management's Discussion and Analysis or Plan of Operation
        \(F.prose("plan", paragraphs: 20))
        Item 7. Financial Statements
        \(F.prose("statements", paragraphs: 3))
        </TEXT>
        </DOCUMENT>
        """
        let report = try Self.extract(text)
        let mdna = try #require(report.text(in: .mdna))
        #expect(mdna.hasPrefix("Item 6. Management's Discussion and Analysis or Plan of Operation"))
        #expect(!mdna.contains("statements discussion"))
    }

    @Test("a pointer with its own text is extracted; an exhibit index saying 'incorporated by reference' is not a pointer")
    func pointerRule() {
        #expect(IncorporationByReference.isPointer(
            "The information required by this item is incorporated by reference to the Proxy Statement."))
        #expect(!IncorporationByReference.isPointer("The information is incorporated herein by reference to the Proxy "
            + "Statement. We have adopted a code of ethics that applies to our chief executive officer, chief financial "
            + "officer and controller; it is posted on our website together with our governance guidelines and the "
            + "charters of each committee of the board, and amendments will be posted there within four business days."))
        let index = (1...60).map { "10.\($0) Employment agreement with an officer, filed as exhibit 10.\($0), incorporated by reference" }
            .joined(separator: " ")
        #expect(!IncorporationByReference.isPointer(index))
    }

    @Test("bytes that are not UTF-8 are Windows-1252 in an EDGAR document, not GB18030; a <PDF> block is skipped")
    func windows1252Bytes() throws {
        var bytes = Array("""
        <SEC-DOCUMENT>x
        \(F.secHeader())
        <DOCUMENT>
        <TYPE>10-K
        <TEXT>
        Item 1. Business

        """.utf8)
        bytes += Array("Management".utf8) + [0x92] + Array("s view of the business.\n".utf8)
        bytes += Array("""
        </TEXT>
        </DOCUMENT>
        <DOCUMENT>
        <TYPE>EX-99
        <FILENAME>letter.pdf
        <TEXT>
        <PDF>
        begin 644 letter.pdf
        M)5!$1BTQ+C0*)>+CS]/"
        end
        </PDF>
        </TEXT>
        </DOCUMENT>
        """.utf8)
        let report = try ReportExtractor().extract(ReportInput(path: "/data/x.txt", bytes: bytes))
        #expect(report.matchText.contains("Management’s view"))
        #expect(report.encoding.encoding.name == "windows-1252")
        #expect(report.documents.last?.status == .encodedFile)
        #expect(report.warnings.contains { $0.contains("Windows-1252") })
    }

    @Test("an HTML annual-report exhibit: the MD&A by its title up to the auditors' report, contents rows skipped")
    func htmlExhibit() throws {
        let exhibit = """
        <html><body><p>Contents</p><p>Financial Review 12</p><p>Report of Independent Registered Public Accounting Firm 30</p>
        <p><b>FINANCIAL REVIEW</b></p>
        \((1...25).map { "<p>Revenue in paragraph \($0) grew as cloud demand rose across all segments.</p>" }.joined())
        <p><b>Report of Independent Registered Public Accounting Firm</b></p><p>We have audited the statements.</p>
        </body></html>
        """
        let text = F.fullSubmission().replacingOccurrences(of: "<TYPE>EX-13\n<SEQUENCE>2", with: "<TYPE>EX-13.1\n<SEQUENCE>2\n<FILENAME>ar.htm")
            .replacingOccurrences(of: F.annualReport, with: exhibit)
        let report = try Self.extract(text)
        let mdna = try #require(report.text(in: .mdna))
        #expect(mdna.hasPrefix("FINANCIAL REVIEW Revenue in paragraph 1"))
        #expect(!mdna.contains("We have audited"))
        #expect(report.section(named: "mdna")?.document == "EX-13.1")
        #expect(report.text(in: Self.scope("document:EX-13"))?.hasPrefix("Contents") == true)
    }

    @Test("Part III headings printed together over one pointer share its status; a contents page does not")
    func combinedHeadings() throws {
        let layout = """
        FORM 10-K
        For the fiscal year ended June 30, 1999
        Item 9. Changes in and Disagreements with Accountants on Accounting and Financial Disclosure
        None.
        PART III
        Item 10: Directors and Executive Officers of the Registrant
        Item 11: Executive Compensation
        Item 12: Security Ownership of Certain Beneficial Owners and Management
        Item 13: Certain Relationships and Related Transactions
        The information called for by Items 10, 11, 12 and 13 is incorporated by reference to the Proxy Statement.
        PART IV
        Item 14. Exhibits, Financial Statement Schedules and Reports on Form 8-K
        \(F.prose("exhibit", paragraphs: 3))
        """
        let report = try Self.extract(layout, name: "medic_10k.txt")
        for id in ["10", "11", "12", "13"] {
            #expect(Self.item(report, id)?.status == .incorporatedByReference, "item \(id)")
            #expect(Self.item(report, id)?.pointer?.hasPrefix("The information called for by Items 10") == true)
        }
        #expect(Self.item(report, "14")?.status == .extracted)
    }

    @Test("scopes: full, mdna, item:N, document:TYPE")
    func scopes() {
        #expect(Scope(rawValue: "item:1a")?.rawValue == "item:1A")
        #expect(Scope(rawValue: "Item 7")?.rawValue == "item:7")
        #expect(Scope(rawValue: "item:07")?.rawValue == "item:7")
        #expect(Scope(rawValue: "item:")?.rawValue == nil)
        #expect(Scope(rawValue: "item:1AB") == nil)
        #expect(Scope(rawValue: "document:ex-13")?.kind == .document("EX-13"))
        #expect(Scope(rawValue: "chapter") == nil)
        #expect(Scope(rawValue: "mdna") == .mdna)
    }

    @Test("EDGAR downloader file names", arguments: [
        ("320193_10-K_2020_0000320193-20-000096.htm", "0000320193"),
        ("MSFT_10-K_FY2013_legacy-html.htm", "MSFT"),
    ])
    func downloaderNames(_ name: String, _ firm: String) {
        #expect(EDGARFileName.firm(in: name)?.firm == firm)
    }

    @Test("Windows-1252 references 128–159: same characters in the fast scanner and libxml2")
    func windows1252() throws {
        let html = "<p>Management&#146;s &#147;view&#148; &#151; &#x80;5 &#8217; &#129;x &#150;&#153;</p>"
        let (fast, reference) = try MarkupDifferentialTests.both(html)
        #expect(fast == reference)
        #expect(fast == "Management’s “view” — €5 ’ \u{81}x –™")
    }
}

/// The EDGAR files in ../shared/realdata/edgar_full_submissions against the expectations in its `expected/`.
@Suite("EDGAR real filings", .enabled(if: TestPaths.realData.map {
    FileManager.default.fileExists(atPath: $0.appendingPathComponent("edgar_full_submissions/expected").path)
} ?? false))
struct EDGARRealDataTests {
    static func extract(_ name: String, parser: MarkupParser = .fast) throws -> ExtractedReport {
        let url = try #require(TestPaths.realData).appendingPathComponent("edgar_full_submissions/" + name)
        var options = ExtractOptions()
        options.parser = parser
        return try ReportExtractor(options: options).extract(ReportInput(path: url.path, bytes: [UInt8](try Data(contentsOf: url))))
    }

    /// The checks of one expectations file that nqp's output can answer: item statuses, presence, absence,
    /// text anchors and character bands.
    static func check(_ report: ExtractedReport, expectations file: String) throws {
        let url = try #require(TestPaths.realData).appendingPathComponent("edgar_full_submissions/expected/" + file)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let checks = try #require((json["expect"] as? [String: Any])?["checks"] as? [[String: Any]])
        for check in checks {
            let type = check["type"] as? String ?? ""
            let id = check["item"] as? String ?? ""
            let item = report.items.first { $0.item == id }
            let text = Scope.item(id).flatMap { report.text(in: $0) } ?? ""
            switch type {
            case "item_present":
                #expect(item != nil && item?.status != .absent, "\(file): item \(id) present")
                if let status = check["status"] as? String {
                    #expect(item?.status.rawValue == status, "\(file): item \(id) status")
                }
            case "item_absent":
                #expect(item == nil, "\(file): item \(id) not listed")
            case "expected_set_complete", "only_items":
                let items = check["items"] as? [String] ?? []
                #expect(report.items.map(\.item) == items, "\(file): \(type)")
            case "text_contains":
                #expect(text.contains(check["value"] as? String ?? "\u{0}"), "\(file): item \(id) contains \(check["value"] ?? "")")
            case "text_not_contains":
                #expect(!text.contains(check["value"] as? String ?? "\u{0}"), "\(file): item \(id) lacks \(check["value"] ?? "")")
            case "min_chars":
                #expect((item?.chars ?? 0) >= (check["value"] as? Int ?? 0), "\(file): item \(id) min chars")
            case "max_chars":
                #expect((item?.chars ?? Int.max) <= (check["value"] as? Int ?? 0), "\(file): item \(id) max chars")
            default:
                continue   // confidence scores, method names and doc statuses of the other extractor
            }
        }
    }

    @Test("GE FY1993 full submission: header identity, items, MD&A from the annual-report pages")
    func ge() throws {
        let report = try Self.extract("GE_10-K_FY1993_fullsubmission-txt.txt")
        #expect(report.identity.firm == "0000040545")
        #expect(report.identity.year == 1993)
        #expect(report.identity.formType == "10-K")
        #expect(report.identity.company == "GENERAL ELECTRIC CO")
        try Self.check(report, expectations: "adversarial_ge-1994-oldformat.json")
        let section = try #require(report.section(named: "mdna"))
        #expect(section.foundBy == .annualReportPages)
        let mdna = try #require(report.text(in: .mdna))
        #expect(mdna.hasPrefix("| MANAGEMENT'S DISCUSSION OF OPERATIONS"))
        #expect(mdna.contains("MANAGEMENT'S DISCUSSION OF FINANCIAL RESOURCES AND LIQUIDITY"))
        #expect(!mdna.contains("INDEPENDENT AUDITORS' REPORT"))
        #expect(!mdna.contains("Reported on pages 32-43"))
    }

    @Test("Microsoft FY2013 wrapped HTML: every item, Item 7 bounded")
    func msft() throws {
        let report = try Self.extract("MSFT_10-K_FY2013_legacy-html.htm")
        #expect(report.identity.year == 2013)
        #expect(report.identity.firm == "MSFT")
        #expect(report.identity.formType == "10-K")
        try Self.check(report, expectations: "golden_msft-2013-structure.json")
        try Self.check(report, expectations: "golden_msft-2013-content.json")
        try Self.check(report, expectations: "adversarial_msft-2013-website-block.json")
        let mdna = try #require(report.text(in: .mdna))
        #expect(mdna.contains("The following Management’s Discussion and Analysis"))
        #expect(mdna.contains("Frank H. Brod"))
        #expect((60_000...125_000).contains(mdna.unicodeScalars.count))
        #expect(!mdna.contains("QUANTITATIVE AND QUALITATIVE"))
    }

    @Test("Walmart FY2010 wrapped HTML: Part II incorporated by reference, Item 4 'Reserved' alone")
    func wmt() throws {
        let report = try Self.extract("WMT_10-K_FY2010_legacy-html.htm")
        #expect(report.identity.year == 2009)   // fiscal year ended 2010-01-31, Compustat rule
        #expect(report.identity.firm == "WMT")
        #expect(report.identity.company == "WAL-MART STORES, INC.")   // from the cover: no SEC header
        try Self.check(report, expectations: "golden_wmt-2010-shallow.json")
        #expect(report.text(in: .mdna) == nil)
        #expect(report.warnings.contains { $0.contains("MD&A missing: Item 7 is incorporated by reference") })
    }

    @Test("the libxml2 path gives the same items", arguments: ["MSFT_10-K_FY2013_legacy-html.htm", "WMT_10-K_FY2010_legacy-html.htm"])
    func libxml2Items(_ name: String) throws {
        let fast = try Self.extract(name)
        let reference = try Self.extract(name, parser: .libxml2)
        #expect(fast.matchText == reference.matchText)
        #expect(fast.items == reference.items)
    }
}
