import Foundation

/// `ReportData` → the HTML page. Self-contained: inline CSS and SVG, no script, no external resource (the
/// Content-Security-Policy forbids loading any), system fonts (with the usual CJK families named).
///
/// Everything between `<!-- run-metadata:begin -->` and `<!-- run-metadata:end -->` describes this run (times,
/// report counts, exit status); everything else depends only on the data files, so identical outputs give
/// identical bytes outside that block.
public enum ReportPage {
    public static let runMetadataBegin = "<!-- run-metadata:begin -->"
    public static let runMetadataEnd = "<!-- run-metadata:end -->"

    public static func render(_ data: ReportData) -> String {
        var html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
        <meta name="generator" content="nqp">
        <title>nqp run report</title>
        <style>\(css)</style>
        </head>
        <body>
        <header><h1>nqp run report</h1>
        <nav aria-label="Sections"><a href="#run">The run</a> · <a href="#coverage">Coverage</a> · <a href="#text">Text measures</a> · <a href="#merge">Merge and screens</a> · <a href="#scores">Scores</a> · <a href="#warnings">Warnings</a></nav>
        </header>
        <main>

        """
        html += runMetadataBegin + "\n" + runSection(data) + runMetadataEnd + "\n"
        html += coverageSection(data)
        html += textSection(data)
        html += mergeSection(data)
        html += scoresSection(data)
        html += warningsSection(data)
        html += "</main>\n<footer>Written by nqp from the files of this output folder; <code>nqp report</code> rewrites it. Numbers are recomputed from reports.csv, counts.csv, errors.csv, merge_report.csv, weights.csv, panel.csv and manifest.json.</footer>\n</body>\n</html>\n"
        return html
    }

    // MARK: 1. the run

    static func runSection(_ data: ReportData) -> String {
        var html = "<section id=\"run\"><h2>1. The run</h2>\n"
        if let incomplete = data.incomplete {
            html += "<p class=\"banner failed\" role=\"alert\"><strong>Incomplete run:</strong> the run stopped before the panel was written. This page shows what it did (coverage, counts and failures); the merge, scores and panel sections are missing or partial. Error: \(esc(incomplete.error))</p>\n"
            html += keyValues([("nqp version", incomplete.version), ("configuration", incomplete.configFile),
                               ("configuration SHA-256", incomplete.configSHA256), ("started", incomplete.startedAt),
                               ("stopped", incomplete.finishedAt), ("exit status", String(incomplete.exitStatus))])
            html += countsTable(incomplete.reportCounts, id: "t-run-reports")
            return html + "</section>\n"
        }
        guard let run = data.run else {
            return html + "<p class=\"banner failed\">No manifest.json: the run metadata are not available.</p></section>\n"
        }
        let status = [0: "0 (success)", 1: "1 (failure)", 2: "2 (configuration error)",
                      3: "3 (completed; some reports quarantined, see errors.csv)", 4: "4 (lock held)"][run.exitStatus]
            ?? String(run.exitStatus)
        if run.noChange {
            html += "<p class=\"banner same\">Nothing changed since the last run: same reports, configuration and financial inputs. The outputs below are those of the last run.</p>\n"
        } else if run.exitStatus == 0 {
            html += "<p class=\"banner ok\">Run completed: \(Format.count(run.firmYears)) firm-years in the panel.</p>\n"
        } else {
            html += "<p class=\"banner warn\">Run completed with exit status \(esc(status)): \(Format.count(run.firmYears)) firm-years in the panel.</p>\n"
        }
        html += keyValues([("nqp version", run.version), ("configuration", run.configFile),
                           ("configuration SHA-256", run.configSHA256), ("started", run.startedAt),
                           ("finished", run.finishedAt), ("exit status", status),
                           ("firm-years in the panel", Format.count(run.firmYears)),
                           ("counted text scope", run.scope)])
        html += "<h3>Reports</h3>\n" + countsTable(run.reportCounts, id: "t-run-reports")
        if !run.stageSeconds.isEmpty {
            html += "<h3>Time per stage</h3>\n<table id=\"t-run-stages\"><thead><tr><th>stage</th><th>seconds</th></tr></thead><tbody>"
            for stage in run.stageSeconds {
                html += "<tr><td>\(esc(stage.name))</td><td class=\"n\">\(String(format: "%.3f", stage.value))</td></tr>"
            }
            let total = run.stageSeconds.reduce(0) { $0 + $1.value }
            html += "<tr class=\"total\"><td>total</td><td class=\"n\">\(String(format: "%.3f", total))</td></tr></tbody></table>\n"
        }
        return html + "</section>\n"
    }

    static func countsTable(_ counts: [NamedCount], id: String) -> String {
        var html = "<table id=\"\(id)\" class=\"compact\"><thead><tr>"
        for count in counts { html += "<th>\(esc(count.name))</th>" }
        html += "</tr></thead><tbody><tr>"
        for count in counts { html += "<td class=\"n\">\(Format.count(count.count))</td>" }
        return html + "</tr></tbody></table>\n"
    }

    static func keyValues(_ pairs: [(String, String)]) -> String {
        var html = "<dl class=\"kv\">"
        for (key, value) in pairs { html += "<dt>\(esc(key))</dt><dd>\(esc(value.isEmpty ? "–" : value))</dd>" }
        return html + "</dl>\n"
    }

    // MARK: 2. coverage

    static func coverageSection(_ data: ReportData) -> String {
        var html = "<section id=\"coverage\"><h2>2. Coverage</h2>\n"
        guard let c = data.coverage else {
            return html + unavailable("reports.csv", data) + "</section>\n"
        }
        let years = c.years.map(String.init)
        let series = c.formats.map { format in
            Chart.Series(name: format, values: c.years.map { Double(c.perYearFormat[$0]?[format] ?? 0) })
        }
        html += figure(
            Chart.stackedColumns(id: "f-years", title: "Reports per fiscal year, by format",
                                 desc: "Stacked columns: reports read per fiscal year, one colour per file format (\(c.formats.joined(separator: ", "))); quarantined reports are not included.",
                                 categories: years, series: series, xAxis: "fiscal year", yAxis: "reports"),
            caption: "Reports per fiscal year by format (reports.csv, quarantined reports excluded)\(c.withoutYear > 0 ? "; \(Format.count(c.withoutYear)) reports without a fiscal year" : "").",
            table: table(id: "t-years", header: ["fiscal year"] + c.formats + ["all", "MD&A found", "MD&A found (share)"],
                         rows: c.years.map { year in
                             let all = c.reportsPerYear[year] ?? 0, found = c.mdnaFound[year] ?? 0
                             return [String(year)] + c.formats.map { Format.count(c.perYearFormat[year]?[$0] ?? 0) }
                                 + [Format.count(all), Format.count(found), Format.percent(found, of: all)]
                         }))
        if !c.routes.isEmpty {
            html += figure(
                Chart.horizontalBars(id: "f-routes", title: "How firm and year were identified",
                                     desc: "Bars: reports per identification route (manifest CSV, file name, XBRL dei facts, combinations).",
                                     rows: c.routes.map(\.name),
                                     segments: [Chart.Series(name: "reports", values: c.routes.map { Double($0.count) })],
                                     xAxis: "reports"),
                caption: "Identification routes (reports.csv, column identified_by).",
                table: table(id: "t-routes", header: ["route", "reports"],
                             rows: c.routes.map { [$0.name, Format.count($0.count)] }))
        }
        html += figure(
            Chart.lines(id: "f-mdna", title: "Share of reports whose MD&A was found, per fiscal year",
                        desc: "Line: percentage of each year's reports in which the MD&A section was found.",
                        categories: years,
                        series: [Chart.Series(name: "MD&A found", values: c.years.map { year in
                            let all = c.reportsPerYear[year] ?? 0
                            return all > 0 ? Double(c.mdnaFound[year] ?? 0) * 100 / Double(all) : nil
                        })],
                        xAxis: "fiscal year", yAxis: "reports with MD&A found (%)", fromZero: true),
            caption: "MD&A found per fiscal year (reports.csv, column sections); the counted scope is set by counting.scope. Numbers in the table of reports per year above.",
            table: "")
        html += "<h3>Report status</h3>\n" + table(id: "t-status", header: ["status", "rows of reports.csv"],
                                                 rows: c.statuses.map { [$0.name, Format.count($0.count)] })
        html += "<h3>Decode errors</h3>\n<p id=\"p-decode\">\(Format.count(c.decodeErrorReports)) of \(Format.count(c.reports)) reports had bytes that could not be decoded (\(Format.count(c.decodeErrors)) replacement characters in all).</p>\n"
        if !c.worstDecoded.isEmpty {
            html += table(id: "t-decode", header: ["report", "decode errors"],
                          rows: c.worstDecoded.map { [$0.name, Format.count($0.count)] })
        }
        html += "<h3>Quarantine</h3>\n<p id=\"p-quarantine\">\(Format.count(c.quarantineTotal)) reports quarantined (listed with their reasons in <a href=\"errors.csv\">errors.csv</a>)\(c.quarantineTotal > c.quarantine.count ? "; the first \(c.quarantine.count) are shown" : "").</p>\n"
        if !c.quarantine.isEmpty {
            html += table(id: "t-quarantine", header: ["report", "stage", "reason"],
                          rows: c.quarantine.map { [$0.file, $0.stage, $0.reason] }, numeric: false)
        }
        return html + "</section>\n"
    }

    // MARK: 3. text measures

    static func textSection(_ data: ReportData) -> String {
        var html = "<section id=\"text\"><h2>3. Text measures</h2>\n"
        if data.text.isEmpty { return html + unavailable("counts.csv", data) + "</section>\n" }
        for (d, m) in data.text.enumerated() {
            let id = "d\(d)"
            html += "<h3>Dictionary \(esc(m.name))</h3>\n"
            if let column = m.indexColumn, !m.perYear.isEmpty {
                let years = m.perYear.map { String($0.year) }
                html += figure(
                    Chart.lines(id: "f-\(id)-index", title: "\(m.name): \(column) per fiscal year",
                                desc: "Median line with the inter-quartile band and the mean (dashed) of \(column) over the panel's firm-years, per fiscal year.",
                                categories: years,
                                series: [Chart.Series(name: "median (band: IQR)", values: m.perYear.map(\.median),
                                                      band: m.perYear.map { ($0.q1, $0.q3) }),
                                         Chart.Series(name: "mean", values: m.perYear.map(\.mean), dashed: true)],
                                xAxis: "fiscal year", yAxis: "\(column) = ln(1 + hits)", fromZero: true),
                    caption: "\(column) in panel.csv: mean, median and inter-quartile range per fiscal year; share of firm-years with at least one counted hit (\(m.totalColumn ?? "total") > 0).",
                    table: table(id: "t-\(id)-index",
                                 header: ["fiscal year", "firm-years", "mean", "median", "25th pct", "75th pct", "with any mention", "share with any mention"],
                                 rows: m.perYear.map {
                                     [String($0.year), Format.count($0.n), Format.number($0.mean), Format.number($0.median),
                                      Format.number($0.q1), Format.number($0.q3), Format.count($0.positive),
                                      Format.percent($0.positive, of: $0.n)]
                                 }))
                html += figure(
                    Chart.lines(id: "f-\(id)-any", title: "\(m.name): share of firm-years with any mention",
                                desc: "Line: percentage of the panel's firm-years per fiscal year with at least one counted hit.",
                                categories: years,
                                series: [Chart.Series(name: "any mention", values: m.perYear.map {
                                    $0.n > 0 ? Double($0.positive) * 100 / Double($0.n) : nil
                                })],
                                xAxis: "fiscal year", yAxis: "firm-years with a mention (%)", fromZero: true),
                    caption: "Numbers in the table above.", table: "")
            }
            if !m.keywords.isEmpty {
                html += figure(
                    Chart.horizontalBars(id: "f-\(id)-keywords", title: "\(m.name): top \(m.keywords.count) keywords by counted hits",
                                         desc: "Stacked bars per keyword: counted hits, then negated and excluded hits (not counted), summed over the reports in the panel source.",
                                         rows: m.keywords.map(\.keyword),
                                         segments: [Chart.Series(name: "counted", values: m.keywords.map { Double($0.counted) }),
                                                    Chart.Series(name: "negated (not counted)", values: m.keywords.map { Double($0.negated) }),
                                                    Chart.Series(name: "excluded (not counted)", values: m.keywords.map { Double($0.excluded) })],
                                         xAxis: "hits"),
                    caption: "Keyword hits summed over counts.csv (each keyword once per report, whatever its categories).",
                    table: table(id: "t-\(id)-keywords", header: ["keyword", "counted", "negated", "excluded"],
                                 rows: m.keywords.map { [$0.keyword, Format.count($0.counted), Format.count($0.negated), Format.count($0.excluded)] }))
            }
            let categoryYears = Set(m.categoryYearTotals.values.flatMap(\.keys)).sorted()
            if !m.categories.isEmpty, !categoryYears.isEmpty {
                html += figure(
                    Chart.lines(id: "f-\(id)-categories", title: "\(m.name): counted hits per category and fiscal year",
                                desc: "One line per keyword category: counted hits summed over the reports of each fiscal year.",
                                categories: categoryYears.map(String.init),
                                series: m.categories.map { category in
                                    Chart.Series(name: category, values: categoryYears.map { Double(m.categoryYearTotals[category]?[$0] ?? 0) })
                                },
                                xAxis: "fiscal year", yAxis: "counted hits", fromZero: true),
                    caption: "Per-category totals from counts.csv.",
                    table: table(id: "t-\(id)-categories", header: ["category"] + categoryYears.map(String.init),
                                 rows: m.categories.map { category in
                                     [category] + categoryYears.map { Format.count(m.categoryYearTotals[category]?[$0] ?? 0) }
                                 }))
            }
        }
        return html + "</section>\n"
    }

    // MARK: 4. merge and screens

    static func mergeSection(_ data: ReportData) -> String {
        var html = "<section id=\"merge\"><h2>4. The merge and the screens</h2>\n"
        guard let funnel = data.funnel else { return html + unavailable("merge_report.csv", data) + "</section>\n" }
        html += figure(
            Chart.horizontalBars(id: "f-funnel", title: "From text firm-years to panel rows",
                                 desc: "Bars, top to bottom: firm-years with a report, those matched in each financial source, those kept by the merge, and those left after each sample screen.",
                                 rows: funnel.steps.map(\.label),
                                 segments: [Chart.Series(name: "firm-years", values: funnel.steps.map { Double($0.count) })],
                                 xAxis: "firm-years"),
            caption: "merge_report.csv and the screens recorded in manifest.json.",
            table: table(id: "t-funnel", header: ["step", "firm-years", "detail"],
                         rows: funnel.steps.map { [$0.label, Format.count($0.count), $0.note] }, textColumns: [2]))
        if !funnel.cuts.isEmpty {
            html += "<h3>Winsorising cut points</h3>\n" + table(
                id: "t-winsor", header: ["variable", "n", "lower pct", "lower cut", "upper pct", "upper cut", "clipped low", "clipped high"],
                rows: funnel.cuts.map {
                    [$0.variable, Format.count($0.n), Format.number($0.lowerPercentile), Format.number($0.lower),
                     Format.number($0.upperPercentile), Format.number($0.upper), Format.count($0.clippedLow),
                     Format.count($0.clippedHigh)]
                })
        }
        return html + "</section>\n"
    }

    // MARK: 5. scores

    static func scoresSection(_ data: ReportData) -> String {
        var html = "<section id=\"scores\"><h2>5. Scores</h2>\n"
        if data.scores.isEmpty { return html + unavailable("weights.csv", data) + "</section>\n" }
        for (s, system) in data.scores.enumerated() {
            let id = "s\(s)"
            html += "<h3>Score system \(esc(system.name))</h3>\n"
            let indicators = system.weights.filter(\.isIndicator)
            let years = system.years
            func yearLabel(_ year: String) -> String { year.isEmpty ? "pooled" : year }
            let means = indicators.map { line -> Double in
                let values = years.compactMap { line.compositeWeight[$0] }.filter(\.isFinite)
                return values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
            }
            let ranges: [(Double, Double)?] = indicators.map { line in
                let values = years.compactMap { line.compositeWeight[$0] }.filter(\.isFinite)
                guard values.count > 1, let low = values.min(), let high = values.max() else { return nil }
                return (low, high)
            }
            html += figure(
                Chart.horizontalBars(id: "f-\(id)-weights", title: "\(system.name): composite weight of each indicator",
                                     desc: "Bars: each indicator's composite weight (its share of the score)\(years.count > 1 ? ", the mean over the weighting years, with a line from the lowest to the highest year" : "").",
                                     rows: indicators.map { "\($0.indicator) (\($0.dimension), \($0.direction))" },
                                     segments: [Chart.Series(name: "composite weight", values: means.map { $0.isFinite ? $0 : nil })],
                                     whiskers: ranges, xAxis: "composite weight (share of the score)"),
                caption: "weights.csv: composite weight per indicator\(years.count > 1 ? " (bar: mean over \(years.count) weighting years; line: lowest to highest)" : ""); direction + means more is better.",
                table: table(id: "t-\(id)-weights", header: ["level", "dimension", "indicator", "direction"] + years.map(yearLabel),
                             rows: system.weights.map { line in
                                 [String(line.level), line.dimension, line.indicator, line.direction]
                                     + years.map { line.compositeWeight[$0].map(Format.number) ?? "" }
                             }, textColumns: [1, 2, 3]))
            if !system.perYear.isEmpty {
                html += figure(
                    Chart.lines(id: "f-\(id)-dist", title: "\(system.name): score per fiscal year",
                                desc: "Median line with the inter-quartile band of the score over the panel's scored firm-years, per fiscal year.",
                                categories: system.perYear.map { String($0.year) },
                                series: [Chart.Series(name: "median (band: IQR)", values: system.perYear.map(\.median),
                                                      band: system.perYear.map { ($0.q1, $0.q3) })],
                                xAxis: "fiscal year", yAxis: "score \(system.name)", fromZero: true),
                    caption: "Column \(system.name) of panel.csv.",
                    table: table(id: "t-\(id)-dist", header: ["fiscal year", "firm-years scored", "mean", "median", "25th pct", "75th pct"],
                                 rows: system.perYear.map {
                                     [String($0.year), Format.count($0.n), Format.number($0.mean), Format.number($0.median),
                                      Format.number($0.q1), Format.number($0.q3)]
                                 }))
            }
            var left = "<p id=\"p-\(id)-missing\">"
            if let dropped = system.droppedRows {
                left += "\(Format.count(dropped)) firm-years left out of the weighting and scores for a missing indicator"
                if let scored = system.scoredRows { left += "; \(Format.count(scored)) scored" }
                left += ". "
            }
            left += "\(Format.count(system.missingInPanel)) panel rows have no \(esc(system.name)) score.</p>\n"
            html += left
        }
        return html + "</section>\n"
    }

    // MARK: 6. warnings

    static func warningsSection(_ data: ReportData) -> String {
        var html = "<section id=\"warnings\"><h2>6. Warnings</h2>\n"
        if data.warnings.isEmpty {
            html += "<p>No warnings.</p>\n"
        } else {
            html += "<table id=\"t-warnings\"><thead><tr><th>kind</th><th>count</th><th>examples (up to five)</th></tr></thead><tbody>"
            for kind in data.warnings {
                html += "<tr><td>\(esc(kind.kind))</td><td class=\"n\">\(Format.count(kind.count))</td><td><ul>"
                for example in kind.examples { html += "<li>\(esc(example))</li>" }
                html += "</ul></td></tr>"
            }
            html += "</tbody></table>\n"
            if data.warningKindsTotal > data.warnings.count {
                html += "<p>… and \(Format.count(data.warningKindsTotal - data.warnings.count)) less frequent kinds (every warning is in reports.csv, column warnings, and manifest.json).</p>\n"
            }
        }
        if !data.unreadable.isEmpty {
            html += "<h3>Files that could not be read for this page</h3>\n<ul id=\"l-unreadable\">"
            for problem in data.unreadable { html += "<li><code>\(esc(problem.file))</code>: \(esc(problem.reason))</li>" }
            html += "</ul>\n"
        }
        return html + "</section>\n"
    }

    // MARK: pieces

    static func unavailable(_ file: String, _ data: ReportData) -> String {
        let what = data.incomplete != nil ? "not made: the run stopped before this stage" : "not available (\(file) is missing)"
        return "<p class=\"missing\">\(esc(what)).</p>\n"
    }

    static func figure(_ svg: String, caption: String, table: String) -> String {
        "<figure>\(svg)<figcaption>\(esc(caption))</figcaption>\(table)</figure>\n"
    }

    /// A table; cells after the first are right-aligned numbers unless `numeric` is false.
    static func table(id: String, header: [String], rows: [[String]], numeric: Bool = true,
                      textColumns: Set<Int> = []) -> String {
        var html = "<table id=\"\(id)\"><thead><tr>"
        for cell in header { html += "<th>\(esc(cell))</th>" }
        html += "</tr></thead><tbody>"
        for row in rows {
            html += "<tr>"
            for (i, cell) in row.enumerated() {
                html += i == 0 ? "<th scope=\"row\">\(esc(cell))</th>" : (numeric && !textColumns.contains(i) ? "<td class=\"n\">\(esc(cell))</td>" : "<td>\(esc(cell))</td>")
            }
            html += "</tr>"
        }
        return html + "</tbody></table>\n"
    }

    static func esc(_ text: String) -> String { HTML.escape(text) }

    static let css = """
    :root{color-scheme:light}
    body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Zen Hei","PingFang SC","Microsoft YaHei",sans-serif;margin:0 auto;max-width:1180px;padding:0 24px 40px;color:#1a1a1a;background:#fff;line-height:1.45;font-size:15px}
    header{border-bottom:2px solid #0072B2;margin-bottom:8px}
    h1{font-size:26px;margin:18px 0 4px}
    h2{font-size:21px;margin:28px 0 8px;border-bottom:1px solid #ccc;padding-bottom:2px}
    h3{font-size:17px;margin:20px 0 6px}
    nav{margin:4px 0 10px}
    a{color:#005a8c}
    .banner{padding:10px 14px;border-radius:4px;margin:10px 0;border-left:6px solid}
    .banner.ok{background:#e8f4ea;border-color:#009E73}
    .banner.same{background:#eaf2fb;border-color:#0072B2}
    .banner.warn{background:#fff4e0;border-color:#E69F00}
    .banner.failed{background:#fde8e4;border-color:#D55E00}
    .missing{color:#555;font-style:italic}
    dl.kv{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:8px 0}
    dl.kv dt{font-weight:600}
    dl.kv dd{margin:0;overflow-wrap:anywhere}
    figure{margin:14px 0 22px;break-inside:avoid}
    figcaption{font-size:13px;color:#444;margin:2px 0 6px}
    svg.chart{display:block;max-width:100%;height:auto;font-size:12px}
    svg.chart text{fill:#1a1a1a}
    svg.chart .tick{fill:#555;font-size:11px}
    svg.chart .axis{font-weight:600}
    svg.chart .ctitle{font-size:14px;font-weight:700}
    svg.chart .v{fill:#333;font-size:11px}
    svg.chart .grid{stroke:#ddd;stroke-width:1}
    svg.chart .whisker{stroke:#1a1a1a;stroke-width:2}
    table{border-collapse:collapse;margin:6px 0 12px;font-size:13px;max-width:100%}
    th,td{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}
    thead th{background:#f1f1f1}
    tbody th{font-weight:normal;overflow-wrap:anywhere}
    td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
    tr.total td{font-weight:600}
    td ul{margin:0;padding-left:18px}
    code{font-size:13px}
    footer{margin-top:32px;font-size:12px;color:#555}
    @media print{body{max-width:none;padding:0;font-size:11pt}nav{display:none}a{color:inherit}h2,h3{break-after:avoid}table{break-inside:auto}}
    """
}
