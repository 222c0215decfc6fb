internal import CMuPDFShim

/// Reads a PDF's structured text with MuPDF, through the C shim (the only file that calls it). Every document
/// gets its own MuPDF context, so readers on different threads share nothing and need no locks; the result
/// depends only on the bytes, whatever the number of workers.
public struct PDFReader: Sendable, Equatable {
    /// Most memory MuPDF may hold at once for one document; past it the document is refused (a damaged file
    /// cannot take the machine's memory). A 200-page report needs well under 100 MiB.
    public var memoryLimit: Int
    /// After this many unreadable pages in a row the rest are not tried: a damaged page count (`/Count 2000000000`
    /// on a 3-page file) must not make the reader loop for hours.
    public var maximumConsecutiveFailures: Int

    public init(memoryLimit: Int = 512 << 20, maximumConsecutiveFailures: Int = 100) {
        self.memoryLimit = memoryLimit
        self.maximumConsecutiveFailures = maximumConsecutiveFailures
    }

    /// The pages of the PDF in `bytes`. Pages MuPDF cannot read are listed in `failedPages`; a document it
    /// cannot open, one that needs a user password, or one past the memory limit throws.
    public func read(_ bytes: [UInt8], path: String) throws(PDFError) -> PDFText {
        var error = nqp_pdf_error()
        let opened: OpaquePointer? = bytes.withUnsafeBufferPointer { buffer in
            nqp_pdf_open(buffer.baseAddress, buffer.count, memoryLimit, &error)
        }
        guard let doc = opened else { throw failure(error, path: path, page: nil) }
        defer { nqp_pdf_close(doc) }
        let count = Int(nqp_pdf_page_count(doc))
        guard count > 0 else { throw PDFError(path: path, kind: .noPages) }
        var pages: [PDFPage] = []
        pages.reserveCapacity(min(count, 4096))  // the count may be damaged
        var failed: [PDFError] = []
        var failuresInARow = 0
        for index in 0..<count {
            var raw = nqp_pdf_page()
            let status = nqp_pdf_page_text(doc, Int32(index), &raw, &error)
            guard status == 0 else {
                let problem = failure(error, path: path, page: index + 1)
                if case .outOfMemory = problem.kind { throw problem }
                failed.append(problem)
                pages.append(PDFPage(number: index + 1, width: 0, height: 0, lines: []))
                failuresInARow += 1
                if failuresInARow >= maximumConsecutiveFailures, index + 1 < count {
                    failed.append(PDFError(path: path, page: index + 2, kind: .pageFailed,
                                           detail: "pages \(index + 2)–\(count) not tried after \(failuresInARow) "
                                               + "unreadable pages in a row; the file's page count is probably damaged"))
                    break
                }
                continue
            }
            failuresInARow = 0
            defer { nqp_pdf_page_free(&raw) }
            pages.append(Self.page(raw, number: index + 1))
        }
        return PDFText(pages: pages, repaired: nqp_pdf_was_repaired(doc) != 0,
                       encrypted: nqp_pdf_is_encrypted(doc) != 0, failedPages: failed,
                       libraryWarnings: Int(nqp_pdf_warning_count(doc)),
                       firstLibraryWarning: String(cString: nqp_pdf_first_warning(doc)))
    }

    private static func page(_ raw: nqp_pdf_page, number: Int) -> PDFPage {
        var lines: [PDFLine] = []
        lines.reserveCapacity(Int(raw.line_count))
        let text = UnsafeRawBufferPointer(start: raw.text, count: Int(raw.text_length))
        for index in 0..<Int(raw.line_count) {
            let line = raw.lines[index]
            let slice = UnsafeRawBufferPointer(rebasing: text[Int(line.byte_start)..<Int(line.byte_start + line.byte_length)])
            let string = String(decoding: slice, as: UTF8.self)
            var blanks = 0
            for byte in slice where byte == 0x20 || byte == 0x09 { blanks += 1 }
            lines.append(PDFLine(text: string, top: Double(line.y0), bottom: Double(line.y1),
                                 visibleChars: max(0, Int(line.chars) - blanks),
                                 unreadableChars: Int(line.unreadable)))
        }
        return PDFPage(number: number, width: Double(raw.width), height: Double(raw.height), lines: lines,
                       images: Int(raw.images))
    }

    private func failure(_ error: nqp_pdf_error, path: String, page: Int?) -> PDFError {
        let message = withUnsafeBytes(of: error.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        let kind: PDFError.Kind = switch error.code {
        case Int32(NQP_PDF_NEEDS_PASSWORD.rawValue): .needsPassword
        case Int32(NQP_PDF_OUT_OF_MEMORY.rawValue): .outOfMemory(limit: memoryLimit)
        case Int32(NQP_PDF_PAGE_FAILED.rawValue), Int32(NQP_PDF_BAD_PAGE_NUMBER.rawValue): .pageFailed
        default: .cannotOpen
        }
        return PDFError(path: path, page: page, kind: kind, detail: message)
    }
}
