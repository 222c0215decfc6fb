import Foundation
import NQPExtract
@testable import NQPPipeline
import Testing

/// `reports.csv`: every row, a report's or a quarantined file's, has one field per column of the header.
@Suite("reports.csv rows")
struct ReportsCSVTests {
    /// The fields of one RFC 4180 line without embedded line breaks (quoted fields may hold commas and `""`).
    static func fields(_ line: String) -> [String] {
        var fields: [String] = [], field = "", quoted = false
        var characters = Array(line)[...]
        while let c = characters.popFirst() {
            if quoted {
                if c == "\"" {
                    if characters.first == "\"" { field.append("\""); characters.removeFirst() } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" { quoted = true
            } else if c == "," { fields.append(field); field = ""
            } else { field.append(c) }
        }
        fields.append(field)
        return fields
    }

    @Test func reportAndQuarantinedRowsHaveEveryColumn() throws {
        let report = try EDGARPipelineTests.process(
            EDGARPipelineTests.submission(form: "10-K", filed: "20100301", item7: "Incorporated by reference."),
            name: "a.txt", scope: .full)
        let failure = ReportStage.FailedReport(file: "b.html", sha256: "00", stage: .extract,
                                               reason: "not a text report", firstSeen: "", lastSeen: "")
        let csv = String(decoding: ReportTables.reportsCSV(results: [report], failures: [failure], status: [:]),
                         as: UTF8.self)
        let lines = csv.split(whereSeparator: \.isNewline).map(String.init)
        #expect(lines.count == 3)
        let header = Self.fields(lines[0])
        #expect(header == ReportTables.reportsHeader)
        for line in lines.dropFirst() {
            #expect(Self.fields(line).count == header.count, "\(line)")
        }
        let quarantined = Self.fields(lines[2])
        #expect(quarantined[0] == "b.html")
        #expect(quarantined[header.firstIndex(of: "status")!] == "quarantined")
        #expect(quarantined[header.firstIndex(of: "warnings")!] == "[extract] not a text report")
    }
}
