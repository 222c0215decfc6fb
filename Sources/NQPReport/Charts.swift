import Foundation

/// The report's three chart kinds as inline SVG: stacked columns, horizontal (stacked) bars, lines with bands.
/// Every chart has a `<title>` and `<desc>` (screen readers), axis titles with units, and a `<title>` on each
/// mark (the numbers on hover); the page puts the full numbers in a table below each chart.
enum Chart {
    /// Okabe–Ito colours: distinguishable with the common colour-vision deficiencies and in greyscale print.
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
    static func colour(_ index: Int) -> String { palette[index % palette.count] }

    static let width = 900.0

    struct Series {
        var name: String
        var values: [Double?]
        /// Lower and upper edge of a band around the line (e.g. the inter-quartile range).
        var band: [(Double, Double)?] = []
        var dashed = false
    }

    // MARK: stacked columns

    static func stackedColumns(id: String, title: String, desc: String, categories: [String], series: [Series],
                               xAxis: String, yAxis: String) -> String {
        let height = 324.0, left = 64.0, right = 16.0, top = 52.0 + legendHeight(series.map(\.name)), bottom = 46.0
        let totals = categories.indices.map { i in series.reduce(0.0) { $0 + ($1.values[i] ?? 0) } }
        let scale = Scale(low: 0, high: totals.max() ?? 1, pixels: height - top - bottom)
        var svg = open(id: id, title: title, desc: desc, height: height)
        svg += legend(series.map(\.name), y: 30)
        svg += yGrid(scale, left: left, right: width - right, bottom: height - bottom, label: yAxis, top: top)
        let slot = (width - left - right) / Double(max(categories.count, 1))
        let barWidth = min(56, slot * 0.7)
        for (i, category) in categories.enumerated() {
            let x = left + slot * (Double(i) + 0.5)
            var base = 0.0
            for (s, one) in series.enumerated() {
                guard let value = one.values[i], value > 0 else { continue }
                let y0 = height - bottom - scale.pixels(base), y1 = height - bottom - scale.pixels(base + value)
                svg += "<rect x=\"\(f(x - barWidth / 2))\" y=\"\(f(y1))\" width=\"\(f(barWidth))\" height=\"\(f(y0 - y1))\" fill=\"\(colour(s))\"><title>\(esc(category)) · \(esc(one.name)): \(Format.number(value))</title></rect>"
                base += value
            }
            if i % labelEvery(slot) == 0 { svg += text(category, x: x, y: height - bottom + 16, anchor: "middle") }
            if slot >= 44 {
                svg += text(Format.number(totals[i]), x: x, y: height - bottom - scale.pixels(totals[i]) - 4,
                            anchor: "middle", cls: "v")
            }
        }
        svg += text(xAxis, x: left + (width - left - right) / 2, y: height - 8, anchor: "middle", cls: "axis")
        return svg + "</svg>"
    }

    // MARK: horizontal bars

    /// One bar per row, stacked from its segments; `whiskers` draws a line from low to high over a bar.
    static func horizontalBars(id: String, title: String, desc: String, rows: [String], segments: [Series],
                               whiskers: [(Double, Double)?] = [], xAxis: String) -> String {
        let rowHeight = 22.0, labelWidth = min(300, max(90, Double(rows.map(displayWidth).max() ?? 10) * 7 + 12))
        let showLegend = segments.count > 1
        let top = 36.0 + (showLegend ? legendHeight(segments.map(\.name)) : 0), bottom = 44.0
        let height = top + rowHeight * Double(rows.count) + bottom
        let left = labelWidth, right = 70.0
        let totals = rows.indices.map { i in segments.reduce(0.0) { $0 + ($1.values[i] ?? 0) } }
        let high = max(totals.max() ?? 1, whiskers.compactMap { $0?.1 }.max() ?? 0)
        let scale = Scale(low: 0, high: high, pixels: width - left - right)
        var svg = open(id: id, title: title, desc: desc, height: height)
        if showLegend { svg += legend(segments.map(\.name), y: 30) }
        svg += xGrid(scale, left: left, top: top, bottom: height - bottom)
        for (i, row) in rows.enumerated() {
            let y = top + rowHeight * Double(i)
            svg += text(clip(row, width: left - 10), x: left - 6, y: y + rowHeight * 0.68, anchor: "end")
            var base = 0.0
            for (s, segment) in segments.enumerated() {
                guard let value = segment.values[i], value > 0 else { continue }
                let colourIndex = segments.count == 1 ? 0 : s
                svg += "<rect x=\"\(f(left + scale.pixels(base)))\" y=\"\(f(y + 3))\" width=\"\(f(scale.pixels(value)))\" height=\"\(f(rowHeight - 6))\" fill=\"\(colour(colourIndex))\"><title>\(esc(row))\(segments.count > 1 ? " · " + esc(segment.name) : ""): \(Format.number(value))</title></rect>"
                base += value
            }
            if i < whiskers.count, let (low, highValue) = whiskers[i] {
                let yMid = y + rowHeight / 2
                svg += "<line x1=\"\(f(left + scale.pixels(low)))\" x2=\"\(f(left + scale.pixels(highValue)))\" y1=\"\(f(yMid))\" y2=\"\(f(yMid))\" class=\"whisker\"><title>\(esc(row)): range \(Format.number(low))–\(Format.number(highValue))</title></line>"
            }
            svg += text(Format.number(totals[i]), x: left + scale.pixels(max(base, whiskers.indices.contains(i) ? whiskers[i]?.1 ?? 0 : 0)) + 4,
                        y: y + rowHeight * 0.68, anchor: "start", cls: "v")
        }
        svg += text(xAxis, x: left + (width - left - right) / 2, y: height - 8, anchor: "middle", cls: "axis")
        return svg + "</svg>"
    }

    // MARK: lines with bands

    static func lines(id: String, title: String, desc: String, categories: [String], series: [Series],
                      xAxis: String, yAxis: String, fromZero: Bool) -> String {
        let height = 324.0, left = 64.0, right = 16.0, top = 52.0 + legendHeight(series.map(\.name)), bottom = 46.0
        var all: [Double] = []
        for one in series {
            all += one.values.compactMap { $0 }
            all += one.band.compactMap { $0 }.flatMap { [$0.0, $0.1] }
        }
        all = all.filter(\.isFinite)
        let low = fromZero ? min(0, all.min() ?? 0) : (all.min() ?? 0)
        let scale = Scale(low: low, high: all.max() ?? 1, pixels: height - top - bottom)
        var svg = open(id: id, title: title, desc: desc, height: height)
        svg += legend(series.map(\.name), y: 30)
        svg += yGrid(scale, left: left, right: width - right, bottom: height - bottom, label: yAxis, top: top)
        let slot = (width - left - right) / Double(max(categories.count, 1))
        func x(_ i: Int) -> Double { left + slot * (Double(i) + 0.5) }
        func y(_ v: Double) -> Double { height - bottom - scale.pixels(v) }
        for (i, category) in categories.enumerated() where i % labelEvery(slot) == 0 {
            svg += text(category, x: x(i), y: height - bottom + 16, anchor: "middle")
        }
        for (s, one) in series.enumerated() {
            let bandPoints = one.band.enumerated().compactMap { i, b in b.map { (i, $0) } }
            if bandPoints.count == 1, let (i, (lo, hi)) = bandPoints.first {
                svg += "<rect x=\"\(f(x(i) - 6))\" y=\"\(f(y(hi)))\" width=\"12\" height=\"\(f(max(1, y(lo) - y(hi))))\" fill=\"\(colour(s))\" opacity=\"0.2\"/>"
            } else if bandPoints.count > 1 {
                let upper = bandPoints.map { "\(f(x($0.0))),\(f(y($0.1.1)))" }
                let lower = bandPoints.reversed().map { "\(f(x($0.0))),\(f(y($0.1.0)))" }
                svg += "<polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"\(colour(s))\" opacity=\"0.2\"/>"
            }
            let points = one.values.enumerated().compactMap { i, v in v.map { (i, $0) } }
            if points.count > 1 {
                svg += "<polyline points=\"\(points.map { "\(f(x($0.0))),\(f(y($0.1)))" }.joined(separator: " "))\" fill=\"none\" stroke=\"\(colour(s))\" stroke-width=\"2\"\(one.dashed ? " stroke-dasharray=\"5 4\"" : "")/>"
            }
            for (i, value) in points {
                var tip = "\(esc(categories[i])) · \(esc(one.name)): \(Format.number(value))"
                if i < one.band.count, let (lo, hi) = one.band[i] {
                    tip += " (IQR \(Format.number(lo))–\(Format.number(hi)))"
                }
                svg += "<circle cx=\"\(f(x(i)))\" cy=\"\(f(y(value)))\" r=\"3.5\" fill=\"\(colour(s))\"><title>\(tip)</title></circle>"
            }
        }
        svg += text(xAxis, x: left + (width - left - right) / 2, y: height - 8, anchor: "middle", cls: "axis")
        return svg + "</svg>"
    }

    // MARK: pieces

    static func open(id: String, title: String, desc: String, height: Double) -> String {
        "<svg id=\"\(id)\" class=\"chart\" viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" height=\"\(f(height))\" role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"\(id)-t\">\(esc(title))</title><desc id=\"\(id)-d\">\(esc(desc))</desc><text x=\"0\" y=\"16\" class=\"ctitle\" aria-hidden=\"true\">\(esc(title))</text>"
    }

    /// Legend entries laid out left to right, wrapping at the chart's width: (x, row) of each.
    static func legendLayout(_ names: [String]) -> [(x: Double, row: Int)] {
        var positions: [(x: Double, row: Int)] = []
        var x = 64.0, row = 0
        for name in names {
            let entry = 16 + Double(displayWidth(name)) * 6.6 + 20
            if x + entry > width, x > 64 { x = 64; row += 1 }
            positions.append((x, row))
            x += entry
        }
        return positions
    }

    static func legendHeight(_ names: [String]) -> Double {
        names.count > 1 ? 18 * Double((legendLayout(names).last?.row ?? 0) + 1) : 0
    }

    static func legend(_ names: [String], y: Double) -> String {
        guard names.count > 1 else { return "" }
        var svg = ""
        for (i, (name, place)) in zip(names, legendLayout(names)).enumerated() {
            let row = y + 18 * Double(place.row)
            svg += "<rect x=\"\(f(place.x))\" y=\"\(f(row))\" width=\"12\" height=\"12\" fill=\"\(colour(i))\"/>"
            svg += text(name, x: place.x + 16, y: row + 10, anchor: "start")
        }
        return svg
    }

    static func yGrid(_ scale: Scale, left: Double, right: Double, bottom: Double, label: String, top: Double) -> String {
        var svg = ""
        for tick in scale.ticks {
            let y = bottom - scale.pixels(tick)
            svg += "<line x1=\"\(f(left))\" x2=\"\(f(right))\" y1=\"\(f(y))\" y2=\"\(f(y))\" class=\"grid\"/>"
            svg += text(Format.tick(tick), x: left - 6, y: y + 4, anchor: "end", cls: "tick")
        }
        let middle = (top + bottom) / 2
        svg += "<text x=\"14\" y=\"\(f(middle))\" text-anchor=\"middle\" class=\"axis\" transform=\"rotate(-90 14 \(f(middle)))\">\(esc(label))</text>"
        return svg
    }

    static func xGrid(_ scale: Scale, left: Double, top: Double, bottom: Double) -> String {
        var svg = ""
        for tick in scale.ticks {
            let x = left + scale.pixels(tick)
            svg += "<line x1=\"\(f(x))\" x2=\"\(f(x))\" y1=\"\(f(top))\" y2=\"\(f(bottom))\" class=\"grid\"/>"
            svg += text(Format.tick(tick), x: x, y: bottom + 14, anchor: "middle", cls: "tick")
        }
        return svg
    }

    static func text(_ content: String, x: Double, y: Double, anchor: String, cls: String? = nil) -> String {
        "<text x=\"\(f(x))\" y=\"\(f(y))\" text-anchor=\"\(anchor)\"\(cls.map { " class=\"\($0)\"" } ?? "")>\(esc(content))</text>"
    }

    /// Every n-th category label on an axis, so labels of 40 or more slots do not overlap (all are in the table).
    static func labelEvery(_ slot: Double) -> Int { slot >= 40 ? 1 : Int((40 / max(slot, 1)).rounded(.up)) }

    /// A row label cut to fit `width` pixels (about 7 per Latin character), with "…"; the full text is on the
    /// bar's hover title and in the table.
    static func clip(_ label: String, width: Double) -> String {
        let fits = Int(width / 7)
        guard displayWidth(label) > fits else { return label }
        var out = "", used = 0
        for character in label {
            let w = displayWidth(String(character))
            if used + w > fits - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }

    /// Approximate width in Latin characters (CJK characters count double).
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) }
    }

    /// Coordinates with one decimal: enough on screen, and the same bytes on every machine.
    static func f(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }

    static func esc(_ text: String) -> String { HTML.escape(text) }
}

/// A linear axis from a "nice" low to a "nice" high value with 4–6 round ticks.
struct Scale {
    let low: Double
    let high: Double
    let pixelsSpan: Double
    let ticks: [Double]

    init(low rawLow: Double, high rawHigh: Double, pixels: Double) {
        var lo = rawLow.isFinite ? rawLow : 0, hi = rawHigh.isFinite ? rawHigh : 1
        if hi <= lo { hi = lo + (lo == 0 ? 1 : abs(lo) * 0.1) }
        let step = Self.niceStep((hi - lo) / 5)
        lo = (lo / step).rounded(.down) * step
        hi = (hi / step).rounded(.up) * step
        var ticks: [Double] = []
        var tick = lo
        while tick <= hi + step / 2 {
            ticks.append(abs(tick) < step / 1e6 ? 0 : tick)
            tick += step
        }
        self.low = lo
        self.high = hi
        self.pixelsSpan = pixels
        self.ticks = ticks
    }

    func pixels(_ value: Double) -> Double {
        guard value.isFinite else { return 0 }
        return (value - low) / (high - low) * pixelsSpan
    }

    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let power = pow(10, (log10(raw)).rounded(.down))
        let fraction = raw / power
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10
        return nice * power
    }
}
