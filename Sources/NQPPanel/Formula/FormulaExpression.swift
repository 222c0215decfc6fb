/// The syntax tree of a formula. Columns (1-based) locate each node for error messages.
public indirect enum FormulaExpression: Equatable, Sendable {
    case number(Double)
    case variable(String, column: Int)
    case negate(FormulaExpression)
    case not(FormulaExpression)
    case binary(BinaryOperator, FormulaExpression, FormulaExpression)
    case call(FormulaFunction, [FormulaExpression], column: Int)

    public enum BinaryOperator: String, Sendable {
        case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^"
        case less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">=", equal = "==", notEqual = "!="
        case and, or
    }

    /// Variables the expression reads, with the column of their first use, in order of appearance.
    public var variables: [(name: String, column: Int)] {
        var out: [(String, Int)] = []
        func walk(_ e: FormulaExpression) {
            switch e {
            case .number: break
            case .variable(let name, let column): if !out.contains(where: { $0.0 == name }) { out.append((name, column)) }
            case .negate(let x), .not(let x): walk(x)
            case .binary(_, let a, let b): walk(a); walk(b)
            case .call(_, let args, _): args.forEach(walk)
            }
        }
        walk(self)
        return out.map { (name: $0.0, column: $0.1) }
    }
}

/// Functions of the formula language.
///
/// Missing-value rule: any missing argument gives missing (`min`/`max` included — unlike Stata's `min()`, which
/// skips missing), except `if(c, a, b)`, which only needs `c` and the branch it picks.
/// - `ln` / `log` (natural), `log10`: missing for x ≤ 0; `sqrt`: missing for x < 0; `exp`, `abs`.
/// - `min(a, b, …)`, `max(a, b, …)`: one or more arguments.
/// - `if(c, a, b)`: a when c ≠ 0, b when c = 0.
/// - `lag(x)`, `lag(x, k)`: x of the same firm in year − k (k a positive whole number, default 1); missing when
///   that year is not in the panel — a gap in years gives missing, never the previous row.
/// - `lead(x)`, `lead(x, k)`: x in year + k.
/// - `mean_lag(x)`: (x + lag(x)) / 2, e.g. average total assets; missing when either is missing.
/// - `growth(x)`: (x − lag(x)) / |lag(x)|; missing when lag(x) is 0 (counted as a division by zero) or missing.
public enum FormulaFunction: String, Sendable, CaseIterable {
    case ln, log, log10, exp, abs, sqrt, min, max
    case ifThenElse = "if"
    case lag, lead
    case meanLag = "mean_lag"
    case growth

    var arity: ClosedRange<Int> {
        switch self {
        case .min, .max: 1...Int.max
        case .ifThenElse: 3...3
        case .lag, .lead: 1...2
        default: 1...1
        }
    }
}
