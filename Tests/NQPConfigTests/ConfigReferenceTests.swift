import Foundation
import NQPConfig
import Testing

/// README.md's configuration tables are the schema's: this test fails when they differ and, with
/// `NQP_UPDATE_README=1 swift test --filter ConfigReferenceTests`, rewrites them between their markers.
@Suite("Configuration reference in README.md")
struct ConfigReferenceTests {
    static let readme = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("README.md")

    @Test func readmeTablesAreRenderedFromTheSchema() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let (updated, missing) = ConfigReference.updating(text)
        #expect(missing.isEmpty, "README.md has no markers for the tables \(missing)")
        if ProcessInfo.processInfo.environment["NQP_UPDATE_README"] == "1" {
            if updated != text { try updated.write(to: Self.readme, atomically: true, encoding: .utf8) }
            return
        }
        #expect(updated == text, """
            README.md's configuration tables differ from the schema (Sources/NQPConfig); run \
            NQP_UPDATE_README=1 swift test --filter ConfigReferenceTests
            """)
    }

    @Test func everyKeyOfTheFileHasARow() {
        let keys = Set(ConfigReference.tables.flatMap { $0.rows.map(\.key) })
        for name in ["paths", "pdf.memory_limit_mb", "negation.window", "kwic", "merge.how", "firm_width",
                     "winsorize", "shift_applies_to", "output.sqlite", "run.text_cache"] {
            #expect(keys.contains(name), "no README row for \(name)")
        }
    }

    @Test func tableCellsCannotBreakTheTable() {
        for table in ConfigReference.tables {
            for row in table.rows {
                #expect(!(row.key + row.shown + row.doc).contains("|"), "\(table.name).\(row.key) holds a '|'")
                #expect(!row.doc.isEmpty, "\(table.name).\(row.key) has no doc line")
            }
        }
    }
}
