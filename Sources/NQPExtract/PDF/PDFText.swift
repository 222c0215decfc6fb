/// What MuPDF's structured text gives for one PDF, before any of nqp's text rules: pages of lines with their
/// positions. The value the PDF rules (running headers, quality checks, layout text) work on; public so other
/// stages (e.g. reading a title from the first page) can look at the pages too.
public struct PDFText: Sendable, Equatable {
    public var pages: [PDFPage]
    /// MuPDF had to repair the file (broken cross-reference table, truncated file).
    public var repaired: Bool
    /// The file is encrypted (and opened with the empty user password: owner password only).
    public var encrypted: Bool
    /// Pages MuPDF could not read, with the typed error of each; their text is missing.
    public var failedPages: [PDFError]
    /// MuPDF's own warnings: how many, and the first (e.g. the damage it repaired).
    public var libraryWarnings: Int
    public var firstLibraryWarning: String

    public init(pages: [PDFPage], repaired: Bool = false, encrypted: Bool = false, failedPages: [PDFError] = [],
                libraryWarnings: Int = 0, firstLibraryWarning: String = "") {
        self.pages = pages
        self.repaired = repaired
        self.encrypted = encrypted
        self.failedPages = failedPages
        self.libraryWarnings = libraryWarnings
        self.firstLibraryWarning = firstLibraryWarning
    }
}

/// One page: its lines in MuPDF's reading order (blocks in content order, lines within a block top to bottom).
public struct PDFPage: Sendable, Equatable {
    /// 1-based page number.
    public var number: Int
    public var width: Double
    public var height: Double
    public var lines: [PDFLine]
    /// Image blocks on the page, counted only when the page has no text (scanned page vs blank page).
    public var images: Int

    public init(number: Int, width: Double, height: Double, lines: [PDFLine], images: Int = 0) {
        self.number = number
        self.width = width
        self.height = height
        self.lines = lines
        self.images = images
    }

    /// Characters on the page that are not whitespace.
    public var visibleChars: Int { lines.reduce(0) { $0 + $1.visibleChars } }
}

/// One structured-text line: its text and box (points, y grows downwards from the top of the page).
public struct PDFLine: Sendable, Equatable {
    public var text: String
    public var top: Double
    public var bottom: Double
    /// Characters that are not whitespace.
    public var visibleChars: Int
    /// Of which without a Unicode meaning: U+FFFD, private use, control characters.
    public var unreadableChars: Int

    public init(text: String, top: Double, bottom: Double, visibleChars: Int, unreadableChars: Int) {
        self.text = text
        self.top = top
        self.bottom = bottom
        self.visibleChars = visibleChars
        self.unreadableChars = unreadableChars
    }
}

/// A MuPDF failure, typed, with the file and (when it concerns one) the 1-based page.
public struct PDFError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Not a PDF MuPDF can open, even after repair.
        case cannotOpen
        /// Opening needs a user password (the empty password was tried).
        case needsPassword
        /// A page could not be loaded or its text extracted.
        case pageFailed
        /// The document needs more memory than the per-document limit.
        case outOfMemory(limit: Int)
        /// The document has no pages.
        case noPages
        /// No page has any text: a scanned report.
        case noTextLayer(pages: Int)
        /// Too large a share of the characters has no Unicode meaning (fonts without a Unicode map).
        case unreadableTextLayer(share: Double, threshold: Double)
    }

    public var path: String
    /// 1-based page number, when the error concerns one page.
    public var page: Int?
    public var kind: Kind
    /// MuPDF's message, when it gave one.
    public var detail: String

    public init(path: String, page: Int? = nil, kind: Kind, detail: String = "") {
        self.path = path
        self.page = page
        self.kind = kind
        self.detail = detail
    }

    public var description: String {
        let at = page.map { " page \($0):" } ?? ""
        let library = detail.isEmpty ? "" : " (MuPDF: \(detail))"
        switch kind {
        case .cannotOpen:
            return "\(path):\(at) cannot open the PDF\(library); the file is damaged beyond repair or not a PDF — "
                + "re-download it"
        case .needsPassword:
            return "\(path): the PDF is encrypted with a user password; open it with the password and save an "
                + "unencrypted copy, or remove it from the inputs"
        case .pageFailed:
            return "\(path):\(at) cannot read this page\(library); its text is missing"
        case .outOfMemory(let limit):
            return "\(path):\(at) the PDF needs more than \(limit >> 20) MiB to read\(library); the file is "
                + "probably damaged — re-download it"
        case .noPages:
            return "\(path): the PDF has no pages\(library); re-download it"
        case .noTextLayer(let pages):
            return "\(path): no text layer (scanned PDF); OCR it first (none of its \(pages) pages has text)"
        case .unreadableTextLayer(let share, let threshold):
            return "\(path): unreadable text layer: \(Self.percent(share)) of its characters have no Unicode "
                + "meaning (U+FFFD, private use; fonts without a Unicode map; limit \(Self.percent(threshold))); "
                + "convert it with OCR or get a text version"
        }
    }

    static func percent(_ share: Double) -> String {
        let tenths = Int((share * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }
}
