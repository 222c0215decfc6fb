import Foundation
import NQPExtract
import NQPLexicon
@testable import NQPPipeline
import Testing

/// SEC filings through the report stage: form type and company reach `reports.csv`; a 10-K/A and its 10-K follow
/// `reports.duplicates` by filing date.
@Suite("EDGAR filings in the pipeline")
struct EDGARPipelineTests {
    static func submission(form: String, filed: String, item7: String) -> String {
        """
        <SEC-DOCUMENT>0000012345-\(filed.prefix(4))-000001.txt : \(filed)
        <SEC-HEADER>
        ACCESSION NUMBER:\t\t0000012345-\(filed.prefix(4))-000001
        CONFORMED SUBMISSION TYPE:\t\(form)
        CONFORMED PERIOD OF REPORT:\t20091231
        FILED AS OF DATE:\t\t\(filed)
        \t\tCOMPANY CONFORMED NAME:\t\t\tEXAMPLE WIDGETS INC
        \t\tCENTRAL INDEX KEY:\t\t\t12345
        \t\tFISCAL YEAR END:\t\t\t1231
        </SEC-HEADER>
        <DOCUMENT>
        <TYPE>\(form)
        <SEQUENCE>1
        <TEXT>
        Item 1A. Risk Factors
        \((1...10).map { "Cloud computing risk \($0) could harm our results of operations and growth." }.joined(separator: "\n"))
        Item 7. Management's Discussion and Analysis of Financial Condition and Results of Operations
        \(item7)
        Item 8. Financial Statements and Supplementary Data
        Balance sheet.
        </TEXT>
        </DOCUMENT>
        </SEC-DOCUMENT>
        """
    }

    static func process(_ text: String, name: String, scope: Scope) throws -> ReportResult {
        let dictionary = try KeywordDictionary(name: "tech", categories: [
            KeywordCategory(name: "cloud", column: "tech_cloud", keywords: ["cloud computing"]),
        ])
        let processor = ReportProcessor(extractor: ReportExtractor(), counters: [try KeywordCounter(dictionary: dictionary)],
                                        scope: scope, kwicContext: nil, hashesContent: false)
        switch processor.process(ReportInput(path: name, bytes: Array(text.utf8)), displayPath: name) {
        case .success(let result): return result
        case .failure(let failure): throw failure
        }
    }

    @Test func formTypeAndCompanyAreColumnsOfReportsCSV() throws {
        let result = try Self.process(Self.submission(form: "10-K", filed: "20100301", item7: "Incorporated by reference."),
                                      name: "a.txt", scope: Scope(rawValue: "item:1A")!)
        #expect(result.firm == "0000012345")
        #expect(result.year == 2009)
        #expect(result.identityRoute == [.secHeader])
        #expect(result.counts.first?.keywords.first { $0.keyword == "cloud computing" }?.count == 10)
        let csv = String(decoding: ReportTables.reportsCSV(results: [result], failures: [], status: [:]), as: UTF8.self)
        let lines = csv.split(whereSeparator: \.isNewline)
        #expect(lines.first?.contains(",form_type,company,") == true)
        #expect(lines.dropFirst().first?.contains(",10-K,EXAMPLE WIDGETS INC,") == true)
    }

    @Test func anAmendmentFiledLaterIsTheLatest() throws {
        let original = try Self.process(Self.submission(form: "10-K", filed: "20100301", item7: "Incorporated by reference."),
                                        name: "z-original.txt", scope: .full)
        let amendment = try Self.process(Self.submission(form: "10-K/A", filed: "20100915", item7: "Incorporated by reference."),
                                         name: "a-amendment.txt", scope: .full)
        #expect(amendment.formType == "10-K/A")
        let latest = DuplicateReports.choose([original, amendment], rule: .latest)
        #expect(latest.chosen.map(\.file) == ["a-amendment.txt"])
        #expect(latest.status["z-original.txt"]?.hasPrefix("duplicate") == true)
        #expect(DuplicateReports.choose([original, amendment], rule: .first).chosen.map(\.file) == ["z-original.txt"])
    }
}
