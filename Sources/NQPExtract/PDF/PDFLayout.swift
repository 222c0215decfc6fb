import NQPEncoding

/// How PDF reports are read (README "PDF reports").
public struct PDFOptions: Sendable, Equatable {
    public var reader: PDFReader
    public var runningHeaders: RunningHeaderRule
    /// Above this share of unreadable characters (U+FFFD, private use, controls) the report is quarantined.
    public var unreadableLimit: Double
    /// Above this share (and up to `unreadableLimit`) the report is read with a warning.
    public var unreadableWarning: Double

    public init(reader: PDFReader = PDFReader(), runningHeaders: RunningHeaderRule = RunningHeaderRule(),
                unreadableLimit: Double = 0.2, unreadableWarning: Double = 0.01) {
        self.reader = reader
        self.runningHeaders = runningHeaders
        self.unreadableLimit = unreadableLimit
        self.unreadableWarning = unreadableWarning
    }
}

/// Where a PDF's pages begin in its layout text, and what the running-header rule removed.
public struct PageLayout: Sendable, Equatable {
    /// For each page, the layout line its text starts on (a page without text: the next page's first line).
    public var lineStarts: [Int]
    /// Lines removed as running headers and footers.
    public var runningLinesRemoved: Int

    public init(lineStarts: [Int], runningLinesRemoved: Int) {
        self.lineStarts = lineStarts
        self.runningLinesRemoved = runningLinesRemoved
    }
}

/// PDF → layout text: the pages' structured-text lines in reading order, one layout line each, pages in order,
/// running headers and footers left out; plus the checks that quarantine a scanned or unreadable PDF.
enum PDFLayout {
    static func decode(_ input: ReportInput, options: PDFOptions) throws(ExtractError) -> DecodedDocument {
        let text: PDFText
        do {
            text = try options.reader.read(input.bytes, path: input.path)
        } catch {
            throw .pdf(error)
        }
        return try layout(text, input: input, options: options)
    }

    static func layout(_ text: PDFText, input: ReportInput, options: PDFOptions) throws(ExtractError) -> DecodedDocument {
        var visible = 0, unreadable = 0
        for page in text.pages {
            for line in page.lines {
                visible += line.visibleChars
                unreadable += line.unreadableChars
            }
        }
        guard visible > 0 else {
            throw .pdf(PDFError(path: input.path, kind: .noTextLayer(pages: text.pages.count)))
        }
        let share = Double(unreadable) / Double(visible)
        if share > options.unreadableLimit {
            throw .pdf(PDFError(path: input.path,
                                kind: .unreadableTextLayer(share: share, threshold: options.unreadableLimit)))
        }

        var warnings: [String] = []
        if text.repaired {
            let first = text.firstLibraryWarning.isEmpty ? "" : " (MuPDF: \(text.firstLibraryWarning))"
            warnings.append("the PDF is damaged and was repaired\(first); \(text.pages.count) pages read — "
                + "check the text is complete or re-download it")
        }
        for failure in text.failedPages.prefix(10) { warnings.append(failure.description) }
        if let last = text.failedPages.last, text.failedPages.count > 10 {
            warnings.append("\(text.failedPages.count - 10) more unreadable pages; the last: \(last.description)")
        }
        let scanned = text.pages.filter { $0.visibleChars == 0 && $0.images > 0 }.map(\.number)
        if !scanned.isEmpty {
            warnings.append("\(scanned.count == 1 ? "page" : "pages") \(Self.list(scanned)) "
                + "\(scanned.count == 1 ? "has" : "have") no text layer (images only); their text is missing — OCR them")
        }
        if share > options.unreadableWarning {
            warnings.append("\(PDFError.percent(share)) of the characters have no Unicode meaning (U+FFFD, "
                + "private use); keywords in them are not counted")
        }

        let running = options.runningHeaders.runningLines(in: text.pages)
        var layout: [UInt8] = []
        layout.reserveCapacity(visible * 3 + visible / 8)
        var lineStarts: [Int] = []
        lineStarts.reserveCapacity(text.pages.count)
        var lineCount = 0
        var removed = 0
        for (index, page) in text.pages.enumerated() {
            lineStarts.append(lineCount)
            for (lineIndex, line) in page.lines.enumerated() {
                if running[index].contains(lineIndex) {
                    removed += 1
                    continue
                }
                if lineCount > 0 { layout.append(0x0A) }
                layout.append(contentsOf: line.text.utf8)
                lineCount += 1
            }
        }
        // A page without lines starts where the next text starts; past the last line, at the end of the text.
        let encoding = EncodingDecision(encoding: .utf8, source: .pdfTextLayer)
        var document = DecodedDocument(format: .pdf, encoding: encoding, byteCount: input.bytes.count,
                                       decodeErrors: 0, layoutText: String(decoding: layout, as: UTF8.self),
                                       warnings: warnings)
        document.pages = PageLayout(lineStarts: lineStarts, runningLinesRemoved: removed)
        return document
    }

    /// `3, 7, 9` — at most 20 numbers, then `and N more`.
    static func list(_ numbers: [Int]) -> String {
        let shown = numbers.prefix(20).map(String.init).joined(separator: ", ")
        return numbers.count > 20 ? "\(shown) and \(numbers.count - 20) more" : shown
    }
}
