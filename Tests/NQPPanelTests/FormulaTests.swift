import NQPTable
import Testing
@testable import NQPPanel

@Suite("Formula language and derived indicators")
struct FormulaTests {
    /// Firm A has 2018, 2019, 2021 (a gap at 2020); firm B has 2019, 2020.
    let base = panel(firms: ["A", "A", "A", "B", "B"], years: [2018, 2019, 2021, 2019, 2020], [
        ("x", [1, 2, 4, 10, 0]),
        ("y", [2, 0, -1, 5, nil]),
    ])

    func compute(_ formula: String, on table: Table? = nil) throws -> ([Double?], IndicatorReport) {
        let (out, reports) = try IndicatorEngine.compute([IndicatorDefinition(name: "z", formula: formula)],
                                                         on: table ?? base, keyColumns: .standard)
        return (numbers(out, "z"), try #require(reports.first))
    }

    func value(_ formula: String) throws -> Double? { try compute(formula).0.first ?? nil }

    @Test("Arithmetic, precedence, unary minus and right-associative powers")
    func arithmetic() throws {
        #expect(try value("1 + 2 * 3") == 7)
        #expect(try value("(1 + 2) * 3") == 9)
        #expect(try value("-2 ^ 2") == -4)
        #expect(try value("2 ^ 3 ^ 2") == 512)
        #expect(try value("2 ^ -1") == 0.5)
        #expect(try value("10 / 4 - 1") == 1.5)
        #expect(try value("1.5e2 + .5") == 150.5)
    }

    @Test("Comparisons and logic give 1 or 0")
    func logic() throws {
        #expect(try value("1 < 2") == 1)
        #expect(try value("2 <= 1") == 0)
        #expect(try value("3 > 2 and 1 >= 1") == 1)
        #expect(try value("1 == 2 or 1 != 1") == 0)
        #expect(try value("not 0") == 1)
        #expect(try value("!(1 == 1) || 2 > 1 && 0") == 0)
    }

    @Test("Every function computes its textbook value")
    func functions() throws {
        #expect(try value("ln(exp(2))") == 2)
        #expect(try value("log(1)") == 0)
        #expect(try value("log10(1000)") == 3)
        #expect(try value("abs(-3)") == 3)
        #expect(try value("sqrt(16)") == 4)
        #expect(try value("min(3, 1, 2)") == 1)
        #expect(try value("max(3, 1, 2)") == 3)
        #expect(try value("max(5)") == 5)
        #expect(try value("if(1 > 0, 10, 20)") == 10)
        #expect(try value("if(0, 10, 20)") == 20)
    }

    @Test("if() needs only the branch it takes; min/max with a missing argument are missing")
    func missingRules() throws {
        let (ifs, _) = try compute("if(x > 5, x, y)")
        #expect(ifs == [2, 0, -1, 10, nil])
        let (mins, report) = try compute("min(x, y)")
        #expect(mins == [1, 0, -1, 5, nil])
        #expect(report.missingInput == 1)
    }

    @Test("lag and lead follow the year, so a gap in years gives missing")
    func lagLead() throws {
        #expect(try compute("lag(x)").0 == [nil, 1, nil, nil, 10])
        #expect(try compute("lag(x, 2)").0 == [nil, nil, 2, nil, nil])
        #expect(try compute("lead(x)").0 == [2, nil, nil, 0, nil])
        #expect(try compute("lead(x, 3)").0 == [4, nil, nil, nil, nil])
        #expect(try compute("lag(x + y)").0 == [nil, 3, nil, nil, 15])
    }

    @Test("mean_lag averages with last year; growth divides by |lag|, zero base counted as division by zero")
    func meanLagGrowth() throws {
        #expect(try compute("mean_lag(x)").0 == [nil, 1.5, nil, nil, 5])
        let (g, report) = try compute("growth(y)")
        #expect(g == [nil, -1, nil, nil, nil])
        #expect(report.missingInput == 4)
        let (g2, report2) = try compute("growth(x)", on: panel(firms: ["A", "A", "A"], years: [2001, 2002, 2003],
                                                               [("x", [-2, 0, 5])]))
        #expect(g2 == [nil, 1, nil])
        #expect(report2.divisionByZero == 1)
    }

    @Test("Division by zero, ln/log10 of non-positive and sqrt of negative are missing and counted")
    func domainErrors() throws {
        let (ratio, r1) = try compute("x / y")
        #expect(ratio == [0.5, nil, -4, 2, nil])
        #expect(r1.divisionByZero == 1)
        #expect(r1.missingInput == 1)
        #expect(r1.nonMissing == 3)
        let (logs, r2) = try compute("ln(y)")
        #expect(logs[0] == mathLog(2))
        #expect(r2.domainError == 2)
        #expect(try compute("log10(y)").1.domainError == 2)
        #expect(try compute("sqrt(y)").1.domainError == 1)
        #expect(try compute("y ^ 0.5").1.domainError == 1)
        let (big, r3) = try compute("exp(1000 * x)")
        #expect(big.allSatisfy { $0.map(\.isFinite) ?? true })
        #expect(r3.overflow == 4)
    }

    @Test("Parse errors name the column and draw a caret under it")
    func parseErrors() {
        func column(_ formula: String) -> Int? {
            do { _ = try FormulaParser(indicator: "z", formula: formula).parse() } catch {
                switch error {
                case .formulaSyntax(_, _, let c, _), .badFunctionCall(_, _, let c, _): return c
                default: return nil
                }
            }
            return nil
        }
        #expect(column("x + * y") == 5)
        #expect(column("(x + y") == 7)
        #expect(column("x = y") == 3)
        #expect(column("x $ y") == 3)
        #expect(column("foo(x)") == 1)
        #expect(column("min()") == 1)
        #expect(column("lag(x, 0)") == 1)
        #expect(column("lag(x, y)") == 1)
        #expect(column("x y") == 3)
        #expect(column("") == 1)
        let message = PanelError.formulaSyntax(indicator: "z", formula: "x + * y", column: 5,
                                               message: "expected a number").description
        #expect(message.hasSuffix("  x + * y\n      ^"))
    }

    @Test("Unknown variables are errors with their column; text variables cannot be computed on")
    func unknownVariable() {
        #expect(throws: PanelError.unknownVariable(indicator: "z", formula: "x + nope", column: 5, name: "nope")) {
            try IndicatorEngine.compute([IndicatorDefinition(name: "z", formula: "x + nope")], on: base, keyColumns: .standard)
        }
        #expect(throws: PanelError.self) {
            try IndicatorEngine.compute([IndicatorDefinition(name: "z", formula: "firm + 1")], on: base, keyColumns: .standard)
        }
    }

    @Test("Indicators may use earlier indicators in any order; cycles are an error")
    func dependencies() throws {
        let defs = [IndicatorDefinition(name: "b", formula: "a * 2", label: "twice a", unit: "ratio"),
                    IndicatorDefinition(name: "a", formula: "x + 1")]
        let (out, reports) = try IndicatorEngine.compute(defs, on: base, keyColumns: .standard)
        #expect(numbers(out, "b") == [4, 6, 10, 22, 2])
        #expect(out.columns.suffix(2).map(\.name) == ["b", "a"])
        #expect(out.column(named: "b")?.label == "twice a")
        #expect(out.column(named: "b")?.definition == "a * 2")
        #expect(reports.map(\.name) == ["b", "a"])
        let cyclic = [IndicatorDefinition(name: "p", formula: "q + 1"), IndicatorDefinition(name: "q", formula: "p")]
        #expect(throws: PanelError.indicatorCycle(["p", "q", "p"])) {
            try IndicatorEngine.compute(cyclic, on: base, keyColumns: .standard)
        }
        #expect(throws: PanelError.duplicateIndicator("x")) {
            try IndicatorEngine.compute([IndicatorDefinition(name: "x", formula: "1")], on: base, keyColumns: .standard)
        }
    }

    @Test("Quoted names allow Chinese and punctuation in variable names")
    func quotedNames() throws {
        let t = panel(firms: ["A"], years: [2019], [("营业收入", [4]), ("研发费用-工资薪酬", [1])])
        let (out, _) = try IndicatorEngine.compute(
            [IndicatorDefinition(name: "r", formula: "`研发费用-工资薪酬` / 营业收入")], on: t, keyColumns: .standard)
        #expect(numbers(out, "r") == [0.25])
    }
}

/// Generated formulas used to crash the recursive parser (SIGSEGV): bounded with a clear error.
@Suite("Formula size limits")
struct FormulaLimitTests {
    @Test func deepNestingAndLongSumsAreErrorsNotCrashes() {
        let deep = String(repeating: "(", count: 5_000) + "x" + String(repeating: ")", count: 5_000)
        let sum = Array(repeating: "x", count: 100_000).joined(separator: "+")
        let unary = String(repeating: "-", count: 200) + "x"
        for formula in [deep, sum, unary, String(repeating: "not ", count: 200) + "x"] {
            do {
                _ = try FormulaParser(indicator: "i", formula: formula).parse()
                Issue.record("accepted a formula of \(formula.count) characters")
            } catch {
                let text = "\(error)"
                #expect(text.contains("limit") || text.contains("nesting deeper"), "\(text.prefix(200))")
                #expect(text.utf8.count < 600, "the message quotes a window of the formula, not all of it")
            }
        }
    }

    @Test func formulasWithinTheLimitsStillParse() throws {
        let nested = String(repeating: "(", count: 90) + "x" + String(repeating: ")", count: 90)
        _ = try FormulaParser(indicator: "i", formula: nested).parse()
        let sum = Array(repeating: "x", count: 400).joined(separator: " + ")
        _ = try FormulaParser(indicator: "i", formula: sum).parse()
        _ = try FormulaParser(indicator: "i", formula: "max(lag(x, 2), -(-y), not z)").parse()
    }
}
