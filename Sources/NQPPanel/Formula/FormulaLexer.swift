/// A token of the formula language with its 1-based column (in characters) in the formula.
struct FormulaToken: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        case number(Double)
        case identifier(String)
        /// Operators and punctuation: + - * / ^ ( ) , < <= > >= == != and or not
        case symbol(String)
        case end
    }

    var kind: Kind
    var column: Int
}

/// Splits a formula into tokens. Identifiers are Unicode letters, digits and `_` not starting with a digit
/// (`营业收入`, `B001101000`, `rd_expense`), or any text in backticks (`` `研发费用-工资薪酬` ``).
/// `and`, `or`, `not` (any case) and `&&`, `||`, `!` are the logical operators.
struct FormulaLexer {
    let indicator: String
    let formula: String

    func tokens() throws(PanelError) -> [FormulaToken] {
        let chars = Array(formula)
        var tokens: [FormulaToken] = []
        var i = 0
        func fail(_ message: String, at column: Int) -> PanelError {
            .formulaSyntax(indicator: indicator, formula: formula, column: column, message: message)
        }
        while i < chars.count {
            let c = chars[i], column = i + 1
            if c.isWhitespace { i += 1; continue }
            if c.isASCIIDigit || (c == "." && i + 1 < chars.count && chars[i + 1].isASCIIDigit) {
                var j = i
                while j < chars.count, chars[j].isASCIIDigit || chars[j] == "." { j += 1 }
                if j < chars.count, chars[j] == "e" || chars[j] == "E" {
                    var k = j + 1
                    if k < chars.count, chars[k] == "+" || chars[k] == "-" { k += 1 }
                    if k < chars.count, chars[k].isASCIIDigit {
                        while k < chars.count, chars[k].isASCIIDigit { k += 1 }
                        j = k
                    }
                }
                let text = String(chars[i..<j])
                guard let value = Double(text), value.isFinite else {
                    throw fail("malformed number '\(text)'", at: column)
                }
                if j < chars.count, Self.isIdentifierPart(chars[j]) {
                    throw fail("a name cannot start with a digit ('\(text)\(chars[j])…'); quote it in backticks",
                               at: column)
                }
                tokens.append(FormulaToken(kind: .number(value), column: column))
                i = j
            } else if c == "`" {
                guard let close = chars[(i + 1)...].firstIndex(of: "`") else {
                    throw fail("unterminated `quoted name`", at: column)
                }
                let name = String(chars[(i + 1)..<close])
                if name.isEmpty { throw fail("empty quoted name", at: column) }
                tokens.append(FormulaToken(kind: .identifier(name), column: column))
                i = close + 1
            } else if Self.isIdentifierStart(c) {
                var j = i
                while j < chars.count, Self.isIdentifierPart(chars[j]) { j += 1 }
                let word = String(chars[i..<j])
                switch word.lowercased() {
                case "and", "or", "not": tokens.append(FormulaToken(kind: .symbol(word.lowercased()), column: column))
                default: tokens.append(FormulaToken(kind: .identifier(word), column: column))
                }
                i = j
            } else {
                let two = i + 1 < chars.count ? String(chars[i...(i + 1)]) : ""
                switch two {
                case "<=", ">=", "==", "!=":
                    tokens.append(FormulaToken(kind: .symbol(two), column: column)); i += 2; continue
                case "&&": tokens.append(FormulaToken(kind: .symbol("and"), column: column)); i += 2; continue
                case "||": tokens.append(FormulaToken(kind: .symbol("or"), column: column)); i += 2; continue
                default: break
                }
                switch c {
                case "+", "-", "*", "/", "^", "(", ")", ",", "<", ">":
                    tokens.append(FormulaToken(kind: .symbol(String(c)), column: column))
                case "!":
                    tokens.append(FormulaToken(kind: .symbol("not"), column: column))
                case "=":
                    throw fail("'=' is not an operator; use '==' to compare", at: column)
                default:
                    throw fail("unexpected character '\(c)'", at: column)
                }
                i += 1
            }
        }
        tokens.append(FormulaToken(kind: .end, column: chars.count + 1))
        return tokens
    }

    static func isIdentifierStart(_ c: Character) -> Bool { c == "_" || (c.isLetter && !c.isASCIIDigit) }
    static func isIdentifierPart(_ c: Character) -> Bool { c == "_" || c.isLetter || c.isNumber }
}
