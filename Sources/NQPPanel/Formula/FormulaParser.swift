/// Recursive-descent parser for the formula language.
///
/// Precedence, loosest first: `or` · `and` · `not` · comparisons (`< <= > >= == !=`, results 1/0) · `+ -` ·
/// `* /` · unary `-`/`+` · `^` (right-associative, so `-x^2` is `-(x^2)` and `2^-1` is 0.5).
public struct FormulaParser: Sendable {
    public let indicator: String
    public let formula: String

    public init(indicator: String, formula: String) {
        self.indicator = indicator
        self.formula = formula
    }

    /// Most tokens a formula may have, and deepest nesting of parentheses, calls and unary operators (README
    /// "Limits"). Real indicator formulas have a few dozen tokens; the bounds keep the recursive parser and
    /// evaluator far from the stack's end, so a generated 5,000-level formula is an error, not a crash.
    public static let maxTokens = 1_000
    public static let maxDepth = 100

    public func parse() throws(PanelError) -> FormulaExpression {
        let tokens = try FormulaLexer(indicator: indicator, formula: formula).tokens()
        if tokens.count - 1 > Self.maxTokens {
            throw syntax("the formula has \(tokens.count - 1) tokens, more than the limit of \(Self.maxTokens); "
                         + "split it into several indicators that refer to each other", at: tokens[Self.maxTokens].column)
        }
        var state = State(tokens: tokens)
        if case .end = state.current.kind {
            throw syntax("empty formula", at: 1)
        }
        let expression = try parseOr(&state)
        guard case .end = state.current.kind else {
            throw syntax("unexpected \(describe(state.current)) after a complete expression", at: state.current.column)
        }
        return expression
    }

    private struct State {
        var tokens: [FormulaToken]
        var position = 0
        var depth = 0
        var current: FormulaToken { tokens[position] }
        mutating func advance() { if position < tokens.count - 1 { position += 1 } }
        func isSymbol(_ s: String) -> Bool { current.kind == .symbol(s) }
    }

    /// One more level of nesting at the current token; throws beyond `maxDepth`.
    private func nest(_ s: inout State) throws(PanelError) {
        s.depth += 1
        if s.depth > Self.maxDepth {
            throw syntax("nesting deeper than \(Self.maxDepth) levels (parentheses, calls, unary operators); "
                         + "split the formula into several indicators", at: s.current.column)
        }
    }

    private func syntax(_ message: String, at column: Int) -> PanelError {
        .formulaSyntax(indicator: indicator, formula: formula, column: column, message: message)
    }

    private func describe(_ token: FormulaToken) -> String {
        switch token.kind {
        case .number(let v): "number \(NumberText.format(v))"
        case .identifier(let s): "name '\(s)'"
        case .symbol(let s): "'\(s)'"
        case .end: "end of formula"
        }
    }

    private func parseOr(_ s: inout State) throws(PanelError) -> FormulaExpression {
        var left = try parseAnd(&s)
        while s.isSymbol("or") {
            s.advance()
            left = .binary(.or, left, try parseAnd(&s))
        }
        return left
    }

    private func parseAnd(_ s: inout State) throws(PanelError) -> FormulaExpression {
        var left = try parseNot(&s)
        while s.isSymbol("and") {
            s.advance()
            left = .binary(.and, left, try parseNot(&s))
        }
        return left
    }

    private func parseNot(_ s: inout State) throws(PanelError) -> FormulaExpression {
        if s.isSymbol("not") {
            try nest(&s)
            s.advance()
            let inner = try parseNot(&s)
            s.depth -= 1
            return .not(inner)
        }
        return try parseComparison(&s)
    }

    private static let comparisons: [String: FormulaExpression.BinaryOperator] = [
        "<": .less, "<=": .lessEqual, ">": .greater, ">=": .greaterEqual, "==": .equal, "!=": .notEqual,
    ]

    private func parseComparison(_ s: inout State) throws(PanelError) -> FormulaExpression {
        var left = try parseAdditive(&s)
        while case .symbol(let sym) = s.current.kind, let op = Self.comparisons[sym] {
            s.advance()
            left = .binary(op, left, try parseAdditive(&s))
        }
        return left
    }

    private func parseAdditive(_ s: inout State) throws(PanelError) -> FormulaExpression {
        var left = try parseMultiplicative(&s)
        while s.isSymbol("+") || s.isSymbol("-") {
            let op: FormulaExpression.BinaryOperator = s.isSymbol("+") ? .add : .subtract
            s.advance()
            left = .binary(op, left, try parseMultiplicative(&s))
        }
        return left
    }

    private func parseMultiplicative(_ s: inout State) throws(PanelError) -> FormulaExpression {
        var left = try parseUnary(&s)
        while s.isSymbol("*") || s.isSymbol("/") {
            let op: FormulaExpression.BinaryOperator = s.isSymbol("*") ? .multiply : .divide
            s.advance()
            left = .binary(op, left, try parseUnary(&s))
        }
        return left
    }

    private func parseUnary(_ s: inout State) throws(PanelError) -> FormulaExpression {
        if s.isSymbol("-") || s.isSymbol("+") {
            let negate = s.isSymbol("-")
            try nest(&s)
            s.advance()
            let inner = try parseUnary(&s)
            s.depth -= 1
            return negate ? .negate(inner) : inner
        }
        return try parsePower(&s)
    }

    private func parsePower(_ s: inout State) throws(PanelError) -> FormulaExpression {
        let base = try parsePrimary(&s)
        if s.isSymbol("^") {
            s.advance()
            return .binary(.power, base, try parseUnary(&s))
        }
        return base
    }

    private func parsePrimary(_ s: inout State) throws(PanelError) -> FormulaExpression {
        let token = s.current
        switch token.kind {
        case .number(let value):
            s.advance()
            return .number(value)
        case .identifier(let name):
            s.advance()
            guard s.isSymbol("(") else { return .variable(name, column: token.column) }
            guard let function = FormulaFunction(rawValue: name.lowercased()) else {
                throw PanelError.badFunctionCall(indicator: indicator, formula: formula, column: token.column,
                    message: "unknown function '\(name)' (known: "
                        + FormulaFunction.allCases.map(\.rawValue).joined(separator: ", ") + ")")
            }
            try nest(&s)
            s.advance()
            var args: [FormulaExpression] = []
            if !s.isSymbol(")") {
                args.append(try parseOr(&s))
                while s.isSymbol(",") {
                    s.advance()
                    args.append(try parseOr(&s))
                }
            }
            guard s.isSymbol(")") else {
                throw syntax("expected ',' or ')' in the call of \(name), found \(describe(s.current))",
                             at: s.current.column)
            }
            s.advance()
            s.depth -= 1
            try checkCall(function, args, column: token.column)
            return .call(function, args, column: token.column)
        case .symbol("("):
            try nest(&s)
            s.advance()
            let inner = try parseOr(&s)
            guard s.isSymbol(")") else {
                throw syntax("expected ')' to close the '(' at column \(token.column), found \(describe(s.current))",
                             at: s.current.column)
            }
            s.advance()
            s.depth -= 1
            return inner
        default:
            throw syntax("expected a number, a name or '(', found \(describe(token))", at: token.column)
        }
    }

    private func checkCall(_ f: FormulaFunction, _ args: [FormulaExpression], column: Int) throws(PanelError) {
        guard f.arity.contains(args.count) else {
            let expected = f.arity.upperBound == Int.max ? "at least \(f.arity.lowerBound)"
                : f.arity.lowerBound == f.arity.upperBound ? "\(f.arity.lowerBound)"
                : "\(f.arity.lowerBound) or \(f.arity.upperBound)"
            throw .badFunctionCall(indicator: indicator, formula: formula, column: column,
                                   message: "\(f.rawValue)() takes \(expected) argument(s), got \(args.count)")
        }
        if f == .lag || f == .lead, args.count == 2 {
            guard case .number(let k) = args[1], k == k.rounded(), k >= 1, k <= 100 else {
                throw .badFunctionCall(indicator: indicator, formula: formula, column: column,
                                       message: "the second argument of \(f.rawValue)() must be a whole number "
                                           + "of years, 1–100")
            }
        }
    }
}
