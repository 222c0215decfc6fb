import Foundation
import NQPTestSupport
import Testing

/// report.html of `nqp run` on the shipped samples: every number on the page recomputed here from the CSV
/// outputs (with code independent of NQPReport), `nqp report`, the no-change rerun, a run that stops before the
/// panel. Serialized: each test spawns the binary.
@Suite("run report end to end", .serialized)
struct RunReportTests {
    @Test func everyNumberOnThePageEqualsTheCSVs() throws {
        let workspace = try Workspace("nqp-report")
        defer { workspace.remove() }
        #expect(try workspace.run().status == 0)
        let out = workspace.output()
        let page = try ReportHTML(url: out.appendingPathComponent("report.html"))

        // Coverage: reports per year and format, MD&A found.
        let reports = try CSVFile(out.appendingPathComponent("reports.csv"))
        let ok = reports.rows.filter { reports[$0, "status"] != "quarantined" && !reports[$0, "year"].isEmpty }
        let years = Set(ok.map { reports[$0, "year"] }).sorted()
        let formats = Set(ok.map { reports[$0, "format"] })
        let yearTable = page.table("t-years")
        let header = try #require(yearTable.first)
        #expect(Set(header.dropFirst().prefix(formats.count)) == formats, "formats from the data: \(header)")
        #expect(yearTable.count == years.count + 1)
        for (year, row) in zip(years, yearTable.dropFirst()) {
            let rows = ok.filter { reports[$0, "year"] == year }
            #expect(row[0] == year)
            for format in formats {
                let column = try #require(header.firstIndex(of: format))
                #expect(intValue(row[column]) == rows.filter { reports[$0, "format"] == format }.count, "\(year) \(format)")
            }
            let found = rows.filter { reports[$0, "sections"].contains("mdna[") }.count
            #expect(intValue(row[header.count - 3]) == rows.count)
            #expect(intValue(row[header.count - 2]) == found)
            #expect(row[header.count - 1] == String(format: "%.1f%%", Double(found) * 100 / Double(rows.count)))
        }
        var routes: [String: Int] = [:]
        for row in ok { routes[reports[row, "identified_by"], default: 0] += 1 }
        #expect(Dictionary(uniqueKeysWithValues: page.table("t-routes").dropFirst().map { ($0[0], intValue($0[1]) ?? -1) }) == routes)
        let errors = try CSVFile(out.appendingPathComponent("errors.csv"))
        #expect(page.text.contains("\(errors.rows.count) reports quarantined"))

        // Text measures: dt_index per year from panel.csv.
        let panel = try CSVFile(out.appendingPathComponent("panel.csv"))
        let indexTable = page.table("t-d0-index")
        #expect(indexTable.count > 1)
        for row in indexTable.dropFirst() {
            let rows = panel.rows.filter { panel[$0, "year"] == row[0] && !panel[$0, "dt_index"].isEmpty }
            let values = rows.compactMap { Double(panel[$0, "dt_index"]) }.sorted()
            #expect(intValue(row[1]) == values.count)
            expectClose(row[2], values.reduce(0, +) / Double(values.count))
            expectClose(row[3], quantile7(values, 0.5))
            expectClose(row[4], quantile7(values, 0.25))
            expectClose(row[5], quantile7(values, 0.75))
            #expect(intValue(row[6]) == rows.filter { (Double(panel[$0, "dt_total"]) ?? 0) > 0 }.count)
        }

        // Keywords and categories from counts.csv.
        let counts = try CSVFile(out.appendingPathComponent("counts.csv"))
        var seen = Set<String>()
        var totals: [String: (Int, Int, Int)] = [:]
        var categories: [String: Int] = [:]
        for row in counts.rows {
            categories["\(counts[row, "category"])|\(counts[row, "year"])", default: 0] += Int(counts[row, "count"]) ?? 0
            guard seen.insert("\(counts[row, "file"])|\(counts[row, "keyword"])").inserted else { continue }
            let t = totals[counts[row, "keyword"]] ?? (0, 0, 0)
            totals[counts[row, "keyword"]] = (t.0 + (Int(counts[row, "count"]) ?? 0), t.1 + (Int(counts[row, "negated"]) ?? 0),
                                              t.2 + (Int(counts[row, "excluded"]) ?? 0))
        }
        let top = totals.filter { $0.value.0 + $0.value.1 + $0.value.2 > 0 }.sorted { ($1.value.0, $1.value.1 + $1.value.2, $0.key) < ($0.value.0, $0.value.1 + $0.value.2, $1.key) }.prefix(20)
        #expect(page.table("t-d0-keywords").dropFirst().map { $0.map { $0.replacingOccurrences(of: ",", with: "") } }
                == top.map { [$0.key, String($0.value.0), String($0.value.1), String($0.value.2)] })
        let categoryTable = page.table("t-d0-categories")
        let categoryYears = try #require(categoryTable.first).dropFirst()
        for row in categoryTable.dropFirst() {
            for (year, cell) in zip(categoryYears, row.dropFirst()) {
                #expect(intValue(cell) == categories["\(row[0])|\(year)"] ?? 0, "\(row[0]) \(year)")
            }
        }

        // The funnel: merge_report.csv, then the screens, ending at the panel's rows.
        let merge = try CSVFile(out.appendingPathComponent("merge_report.csv"))
        func merged(_ source: String, _ category: String) -> Int? {
            merge.rows.first { merge[$0, "source"] == source && merge[$0, "category"] == category }.flatMap { Int(merge[$0, "count"]) }
        }
        let funnel = page.table("t-funnel").dropFirst()
        #expect(funnel.first.map { intValue($0[1]) } == merged("all", "text"))
        for row in funnel where row[0].hasPrefix("matched in ") {
            #expect(intValue(row[1]) == merged(String(row[0].dropFirst("matched in ".count)), "matched"))
        }
        #expect(funnel.first { $0[0] == "kept by the merge" }.map { intValue($0[1]) } == merged("all", "kept"))
        #expect(funnel.last.map { intValue($0[1]) } == panel.rows.count, "the last step is the panel")

        // Scores: weights.csv and the score column of panel.csv.
        let weights = try CSVFile(out.appendingPathComponent("weights.csv"))
        let weightTable = page.table("t-s0-weights")
        let weightYears = try #require(weightTable.first).dropFirst(4)
        #expect(weightTable.count - 1 == Set(weights.rows.map { weights[$0, "dimension"] + "|" + weights[$0, "indicator"] }).count)
        for row in weightTable.dropFirst() {
            for (year, cell) in zip(weightYears, row.dropFirst(4)) {
                let match = weights.rows.first {
                    weights[$0, "dimension"] == row[1] && weights[$0, "indicator"] == row[2] && weights[$0, "year"] == year
                }
                expectClose(cell, try #require(match.flatMap { Double(weights[$0, "composite_weight"]) }))
            }
        }
        for row in page.table("t-s0-dist").dropFirst() {
            let values = panel.rows.filter { panel[$0, "year"] == row[0] }.compactMap { Double(panel[$0, "nqp"]) }.sorted()
            #expect(intValue(row[1]) == values.count)
            expectClose(row[3], quantile7(values, 0.5))
            expectClose(row[4], quantile7(values, 0.25))
            expectClose(row[5], quantile7(values, 0.75))
        }
        let unscored = panel.rows.filter { panel[$0, "nqp"].isEmpty }.count
        #expect(page.text.contains("\(unscored) panel rows have no nqp score"))

        // Self-contained and accessible.
        #expect(!page.text.contains("<script"))
        #expect(!page.text.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http://") && !page.text.contains("https://"))
        let svgs = page.text.components(separatedBy: "<svg ").count - 1
        #expect(svgs >= 8)
        #expect(page.text.components(separatedBy: "<title id=").count - 1 == svgs)
        #expect(page.text.components(separatedBy: "<desc id=").count - 1 == svgs)
    }

    @Test func rerunSaysNothingChangedAndNqpReportRewritesThePage() throws {
        let workspace = try Workspace("nqp-report")
        defer { workspace.remove() }
        #expect(try workspace.run().status == 0)
        let pageURL = workspace.output().appendingPathComponent("report.html")
        let first = try String(contentsOf: pageURL, encoding: .utf8)
        #expect(first.contains("Run completed"))
        #expect(try workspace.run().status == 0)
        let second = try String(contentsOf: pageURL, encoding: .utf8)
        #expect(second.contains("Nothing changed since the last run"))
        #expect(Workspace.withoutRunMetadata(second) == Workspace.withoutRunMetadata(first))

        try FileManager.default.removeItem(at: pageURL)
        let result = try workspace.nqp(["report", "--config", workspace.config.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("report.html"))
        let rewritten = try String(contentsOf: pageURL, encoding: .utf8)
        #expect(rewritten == second, "nqp report gives the page nqp run wrote")
    }

    @Test func nqpReportWithoutARunExplainsWhatToDo() throws {
        let workspace = try Workspace("nqp-report")
        defer { workspace.remove() }
        let result = try workspace.nqp(["report", "--config", workspace.config.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("manifest.json") && result.stderr.contains("nqp run"), "\(result.stderr)")
    }

    /// A panel stage that fails on the data (a screen that leaves no firm-year; the configuration is valid, so
    /// `validate` lets it through) stops the run before publishing: the published page stays the last complete
    /// run's, and this run's page, built from the files it did write, goes beside it marked incomplete.
    @Test func aRunThatStopsBeforeThePanelWritesAMarkedReport() throws {
        let workspace = try Workspace("nqp-report")
        defer { workspace.remove() }
        #expect(try workspace.run().status == 0)
        try workspace.setConfig("financials.screens.year_range", "{from: 2030, to: 2031}")
        let result = try workspace.run()
        #expect(result.status == 2, "\(result.stderr)")
        let page = try String(contentsOf: workspace.output().appendingPathComponent("report-incomplete.html"),
                              encoding: .utf8)
        #expect(page.contains("Incomplete run"))
        let published = try String(contentsOf: workspace.output().appendingPathComponent("report.html"),
                                   encoding: .utf8)
        #expect(!published.contains("Incomplete run"), "the published page stays the last complete run's")
        #expect(page.contains("id=\"t-years\""), "coverage of this run")
        #expect(!page.contains("id=\"t-s0-weights\""), "no scores of the earlier run")
        #expect(!page.contains("id=\"t-d0-index\""), "no panel statistics of the earlier run")
        // The next complete run publishes its own page and removes the failed run's.
        try workspace.setConfig("financials.screens.year_range", "{from: 2019, to: 2021}")
        #expect(try workspace.run().status == 0)
        #expect(!FileManager.default.fileExists(
            atPath: workspace.output().appendingPathComponent("report-incomplete.html").path))
    }

    /// The page in a real browser (Debian's chromium, installed by .ci/run): a screenshot that is not blank,
    /// every SVG laid out with a non-zero size, and no console message (the page has no script, so any message
    /// is an error such as a blocked resource).
    @Test func theSamplePageRendersInHeadlessChromium() throws {
        guard let chromium = which("chromium") ?? which("chromium-browser") else {
            print("skipped: chromium is not installed (apt-get install chromium; .ci/run installs it)")
            return
        }
        let workspace = try Workspace("nqp-report")
        defer { workspace.remove() }
        #expect(try workspace.run().status == 0)
        let page = workspace.output().appendingPathComponent("report.html")
        let screenshot = workspace.root.appendingPathComponent("report.png")
        // Bounded: a browser that hangs fails the test instead of hanging it.
        let (browser, prefix) = which("timeout").map { ($0, ["120", chromium]) } ?? (chromium, [])
        let flags = prefix + ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                     "--user-data-dir=\(workspace.root.appendingPathComponent("chromium-profile").path)"]
        let shot = try runCommand(browser, flags + ["--enable-logging=stderr", "--v=0", "--window-size=1280,2400",
                                                     "--screenshot=\(screenshot.path)", page.absoluteString])
        #expect(shot.status == 0, "\(shot.stderr)")
        let console = shot.stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }
        #expect(console.isEmpty, "browser console: \(console)")
        let image = try PNGImage(contentsOf: screenshot)
        #expect(image.width == 1280)
        let (background, share) = image.dominantColour()
        #expect(share < 0.97, "not blank: \(Int(share * 100))% of pixels are the background colour \(background)")
        #expect(image.containsColour(r: 0x00, g: 0x72, b: 0xB2), "the charts' first colour is on screen")

        // A copy of the page with a probe script (and a policy that allows it) reports each SVG's laid-out size.
        var probe = try String(contentsOf: page, encoding: .utf8)
        probe = probe.replacingOccurrences(of: "default-src 'none';", with: "default-src 'none'; script-src 'unsafe-inline';")
        probe = probe.replacingOccurrences(of: "</body>", with: """
            <script>addEventListener('load', () => { const sizes = [...document.querySelectorAll('svg')].map(s => { const r = s.getBoundingClientRect(); return s.id + '=' + Math.round(r.width) + 'x' + Math.round(r.height); }); const p = document.createElement('pre'); p.id = 'probe'; p.textContent = 'SVGS ' + sizes.join(' ') + ' END'; document.body.appendChild(p); });</script></body>
            """)
        let probeURL = workspace.output().appendingPathComponent("probe.html")
        try probe.write(to: probeURL, atomically: true, encoding: .utf8)
        let dom = try runCommand(browser, flags + ["--window-size=1280,900", "--virtual-time-budget=5000", "--dump-dom",
                                                    probeURL.absoluteString])
        // The probe's output, not the script's own text: the element the script adds.
        let line = try #require(dom.stdout.range(of: "<pre id=\"probe\">SVGS ").flatMap { start in
            dom.stdout.range(of: " END", range: start.upperBound..<dom.stdout.endIndex).map { String(dom.stdout[start.upperBound..<$0.lowerBound]) }
        }, "probe output: \(dom.stdout.suffix(500)) \(dom.stderr.suffix(500))")
        let sizes = line.split(separator: " ")
        let svgCount = try String(contentsOf: page, encoding: .utf8).components(separatedBy: "<svg ").count - 1
        #expect(sizes.count == svgCount)
        for size in sizes {
            let parts = size.split(separator: "=").last?.split(separator: "x").compactMap { Int($0) } ?? []
            #expect(parts.count == 2 && parts.allSatisfy { $0 > 0 }, "SVG \(size) has a size")
        }
    }
}

// MARK: - independent helpers

/// The p-quantile with linear interpolation between order statistics (R type 7, numpy's default).
func quantile7(_ sorted: [Double], _ p: Double) -> Double {
    let h = Double(sorted.count - 1) * p
    let lower = sorted[Int(h)]
    let upper = sorted[min(Int(h) + 1, sorted.count - 1)]
    return lower + (h - Double(Int(h))) * (upper - lower)
}

func intValue(_ cell: String) -> Int? { Int(cell.replacingOccurrences(of: ",", with: "")) }

/// Page numbers have four significant digits.
func expectClose(_ cell: String, _ value: Double, sourceLocation: SourceLocation = #_sourceLocation) {
    guard let shown = Double(cell.replacingOccurrences(of: ",", with: "")) else {
        Issue.record("not a number: \(cell)", sourceLocation: sourceLocation)
        return
    }
    #expect(abs(shown - value) <= max(abs(value), 1e-12) * 1e-3, "\(cell) vs \(value)", sourceLocation: sourceLocation)
}

struct CSVFile {
    let header: [String: Int]
    let rows: [[String]]
    init(_ url: URL) throws {
        let all = parseCSV(try Data(contentsOf: url))
        header = Dictionary(zip(all.first ?? [], 0...), uniquingKeysWith: { a, _ in a })
        rows = Array(all.dropFirst())
    }
    subscript(_ row: [String], _ column: String) -> String {
        guard let i = header[column], i < row.count else { return "" }
        return row[i]
    }
}

/// The tables of report.html, cell texts unescaped.
struct ReportHTML {
    let text: String
    init(url: URL) throws { text = try String(contentsOf: url, encoding: .utf8) }

    func table(_ id: String) -> [[String]] {
        guard let start = text.range(of: "<table id=\"\(id)\""),
              let end = text.range(of: "</table>", range: start.upperBound..<text.endIndex) else { return [] }
        let body = String(text[start.upperBound..<end.lowerBound])
        let cell = try! NSRegularExpression(pattern: "<t[hd][^>]*>(.*?)</t[hd]>", options: [.dotMatchesLineSeparators])
        return body.components(separatedBy: "<tr").dropFirst().map { row in
            cell.matches(in: row, range: NSRange(row.startIndex..., in: row)).compactMap { match in
                Range(match.range(at: 1), in: row).map {
                    String(row[$0]).replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                        .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
                }
            }
        }
    }
}
