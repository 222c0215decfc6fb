import Foundation
import NQPEncoding

/// Splits a 10-K's layout lines into its items (README "10-K items"):
///
/// 1. A candidate heading is a line starting `Item 7`, `ITEM 7A.`, `Item 7 —` …; its title is the rest of the line,
///    or the next non-blank line when the line holds only the number.
/// 2. It counts only with the item's own title (`TenKItemCatalog`, historical wordings included): a quoted item of
///    another form (8-K "Item 7. Financial Statements and Exhibits"), a running page header (`Item 7` followed by
///    body text) or a line-initial cross-reference (`Item 1A of this Form 10-K`) has a different title.
/// 3. Not a heading either: a table-of-contents row (a page number or dot leaders after the title, a bare page
///    number on the next line next to other such rows, or three or more headings in a row with no text between
///    them whose items have headings elsewhere) and a
///    cross-reference (the previous line ends with `see`, `in`, `under` … or an opening quote).
/// 4. When an item still has several headings, the one followed by the longest text wins; headings out of the
///    form's order are dropped.
/// 5. An item runs to the next item heading; a `PART II` line right before that heading is left out; Part I items
///    also end at an unnumbered "Executive Officers of the Registrant" heading, and every item at `SIGNATURES`.
/// 6. Status: `incorporated_by_reference` when the item's text is a pointer (`IncorporationByReference`);
///    headings printed together over one text share its status; else `extracted`. Items the form requires for
///    the period but not found are `absent`.
struct TenKItemSegmenter {
    let lines: LayoutLines
    let normalized: NormalizedText
    let catalog: TenKItemCatalog
    let period: CalendarDate?
    let referenceWords: Set<String>

    /// One located item with its layout lines (heading first line ..< end line).
    struct Located {
        var item: TenKItem
        var lines: Range<Int>
        var bodyLines: Range<Int>
        /// Lines left out of the item's text (an Executive Officers block inside a Part I item).
        var omitted: Range<Int>?

        /// The item's match text (without the omitted block).
        func text(_ normalized: NormalizedText) -> String {
            guard let omitted else { return normalized.text(ofLines: lines) }
            let before = normalized.text(ofLines: lines.lowerBound..<omitted.lowerBound)
            let after = normalized.text(ofLines: omitted.upperBound..<lines.upperBound)
            return before.hasSuffix(" ") || before.isEmpty ? before + after : before + " " + after
        }
    }

    struct Result {
        /// Every item found or required, in the form's order.
        var items: [TenKItem]
        var located: [Located]
        /// The first layout line after the last item (where annual-report pages printed in the 10-K begin).
        var endOfItems: Int?
    }

    private struct Candidate {
        var item: String
        var catalogIndex: Int
        var firstLine: Int
        var lastLine: Int
        var text: String
        var detection: TenKItemDetection
        var tocLike: Bool
        /// A bare page number follows the heading: a contents row when its neighbours are contents rows too (a
        /// body heading can also sit at the foot of a page).
        var pageNumberBelow: Bool
    }

    private static let itemPattern = try! NSRegularExpression(
        pattern: "^items?\\s*([0-9]{1,2})\\s*([a-c])?(?:\\(t\\))?(?![0-9a-z])\\s*[.:\\-—–)]*\\s*(.*)$", options: [.caseInsensitive])
    private static let pageNumberAtEnd = try! NSRegularExpression(
        pattern: "(\\.{3,}|…|\\s(\\d{1,3}|[ivxlc]{1,6}|[a-z]-\\d{1,3})\\s*)$", options: [.caseInsensitive])
    private static let pageNumberLine = try! NSRegularExpression(
        pattern: "^(page\\s*)?(\\d{1,3}|[ivxlc]{1,6}|[a-z]-\\d{1,3})$", options: [.caseInsensitive])
    static let partLine = try! NSRegularExpression(
        pattern: "^part\\s+(i{1,3}|iv|[1-4])\\b[.:]?\\s*.{0,60}$", options: [.caseInsensitive])
    private static let itemFirstScalars: Set<UInt32> = [0x49, 0x69, 0xFF29, 0xFF49]

    func segment() -> Result {
        let candidates = findCandidates()
        let chosen = choose(candidates)
        var located: [Located] = []
        for (k, heading) in chosen.enumerated() {
            let nextLine = k + 1 < chosen.count ? chosen[k + 1].firstLine : lines.count
            let (end, omitted) = endLine(of: heading, before: nextLine)
            let range = heading.firstLine..<max(end, heading.lastLine + 1)
            let body = min(heading.lastLine + 1, range.upperBound)..<range.upperBound
            let scalars = normalized.map.scalarRange(ofLines: range)
            var bodyText = normalized.text(ofLines: body)
            if let omitted {
                bodyText = Located(item: TenKItem(item: "", part: "", title: "", status: .extracted), lines: body,
                                   bodyLines: body, omitted: omitted).text(normalized)
            }
            let entry = catalog.entries[heading.catalogIndex]
            let pointer = IncorporationByReference.isPointer(bodyText)
            var item = TenKItem(item: entry.item, part: entry.part, title: entry.title,
                                status: pointer ? .incorporatedByReference : .extracted,
                                start: scalars.lowerBound, end: scalars.upperBound, heading: heading.text,
                                foundBy: heading.detection,
                                pointer: pointer ? String(bodyText.unicodeScalars.prefix(1000).map(Character.init)) : nil)
            var found = Located(item: item, lines: range, bodyLines: body, omitted: omitted)
            if let omitted {
                let cut = normalized.map.scalarRange(ofLines: omitted)
                item.omittedStart = cut.lowerBound
                item.omittedEnd = cut.upperBound
                item.chars = found.text(normalized).unicodeScalars.count
                found.item = item
            }
            located.append(found)
        }
        // Headings printed together over one text share its status: a pointer after "Item 10 … Item 13" covers
        // all four.
        var k = located.count - 1
        while k > 0 {
            let shared = located[k]
            var j = k - 1
            while j >= 0, located[j].lines.upperBound == located[j + 1].lines.lowerBound,
                  normalized.isBlank(lines: located[j].bodyLines) {
                if shared.item.status == .incorporatedByReference {
                    located[j].item.status = .incorporatedByReference
                    located[j].item.pointer = shared.item.pointer
                }
                j -= 1
            }
            k = j
        }
        var items: [TenKItem] = []
        let required = Set(chosen.isEmpty ? [] : catalog.required(for: period))
        for entry in catalog.entries {
            if let found = located.first(where: { $0.item.item == entry.item }) {
                items.append(found.item)
            } else if required.contains(entry.item) {
                items.append(TenKItem(item: entry.item, part: entry.part, title: entry.title, status: .absent))
            }
        }
        return Result(items: items, located: located, endOfItems: located.last?.lines.upperBound)
    }

    // MARK: - Candidates

    private func findCandidates() -> [Candidate] {
        var result: [Candidate] = []
        for index in lines.candidates(firstScalars: Self.itemFirstScalars, accept: TenKItemScanner.mayStartWithItem) {
            let text = lines.matchText(index)
            guard text.count <= 400,
                  let match = Self.itemPattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
                  let numberRange = Range(match.range(at: 1), in: text),
                  let titleRange = Range(match.range(at: 3), in: text) else { continue }
            var item = String(text[numberRange])
            if let letterRange = Range(match.range(at: 2), in: text) { item += text[letterRange].uppercased() }
            item = String(Int(item.prefix { $0.isNumber }) ?? 0) + item.drop { $0.isNumber }
            guard let catalogIndex = catalog.index(of: item) else { continue }
            var title = String(text[titleRange])
            var lastLine = index
            var heading = text
            var detection = TenKItemDetection.heading
            if TenKItemCatalog.normalize(title).isEmpty {
                guard let next = lines.nextNonBlank(after: index, limit: 3) else { continue }
                let nextText = lines.matchText(next)
                guard !nextText.lowercased().hasPrefix("item") else { continue }
                title = nextText
                lastLine = next
                heading += " " + nextText
                detection = .headingNextLine
            }
            guard catalog.titleMatches(item: item, normalizedTitle: TenKItemCatalog.normalize(title)) else { continue }
            // A title wrapped onto the next line of a plain-text 10-K ("… Financial Condition and" / "Results of
            // Operations") belongs to the heading.
            if detection == .heading, title.count >= 45, !title.hasSuffix("."), !title.hasSuffix(":"),
               lastLine + 1 < lines.count {
                let next = lines.trimmed(lastLine + 1)
                if !next.isEmpty, next.count <= 60, next.first?.isUppercase == true, !next.hasSuffix("."),
                   !next.lowercased().hasPrefix("item") {
                    lastLine += 1
                    heading += " " + lines.matchText(lastLine)
                }
            }
            if isCrossReference(line: index) { continue }
            let range = NSRange(title.startIndex..., in: title)
            let tocLike = Self.pageNumberAtEnd.firstMatch(in: title, range: range) != nil
            let pageNumberBelow = lines.nextNonBlank(after: lastLine, limit: 2).map(isPageNumberLine) ?? false
            result.append(Candidate(item: item, catalogIndex: catalogIndex, firstLine: index, lastLine: lastLine,
                                    text: heading, detection: detection, tocLike: tocLike,
                                    pageNumberBelow: pageNumberBelow))
        }
        return result
    }

    /// The previous line ends with a reference word (`see`, `in`, `under` …) or an opening quote.
    private func isCrossReference(line index: Int) -> Bool {
        guard let previous = lines.previousNonBlank(before: index, limit: 1) else { return false }
        let text = lines.matchText(previous)
        if text.hasSuffix("\"") || text.hasSuffix("“") || text.hasSuffix("‘") || text.hasSuffix("(") { return true }
        let lastWord = text.split(separator: " ").last.map { $0.lowercased() } ?? ""
        return referenceWords.contains(lastWord)
    }

    private func isPageNumberLine(_ index: Int) -> Bool {
        let text = lines.matchText(index)
        return text.count <= 8 && Self.pageNumberLine.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    static let partNumbers = ["I": 1, "II": 2, "III": 3, "IV": 4]

    /// The part a `PART III` line opens (1–4), nil for other lines.
    private func partNumber(_ index: Int) -> Int? {
        guard isPartLine(index) else { return nil }
        let words = TenKItemCatalog.normalize(lines.matchText(index)).split(separator: " ")
        guard words.count >= 2 else { return nil }
        let numeral = words[1].uppercased()
        return Self.partNumbers[numeral] ?? Int(numeral)
    }

    private func isPartLine(_ index: Int) -> Bool {
        let text = lines.matchText(index)
        return text.count <= 80 && Self.partLine.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    // MARK: - Choice

    private func choose(_ all: [Candidate]) -> [Candidate] {
        // Runs of three or more headings with nothing but part lines and page numbers between them are a
        // table of contents without page numbers.
        var candidates = all
        for k in candidates.indices where candidates[k].pageNumberBelow {
            let neighbours = [k - 1, k + 1].filter { candidates.indices.contains($0) }
            if neighbours.contains(where: { candidates[$0].pageNumberBelow || candidates[$0].tocLike }) {
                candidates[k].tocLike = true
            }
        }
        var contentAfter: [Bool] = []
        for k in candidates.indices {
            let stop = k + 1 < candidates.count ? candidates[k + 1].firstLine : lines.count
            var hasContent = false
            var line = candidates[k].lastLine + 1
            while line < stop && line < candidates[k].lastLine + 40 {
                if !lines.trimmed(line).isEmpty && !isPartLine(line) && !isPageNumberLine(line) { hasContent = true; break }
                line += 1
            }
            if line >= candidates[k].lastLine + 40 { hasContent = true }
            contentAfter.append(hasContent)
        }
        var k = 0
        while k < candidates.count {
            var run = k
            // A run ends where the items start over (the contents page's last row, then the body's Item 1).
            while run < candidates.count - 1 && !contentAfter[run]
                    && candidates[run + 1].catalogIndex > candidates[run].catalogIndex { run += 1 }
            // A contents page lists items that have their own heading elsewhere; a group of headings sharing one
            // text (Medicis: "Item 10: … Item 11: … Item 12: … Item 13: … The information called for by Items
            // 10, 11, 12 and 13 is incorporated by reference") does not.
            if run - k + 1 >= 3 {
                let group = k...run
                let repeated = group.filter { j in
                    candidates.indices.contains { !group.contains($0) && candidates[$0].item == candidates[j].item }
                }.count
                if repeated * 2 >= group.count { for j in group { candidates[j].tocLike = true } }
            }
            k = run + 1
        }
        candidates.removeAll { $0.tocLike }
        // Several headings of one item: the one followed by the longest text.
        var best: [String: Int] = [:]
        var spans: [Int] = []
        for (k, c) in candidates.enumerated() {
            let next = k + 1 < candidates.count ? candidates[k + 1].firstLine : lines.count
            let span = normalized.map.scalarOffset(ofLine: next) - normalized.map.scalarOffset(ofLine: c.firstLine)
            spans.append(span)
            if let previous = best[c.item], spans[previous] >= span { continue }
            best[c.item] = k
        }
        var chosen = best.values.sorted().map { candidates[$0] }
        // Keep the form's order: drop a heading whose item comes before the previous kept one.
        var ordered: [Candidate] = []
        for c in chosen {
            if let last = ordered.last, c.catalogIndex <= last.catalogIndex { continue }
            ordered.append(c)
        }
        chosen = ordered
        return chosen
    }

    // MARK: - Ends

    /// Where the item ends, and an Executive Officers block to leave out of its text: in a Part I item, that
    /// block runs from its heading to the next heading in capitals (Microsoft's `EMPLOYEES`), which resumes the
    /// item; without one, the item ends at the block.
    private func endLine(of heading: Candidate, before next: Int) -> (Int, Range<Int>?) {
        let part = catalog.entries[heading.catalogIndex].part
        var omitted: Range<Int>?
        var line = heading.lastLine + 1
        while line < next {
            // Most lines are rejected on their bytes before any String is made.
            guard lines.withLineBytes(line, TenKItemScanner.mayEndItem) else {
                line += 1
                continue
            }
            let trimmed = lines.trimmed(line)
            if !trimmed.isEmpty, trimmed.count <= 80 {
                let key = TenKItemCatalog.normalize(trimmed)
                if key == "signatures" || key == "signature" { return (line, omitted) }
                // A heading of a later part (`PART III` after Item 9C, with its introduction) ends the item;
                // running page headers repeat the item's own part.
                if let later = partNumber(line), let own = Self.partNumbers[part], later > own {
                    return (line, omitted)
                }
                if part == "I", omitted == nil,
                   Self.executiveOfficerHeadings.contains(where: { key == $0 || key.hasPrefix($0 + " ") && key.count <= $0.count + 12 }) {
                    guard let resume = resumeLine(after: line, before: next) else { return (line, nil) }
                    omitted = line..<resume
                    line = resume
                    continue
                }
            }
            line += 1
        }
        // A `PART II` line (and blank lines) right before the next heading belongs to the next part.
        var end = next
        var probe = next - 1
        while probe > heading.lastLine, probe >= (omitted?.upperBound ?? 0) {
            if lines.trimmed(probe).isEmpty { probe -= 1; continue }
            if isPartLine(probe) || isPageNumberLine(probe) { end = probe; probe -= 1; continue }
            break
        }
        return (end, omitted)
    }

    /// The first heading in capitals (4–60 characters, every letter upper case, not a part line or page
    /// number) after an Executive Officers heading and before the next item.
    private func resumeLine(after start: Int, before next: Int) -> Int? {
        var line = start + 1
        while line < next {
            let trimmed = lines.trimmed(line)
            if (4...60).contains(trimmed.count), !isPartLine(line), !isPageNumberLine(line) {
                let letters = trimmed.unicodeScalars.filter { $0.properties.isAlphabetic }
                if letters.count >= 4, letters.allSatisfy({ $0.properties.isUppercase }),
                   !trimmed.uppercased().hasPrefix("ITEM") {
                    return line
                }
            }
            line += 1
        }
        return nil
    }

    /// The unnumbered Regulation S-K Item 401(b) section printed at the end of Part I.
    static let executiveOfficerHeadings = [
        "executive officers of the registrant", "executive officers of registrant", "executive officers of the company",
        "information about our executive officers", "information about executive officers",
        "executive officers of the corporation",
    ]
}
