import NQPTable
import Testing
@testable import NQPPanel

@Suite("Merge on (firm, year) with a Stata-style report")
struct MergeTests {
    // text: A2019 A2020 B2019 C2019; income: A2019 A2020 B2020; balance: A2019 C2019 D2019
    let text = KeyedTable(source: "text", keys: [.init(firm: "A", year: 2019), .init(firm: "A", year: 2020),
                                                 .init(firm: "B", year: 2019), .init(firm: "C", year: 2019)],
                          columns: [Column(name: "dt", label: "DT count", values: .number([1, 2, 3, 4]))])
    let income = KeyedTable(source: "income", keys: [.init(firm: "A", year: 2019), .init(firm: "A", year: 2020),
                                                     .init(firm: "B", year: 2020)],
                            columns: [Column(name: "revenue", label: "营业收入", values: .number([10, 20, 30]))])
    let balance = KeyedTable(source: "balance", keys: [.init(firm: "D", year: 2019), .init(firm: "A", year: 2019),
                                                       .init(firm: "C", year: 2019)],
                             columns: [Column(name: "assets", values: .number([400, 100, 300]))])

    func merge(_ how: MergeHow) throws -> (Table, MergeReport) {
        try PanelMerger.merge(text: text, financials: [income, balance], options: MergeOptions(how: how))
    }

    @Test("Counts: matched, text only, financials only — overall and per source")
    func counts() throws {
        let (_, r) = try merge(.leftText)
        #expect(r.textKeys == 4)
        #expect(r.financialKeys == 5)
        #expect(r.matched == 3)          // A2019, A2020, C2019
        #expect(r.textOnly == 1)         // B2019
        #expect(r.financialsOnly == 2)   // B2020, D2019
        #expect(r.perSource[0] == .init(source: "income", rows: 3, matched: 2, textOnly: 2, sourceOnly: 1))
        #expect(r.perSource[1] == .init(source: "balance", rows: 3, matched: 2, textOnly: 2, sourceOnly: 1))
        #expect(r.unmatched.filter { $0.source == "all" }.map { "\($0.category) \($0.firm) \($0.year)" }
                == ["text_only B 2019", "financials_only B 2020", "financials_only D 2019"])
    }

    @Test("Each `how` keeps its rows, sorted by firm then year, with labels")
    func hows() throws {
        let (inner, ri) = try merge(.inner)
        #expect(texts(inner, "firm") == ["A", "A", "C"])
        #expect(numbers(inner, "year") == [2019, 2020, 2019])
        #expect(numbers(inner, "revenue") == [10, 20, nil])
        #expect(numbers(inner, "assets") == [100, nil, 300])
        #expect(ri.kept == 3)
        #expect(ri.dropped == 3)
        #expect(inner.column(named: "revenue")?.label == "营业收入")

        let (left, _) = try merge(.leftText)
        #expect(texts(left, "firm") == ["A", "A", "B", "C"])
        #expect(numbers(left, "dt") == [1, 2, 3, 4])

        let (leftFin, _) = try merge(.leftFinancials)
        #expect(texts(leftFin, "firm") == ["A", "A", "B", "C", "D"])
        #expect(numbers(leftFin, "year") == [2019, 2020, 2020, 2019, 2019])
        #expect(numbers(leftFin, "dt") == [1, 2, nil, 4, nil])

        let (outer, ro) = try merge(.outer)
        #expect(outer.rowCount == 6)
        #expect(ro.dropped == 0)
    }

    @Test("merge_report.csv is tidy: source, category, count")
    func csv() throws {
        let (_, r) = try merge(.inner)
        let lines = r.summaryCSV.split(separator: "\n").map(String.init)
        #expect(lines.first == "source,category,count")
        #expect(lines.contains("all,matched,3"))
        #expect(lines.contains("all,kept,3"))
        #expect(lines.contains("income,source_only,1"))
        #expect(r.summaryTable.rowCount == 7 + 2 * 4)
        #expect(r.unmatchedTable.columns.map(\.name) == ["source", "category", "firm", "year"])
        #expect(r.summaryLines[0].contains("3 matched, 1 text only, 2 financials only"))
    }

    @Test("A status column records each row's category like _merge")
    func status() throws {
        let (t, _) = try PanelMerger.merge(text: text, financials: [income, balance],
                                           options: MergeOptions(how: .outer, statusColumn: "_merge"))
        #expect(texts(t, "_merge") == ["matched", "matched", "text_only", "financials_only", "matched",
                                       "financials_only"])
    }

    @Test("Duplicate keys in any input and clashing variable names are errors")
    func errors() {
        var dup = income
        dup.keys[2] = .init(firm: "A", year: 2020)
        #expect(throws: PanelError.duplicateKeys(source: "income", count: 1, examples: ["A 2020 (rows 2, 3)"])) {
            try PanelMerger.merge(text: text, financials: [dup])
        }
        var clash = balance
        clash.columns[0].name = "revenue"
        #expect(throws: PanelError.variableCollision(variable: "revenue", sources: ["income", "balance"])) {
            try PanelMerger.merge(text: text, financials: [income, clash])
        }
    }

    @Test("Renamed key columns: the merge writes them, indicators and screens find the keys under them")
    func renamedKeyColumns() throws {
        let keys = PanelKeyColumns(firm: "stkcd", year: "fyear")
        let (merged, _) = try PanelMerger.merge(text: text, financials: [income, balance],
                                                options: MergeOptions(how: .leftText, keyColumns: keys))
        #expect(Array(merged.columns.prefix(2).map(\.name)) == ["stkcd", "fyear"])
        let (computed, _) = try IndicatorEngine.compute([IndicatorDefinition(name: "g", formula: "lag(dt)")],
                                                        on: merged, keyColumns: keys)
        guard case .number(let lagged)? = computed.column(named: "g")?.values else { Issue.record(); return }
        #expect(lagged == [nil, 1, nil, nil])  // A2020's lag is A2019
        let (screened, _) = try SampleScreener.apply(ScreenOptions(yearRange: YearRange(from: 2020)), to: computed,
                                                     keyColumns: keys)
        #expect(screened.rowCount == 1)
        #expect(throws: PanelError.missingKeyColumn("firm")) {
            try IndicatorEngine.compute([], on: merged, keyColumns: .standard)
        }
        #expect(throws: PanelError.sameKeyColumnNames("id")) {
            try PanelMerger.merge(text: text, financials: [],
                                  options: MergeOptions(keyColumns: PanelKeyColumns(firm: "id", year: "id")))
        }
    }

    @Test("Reading a panel's keys: a row without a firm or year is an error naming the row")
    func missingKeyIsAnError() throws {
        let keys = PanelKeyColumns(firm: "stkcd", year: "fyear")
        let t = Table(columns: [Column(name: "stkcd", values: .text(["000001", "000002", " "])),
                                Column(name: "fyear", values: .number([2019, nil, 2019]))])
        #expect(throws: PanelError.missingKey(table: "panel", row: 2, column: "fyear")) {
            try keys.keys(of: t, tableName: "panel")
        }
        var firstTwo = t
        firstTwo.columns = t.columns.map { $0.selectingRows([0, 2]) }
        #expect(throws: PanelError.missingKey(table: "panel", row: 2, column: "stkcd")) {
            try keys.keys(of: firstTwo, tableName: "panel")
        }
        firstTwo.columns = t.columns.map { $0.selectingRows([0]) }
        #expect(try keys.keys(of: firstTwo, tableName: "panel") == [PanelKey(firm: "000001", year: 2019)])
    }

    @Test("A text-measure Table becomes a keyed table; rows without a key are returned, not dropped silently")
    func fromTable() throws {
        let t = Table(columns: [Column(name: "firm", values: .text(["1", "000002", nil])),
                                Column(name: "year", values: .number([2019, 2019, 2019])),
                                Column(name: "dt", values: .number([1, 2, 3]))])
        let (keyed, without) = try KeyedTable.from(t, source: "text", keyColumns: .standard, firmWidth: 6)
        #expect(keyed.keys == [.init(firm: "000001", year: 2019), .init(firm: "000002", year: 2019)])
        #expect(without == [2])
    }
}
