import Foundation
import NQPTable

/// Number formatting for the page: locale-independent, so the same data give the same bytes everywhere.
enum Format {
    /// `9996` → `9,996`.
    static func count(_ value: Int) -> String { NumberFormatting.grouped(value) }

    /// Whole numbers grouped, others with four significant digits (`0.3872`, `2.708`, `15.44`).
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        if value == value.rounded(), abs(value) < 1e15 { return count(Int(value)) }
        if abs(value) >= 10_000 { return count(Int(value.rounded())) }
        return String(format: "%.4g", value)
    }

    /// A share as a percentage with one decimal.
    static func percent(_ part: Int, of whole: Int) -> String {
        whole > 0 ? String(format: "%.1f%%", Double(part) * 100 / Double(whole)) : "–"
    }

    static func tick(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return count(Int(value)) }
        return String(format: "%.6g", value)
    }

    static func seconds(_ value: Double) -> String { String(format: "%.2f s", value) }
}

enum HTML {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
