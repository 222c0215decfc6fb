import Foundation
import NQPTable
import NQPTestSupport
import Testing
@testable import NQPPanel

@Suite("Sample screens and winsorising")
struct ScreenTests {
    let table = Table(columns: [
        Column(name: "firm", values: .text(["000001", "000002", "200002", "600000", "900901", "300001", "000004"])),
        Column(name: "year", values: .number([2014, 2015, 2016, 2019, 2020, 2022, 2023])),
        Column(name: "ind", values: .text(["J66", "C13", "C27", "C43", "C44", nil, "K70"])),
        Column(name: "st", values: .text(["", "*ST", "0", "ST", "PT", "", "S*ST"])),
        Column(name: "name", values: .text(["平安银行", "*ST万科", "万科B", "浦发银行", "ST甲", "特锐德", "国华"])),
        Column(name: "roe", values: .number([0.1, nil, 0.3, 0.4, 0.5, 0.6, 0.7])),
    ])

    func run(_ options: ScreenOptions) throws -> (Table, ScreenReport) {
        try SampleScreener.apply(options, to: table, keyColumns: .standard)
    }

    @Test("Year range drops years outside, inclusive bounds")
    func years() throws {
        let (t, r) = try run(ScreenOptions(yearRange: YearRange(from: 2015, to: 2022)))
        #expect(numbers(t, "year") == [2015, 2016, 2019, 2020, 2022])
        #expect(r.steps.first?.dropped == 2)
        #expect(r.summaryLines.first == "2 firm-years dropped by year range 2015–2022 (5 remain)")
    }

    @Test("Industry keep C13-C43 means divisions 13 to 43 of section C; missing codes dropped with keep")
    func manufacturing() throws {
        let (t, r) = try run(ScreenOptions(industry: IndustryScreen(column: "ind", keep: ["C13-C43"])))
        #expect(texts(t, "ind") == ["C13", "C27", "C43"])
        #expect(r.steps.first?.dropped == 4)
    }

    @Test("Industry drop J removes every J code; missing codes kept with drop only")
    func finance() throws {
        let (t, _) = try run(ScreenOptions(industry: IndustryScreen(column: "ind", drop: ["J", "K70"])))
        #expect(texts(t, "ind") == ["C13", "C27", "C43", "C44", nil])
    }

    @Test("Industry patterns parse CSRC-2012 forms and reject others")
    func patterns() throws {
        let range = try #require(IndustryPattern("C13–C43"))
        #expect(range.matches(try #require(IndustryCode("C3911"))))
        #expect(!range.matches(try #require(IndustryCode("C44"))))
        #expect(!range.matches(try #require(IndustryCode("D13"))))
        #expect(IndustryPattern("C13-43") == range)
        #expect(IndustryPattern("C43-C13") == nil)
        #expect(IndustryPattern("C13-D20") == nil)
        #expect(throws: PanelError.self) {
            try run(ScreenOptions(industry: IndustryScreen(column: "ind", keep: ["13"])))
        }
    }

    @Test("ST flags: exact values from a status column, or prefixes of a short name")
    func specialTreatment() throws {
        let (t, r) = try run(ScreenOptions(specialTreatment: FlagScreen(column: "st")))
        #expect(texts(t, "firm") == ["000001", "200002", "300001"])
        #expect(r.steps.first?.dropped == 4)
        let (byName, _) = try run(ScreenOptions(specialTreatment: FlagScreen(column: "name", match: .prefix)))
        #expect(texts(byName, "name") == ["平安银行", "万科B", "浦发银行", "特锐德", "国华"])
        let (numeric, _) = try SampleScreener.apply(
            ScreenOptions(specialTreatment: FlagScreen(column: "flag", values: ["1"])),
            to: panel(firms: ["a", "b"], years: [2019, 2019], [("flag", [1, 0])]), keyColumns: .standard)
        #expect(texts(numeric, "firm") == ["b"])
    }

    @Test("B shares are dropped by code prefix 200 and 900")
    func bShares() throws {
        let (t, r) = try run(ScreenOptions(bShares: BShareScreen()))
        #expect(!(texts(t, "firm").contains("200002")))
        #expect(!(texts(t, "firm").contains("900901")))
        #expect(r.steps.first?.dropped == 2)
    }

    @Test("Firm-years missing a key variable are dropped, one step per variable")
    func required() throws {
        let (t, r) = try run(ScreenOptions(requireVariables: ["roe", "ind"]))
        #expect(t.rowCount == 5)
        #expect(r.steps.map(\.screen) == ["missing roe", "missing ind"])
        #expect(r.steps.map(\.dropped) == [1, 1])
    }

    @Test("Screens run in the documented order and each reports its own drops")
    func order() throws {
        let (_, r) = try run(ScreenOptions(yearRange: YearRange(from: 2015), industry: IndustryScreen(column: "ind",
                                           drop: ["J"]), bShares: BShareScreen(), requireVariables: ["roe"]))
        #expect(r.steps.map(\.dropped) == [1, 0, 2, 1])
        #expect(r.steps.last?.remaining == 3)
    }

    @Test("Stata _pctile percentiles on a hand-computed example")
    func percentiles() {
        let x = (1...10).map(Double.init)
        #expect(Percentile.stata(sorted: x, p: 25) == 3)      // P = 2.5 → x(3)
        #expect(Percentile.stata(sorted: x, p: 10) == 1.5)    // P = 1 → (x1 + x2) / 2
        #expect(Percentile.stata(sorted: x, p: 50) == 5.5)
        #expect(Percentile.stata(sorted: x, p: 90) == 9.5)
        #expect(Percentile.stata(sorted: x, p: 1) == 1)       // P = 0.1 → x(1)
        #expect(Percentile.stata(sorted: x, p: 99) == 10)
        #expect(Percentile.stata(sorted: x, p: 0) == 1)
        #expect(Percentile.stata(sorted: x, p: 100) == 10)
        #expect(Percentile.stata(sorted: [], p: 50) == nil)
    }

    @Test("Percentiles equal numpy's averaged_inverted_cdf (the _pctile definition)",
          .enabled(if: Self.hasNumpy))
    func numpyAgreement() throws {
        var generator = SeededGenerator(seed: 42)
        for n in [137, 200, 7] {
            let values = (0..<n).map { _ in Double(Int.random(in: -100_000...100_000, using: &generator)) / 100 }
            let sorted = values.sorted()
            let ps: [Double] = [0.5, 1, 2.5, 5, 10, 25, 50, 75, 90, 95, 99]
            let dir = try TestPaths.temporaryDirectory("pctile")
            let file = dir.appendingPathComponent("x.txt")
            try values.map { "\($0)" }.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
            let script = "import numpy as np; x = np.loadtxt('\(file.path)'); "
                + "print('\\n'.join(repr(float(v)) for v in np.percentile(x, \(ps), method='averaged_inverted_cdf')))"
            let result = try runCommand(try #require(which("python3")), ["-c", script])
            try #require(result.status == 0, "\(result.stderr)")
            let expected = result.stdout.split(separator: "\n").compactMap { Double($0) }
            #expect(expected.count == ps.count)
            for (p, e) in zip(ps, expected) {
                let mine = try #require(Percentile.stata(sorted: sorted, p: p))
                #expect(abs(mine - e) <= 1e-9 * max(1, abs(e)), "n=\(n) p=\(p): \(mine) vs numpy \(e)")
            }
        }
    }

    static let hasNumpy: Bool = {
        guard let python = which("python3") else { return false }
        return (try? runCommand(python, ["-c", "import numpy"]))?.status == 0
    }()

    @Test("Winsorising clips at the percentiles, pooled, and reports the cut points")
    func winsorPooled() throws {
        let values: [Double?] = (1...10).map(Double.init) + [nil]
        let t = panel(firms: (0..<11).map { "f\($0)" }, years: Array(repeating: 2019, count: 11), [("v", values)])
        let (w, r) = try SampleScreener.apply(ScreenOptions(winsorize: WinsorizeOptions(variables: ["v"], lower: 10,
                                                                                        upper: 90)), to: t, keyColumns: .standard)
        #expect(numbers(w, "v") == [1.5, 2, 3, 4, 5, 6, 7, 8, 9, 9.5, nil])
        let cut = try #require(r.cuts.first)
        #expect(cut.n == 10)
        #expect(cut.lower == 1.5 && cut.upper == 9.5)
        #expect(cut.clippedLow == 1 && cut.clippedHigh == 1)
        #expect(cut.year == nil)
    }

    @Test("Winsorising by year uses each year's own percentiles; a suffix keeps the original")
    func winsorByYear() throws {
        let t = panel(firms: ["a", "b", "c", "a", "b", "c"], years: [2019, 2019, 2019, 2020, 2020, 2020],
                      [("v", [1, 2, 3, 10, 20, 300])])
        let options = WinsorizeOptions(variables: ["v"], lower: 50, upper: 60, by: .year, suffix: "_w")
        let (w, r) = try SampleScreener.apply(ScreenOptions(winsorize: options), to: t, keyColumns: .standard)
        // n = 3: P(50) = 1.5 → x(2); P(60) = 1.8 → x(2)
        #expect(numbers(w, "v_w") == [2, 2, 2, 20, 20, 20])
        #expect(numbers(w, "v") == [1, 2, 3, 10, 20, 300])
        #expect(r.cuts.map(\.year) == [2019, 2020])
        #expect(r.cuts.map(\.lower) == [2, 20])
        #expect(throws: PanelError.self) {
            try SampleScreener.apply(ScreenOptions(winsorize: WinsorizeOptions(variables: ["v"], lower: 99,
                                                                               upper: 1)), to: t, keyColumns: .standard)
        }
    }
}
