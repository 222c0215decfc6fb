import Foundation
import GRDB
import NQPTable
import NQPEncoding

/// Optional panel.sqlite: table `panel` (one column per variable: INTEGER for byte/int/long storage, REAL for
/// double, TEXT for strings; missing = NULL) and table `labels(name, label, unit, definition)`. Built in a
/// temporary file in the output folder and renamed into place.
enum PanelSQLite {
    static func write(_ table: NQPTable.Table, variables: [DTAWriter.Variable], to url: URL) throws(ExportError) {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try? FileManager.default.removeItem(at: temporary)
            let queue = try DatabaseQueue(path: temporary.path)
            try queue.inDatabase { (db: Database) throws -> Void in
                try db.inTransaction { () throws -> Database.TransactionCompletion in
                    let definitions = zip(table.columns, variables).map { column, variable -> String in
                        let type: String
                        switch variable.type {
                        case .byte, .int, .long: type = "INTEGER"
                        case .float, .double: type = "REAL"
                        case .str, .strL: type = "TEXT"
                        }
                        return "\(quoted(column.name)) \(type)"
                    }
                    try db.execute(sql: "CREATE TABLE panel (\(definitions.joined(separator: ", ")))")
                    if !table.columns.isEmpty {
                        let placeholders = Array(repeating: "?", count: table.columns.count).joined(separator: ", ")
                        let insert = try db.makeStatement(sql: "INSERT INTO panel VALUES (\(placeholders))")
                        for row in 0..<table.rowCount {
                            var values: [(any DatabaseValueConvertible)?] = []
                            values.reserveCapacity(table.columns.count)
                            for (column, variable) in zip(table.columns, variables) {
                                switch column.values {
                                case .number(let v):
                                    let value = v[row].flatMap { $0.isFinite ? $0 : nil }
                                    switch variable.type {
                                    case .byte, .int, .long: values.append(value.map { Int64($0) })
                                    default: values.append(value)
                                    }
                                case .text(let v): values.append(v[row])
                                }
                            }
                            try insert.execute(arguments: StatementArguments(values))
                        }
                    }
                    try db.execute(sql: "CREATE TABLE labels (name TEXT PRIMARY KEY, label TEXT, unit TEXT, definition TEXT)")
                    for column in table.columns {
                        try db.execute(sql: "INSERT INTO labels VALUES (?, ?, ?, ?)",
                                       arguments: [column.name, column.label, column.unit, column.definition])
                    }
                    return .commit
                }
            }
            try queue.close()
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .sqlite(path: url.path, reason: FileErrorReason.describe(error))
        }
        if rename(temporary.path, url.path) != 0 {
            try? FileManager.default.removeItem(at: temporary)
            throw .sqlite(path: url.path, reason: "cannot rename the temporary database into place (errno \(errno))")
        }
    }

    static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
