import NQPTable

/// Why a derived value is missing.
enum MissingReason: Sendable {
    case divisionByZero
    /// ln/log10 of x ≤ 0, sqrt of x < 0, a power with no real value.
    case domain
    /// A finite operation overflowed to ±∞.
    case overflow
}

/// The firm-year structure a panel operator needs: for each row, the row of the same firm `k` years away.
struct PanelIndex: Sendable {
    let firms: [String?]
    let years: [Int?]
    let rowOf: [PanelKey: Int]

    init(firms: [String?], years: [Int?]) {
        self.firms = firms
        self.years = years
        var map: [PanelKey: Int] = [:]
        for i in firms.indices {
            if let f = firms[i], let y = years[i] { map[PanelKey(firm: f, year: y)] = i }
        }
        rowOf = map
    }

    /// Values shifted by `years`: result[i] = values[row of (firm_i, year_i − years)] (lag for positive years).
    func shift(_ values: [Double?], by years: Int) -> [Double?] {
        values.indices.map { i in
            guard let f = firms[i], let y = self.years[i], let j = rowOf[PanelKey(firm: f, year: y - years)] else {
                return nil
            }
            return values[j]
        }
    }
}

/// Evaluates a checked expression over all rows at once (column-wise), recording the first reason a row became
/// missing through a computation (as opposed to a missing input). Never produces ±∞ or NaN.
struct FormulaEvaluator {
    let variables: [String: [Double?]]
    let index: PanelIndex
    let rowCount: Int
    private(set) var reasons: [MissingReason?]

    init(variables: [String: [Double?]], index: PanelIndex, rowCount: Int) {
        self.variables = variables
        self.index = index
        self.rowCount = rowCount
        reasons = Array(repeating: nil, count: rowCount)
    }

    mutating func evaluate(_ e: FormulaExpression) -> [Double?] {
        switch e {
        case .number(let v):
            return Array(repeating: v, count: rowCount)
        case .variable(let name, _):
            return variables[name] ?? Array(repeating: nil, count: rowCount)
        case .negate(let x):
            return evaluate(x).map { $0.map { -$0 } }
        case .not(let x):
            return evaluate(x).map { $0.map { $0 == 0 ? 1 : 0 } }
        case .binary(let op, let a, let b):
            let left = evaluate(a), right = evaluate(b)
            return (0..<rowCount).map { i in
                guard let x = left[i], let y = right[i] else { return nil }
                return apply(op, x, y, row: i)
            }
        case .call(let f, let args, _):
            return call(f, args)
        }
    }

    private mutating func apply(_ op: FormulaExpression.BinaryOperator, _ x: Double, _ y: Double, row: Int)
        -> Double? {
        switch op {
        case .add: return finite(x + y, row)
        case .subtract: return finite(x - y, row)
        case .multiply: return finite(x * y, row)
        case .divide:
            if y == 0 { return fail(.divisionByZero, row) }
            return finite(x / y, row)
        case .power:
            if x == 0 && y < 0 { return fail(.divisionByZero, row) }
            let r = mathPow(x, y)
            if r.isNaN { return fail(.domain, row) }
            return finite(r, row)
        case .less: return x < y ? 1 : 0
        case .lessEqual: return x <= y ? 1 : 0
        case .greater: return x > y ? 1 : 0
        case .greaterEqual: return x >= y ? 1 : 0
        case .equal: return x == y ? 1 : 0
        case .notEqual: return x != y ? 1 : 0
        case .and: return (x != 0 && y != 0) ? 1 : 0
        case .or: return (x != 0 || y != 0) ? 1 : 0
        }
    }

    private mutating func call(_ f: FormulaFunction, _ args: [FormulaExpression]) -> [Double?] {
        switch f {
        case .ln, .log, .log10, .sqrt, .exp, .abs:
            let x = evaluate(args[0])
            return (0..<rowCount).map { i in
                guard let v = x[i] else { return nil }
                switch f {
                case .ln, .log: return v > 0 ? mathLog(v) : fail(.domain, i)
                case .log10: return v > 0 ? mathLog10(v) : fail(.domain, i)
                case .sqrt: return v >= 0 ? v.squareRoot() : fail(.domain, i)
                case .exp: return finite(mathExp(v), i)
                default: return Swift.abs(v)
                }
            }
        case .min, .max:
            let columns = args.map { evaluate($0) }
            return (0..<rowCount).map { i in
                var result: Double?
                for column in columns {
                    guard let v = column[i] else { return nil }
                    result = result.map { f == .min ? Swift.min($0, v) : Swift.max($0, v) } ?? v
                }
                return result
            }
        case .ifThenElse:
            let c = evaluate(args[0]), a = evaluate(args[1]), b = evaluate(args[2])
            return (0..<rowCount).map { i in c[i].flatMap { $0 != 0 ? a[i] : b[i] } }
        case .lag, .lead:
            var k = 1
            if args.count == 2, case .number(let v) = args[1] { k = Int(v) }
            return index.shift(evaluate(args[0]), by: f == .lag ? k : -k)
        case .meanLag:
            let x = evaluate(args[0]), lagged = index.shift(x, by: 1)
            return (0..<rowCount).map { i in
                guard let a = x[i], let b = lagged[i] else { return nil }
                return finite((a + b) / 2, i)
            }
        case .growth:
            let x = evaluate(args[0]), lagged = index.shift(x, by: 1)
            return (0..<rowCount).map { i in
                guard let a = x[i], let b = lagged[i] else { return nil }
                if b == 0 { return fail(.divisionByZero, i) }
                return finite((a - b) / Swift.abs(b), i)
            }
        }
    }

    private mutating func fail(_ reason: MissingReason, _ row: Int) -> Double? {
        if reasons[row] == nil { reasons[row] = reason }
        return nil
    }

    private mutating func finite(_ value: Double, _ row: Int) -> Double? {
        value.isFinite ? value : fail(value.isNaN ? .domain : .overflow, row)
    }
}
