import Foundation
import NQPEncoding
import NQPExtract
import NQPLexicon
@testable import NQPPipeline
import Testing

/// The text cache keeps what EDGAR extraction adds (README "Text cache", "SEC filings"): a re-count from the cache
/// gives the same result as a fresh extraction for every scope — identity from the SEC header, form type, company,
/// filing date, document kind, 10-K items, an EX-13 exhibit, and an MD&A taken from the exhibit.
@Suite("text cache with EDGAR submissions")
struct TextCacheEDGARTests {
    static func prose(_ topic: String, paragraphs: Int) -> String {
        (1...paragraphs).map {
            "Our \(topic) discussion in paragraph \($0) explains cloud computing revenue, costs and liquidity in detail."
        }.joined(separator: "\n")
    }

    /// A 10-K whose Item 7 is incorporated by reference from the annual report exhibit (EX-13).
    static let submission = """
        <SEC-DOCUMENT>0000012345-10-000001.txt : 20100301
        <SEC-HEADER>
        ACCESSION NUMBER:\t\t0000012345-10-000001
        CONFORMED SUBMISSION TYPE:\t10-K
        CONFORMED PERIOD OF REPORT:\t20091231
        FILED AS OF DATE:\t\t20100301
        \t\tCOMPANY CONFORMED NAME:\t\t\tEXAMPLE WIDGETS INC
        \t\tCENTRAL INDEX KEY:\t\t\t12345
        \t\tFISCAL YEAR END:\t\t\t1231
        </SEC-HEADER>
        <DOCUMENT>
        <TYPE>10-K
        <SEQUENCE>1
        <TEXT>
        Item 1A. Risk Factors
        \((1...10).map { "Cloud computing risk \($0) could harm our results of operations and growth." }.joined(separator: "\n"))
        Item 7. Management's Discussion and Analysis of Financial Condition and Results of Operations
        The information required by this item is incorporated by reference to the Annual Report to Share Owners.
        Item 8. Financial Statements and Supplementary Data
        Balance sheet.
        </TEXT>
        </DOCUMENT>
        <DOCUMENT>
        <TYPE>EX-13
        <SEQUENCE>2
        <DESCRIPTION>ANNUAL REPORT TO SHARE OWNERS
        <TEXT>
        To Our Share Owners
        \(prose("letter", paragraphs: 4))

        MANAGEMENT'S DISCUSSION AND ANALYSIS
        \(prose("operations", paragraphs: 25))

        REPORT OF INDEPENDENT ACCOUNTANTS
        In our opinion, the financial statements present fairly the position of the company.
        </TEXT>
        </DOCUMENT>
        </SEC-DOCUMENT>

        """

    static func processor(scope: Scope) throws -> ReportProcessor {
        let dictionary = try KeywordDictionary(name: "tech", categories: [
            KeywordCategory(name: "cloud", column: "tech_cloud", keywords: ["cloud computing"]),
        ])
        return ReportProcessor(extractor: ReportExtractor(), counters: [try KeywordCounter(dictionary: dictionary)],
                               scope: scope, kwicContext: 10)
    }

    @Test func aRecountFromTheCacheEqualsAFreshExtractionForEveryScope() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nqp-textcache-edgar-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("widgets-10k.txt")
        try Data(Self.submission.utf8).write(to: file)
        let sha = SHA256.hex(Array(Self.submission.utf8))
        for raw in ["full", "mdna", "item:1A", "document:EX-13"] {
            let processor = try Self.processor(scope: try #require(Scope(rawValue: raw)))
            let cache = TextCache(outputDirectory: folder.appendingPathComponent(raw),
                                  extractionFingerprint: TextCache.extractionFingerprint(
                                    extractor: processor.extractor, sections: SectionPatterns(),
                                    maxInflatedBytes: processor.maxInflatedBytes))
            let fresh = processor.process(fileAt: file, displayPath: "widgets-10k.txt", knownSHA256: sha)
            let stored = processor.process(fileAt: file, displayPath: "widgets-10k.txt", knownSHA256: sha, cache: cache)
            #expect(!stored.fromCache && stored.cacheError == nil)
            let recounted = processor.process(fileAt: file, displayPath: "widgets-10k.txt", knownSHA256: sha,
                                              cache: cache)
            #expect(recounted.fromCache, "\(raw)")
            #expect(recounted.outcome == fresh, "\(raw): a re-count from the cache differs from a fresh extraction")
            let result = try #require(recounted.outcome.results.first)
            #expect(result.firm == "0000012345")
            #expect(result.year == 2009)
            #expect(result.identityRoute == [.secHeader])
            #expect(result.formType == "10-K")
            #expect(result.company == "EXAMPLE WIDGETS INC")
            #expect(result.filed != nil)
            #expect(result.document != nil)
            #expect(result.scopeChars != nil, "\(raw): scope found")
            #expect((result.counts.first?.hits.count ?? 0) > 0, "\(raw): hits counted")
        }
    }

    @Test func pdfOptionsAndTheInflationLimitAreExtractionSettings() {
        let plain = ReportExtractor()
        var pdf = ExtractOptions()
        pdf.pdf.unreadableLimit = plain.options.pdf.unreadableLimit / 2
        let base = TextCache.extractionFingerprint(extractor: plain, sections: SectionPatterns(), maxInflatedBytes: 1 << 20)
        #expect(base == TextCache.extractionFingerprint(extractor: plain, sections: SectionPatterns(),
                                                        maxInflatedBytes: 1 << 20))
        #expect(base != TextCache.extractionFingerprint(extractor: ReportExtractor(options: pdf),
                                                        sections: SectionPatterns(), maxInflatedBytes: 1 << 20))
        #expect(base != TextCache.extractionFingerprint(extractor: plain, sections: SectionPatterns(),
                                                        maxInflatedBytes: 2 << 20))
        // Identity rules are counting settings: firm and year are decided again at count time.
        var identity = ExtractOptions()
        identity.identity.useXBRLFacts = !identity.identity.useXBRLFacts
        #expect(base == TextCache.extractionFingerprint(extractor: ReportExtractor(options: identity),
                                                        sections: SectionPatterns(), maxInflatedBytes: 1 << 20))
    }
}
