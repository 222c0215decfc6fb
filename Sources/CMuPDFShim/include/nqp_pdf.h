// nqp's C shim over MuPDF: open a PDF from memory, authenticate with the empty password, and return each page's
// structured-text lines as UTF-8 with their boxes. Every MuPDF call runs inside fz_try/fz_catch here; errors
// come back as a status code plus MuPDF's message, never as a longjmp into the caller.
#ifndef NQP_PDF_H
#define NQP_PDF_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    NQP_PDF_OK = 0,
    /// The bytes are not a PDF MuPDF can open, even after repair.
    NQP_PDF_OPEN_FAILED = 1,
    /// Opening needs a user password (the empty password was tried).
    NQP_PDF_NEEDS_PASSWORD = 2,
    /// One page could not be loaded or its text not extracted.
    NQP_PDF_PAGE_FAILED = 3,
    /// The document would need more memory than the limit given to nqp_pdf_open.
    NQP_PDF_OUT_OF_MEMORY = 4,
    /// A page asked for is outside 0..<page_count.
    NQP_PDF_BAD_PAGE_NUMBER = 5,
} nqp_pdf_status;

typedef struct {
    int32_t code;          // nqp_pdf_status
    char message[512];     // MuPDF's message (UTF-8, NUL-terminated), empty when code == NQP_PDF_OK
} nqp_pdf_error;

/// One structured-text line: its bytes in nqp_pdf_page.text and its box in page coordinates (y grows down).
typedef struct {
    float x0, y0, x1, y1;
    int32_t byte_start;    // offset of the line's first byte in text
    int32_t byte_length;   // bytes of the line (no separator)
    int32_t chars;         // Unicode characters in the line
    int32_t unreadable;    // of which U+FFFD, private use, or C0/C1 controls (glyphs without a Unicode meaning)
} nqp_pdf_line;

typedef struct {
    char *text;            // the lines' UTF-8, concatenated without separators (owned; nqp_pdf_page_free)
    int64_t text_length;
    nqp_pdf_line *lines;   // in MuPDF's reading order: blocks, then lines within a block (owned)
    int32_t line_count;
    float width, height;   // the page's box
    int32_t images;        // image blocks on the page; counted only when the page has no text
} nqp_pdf_page;

typedef struct nqp_pdf nqp_pdf;

/// Opens a PDF held in `data` (copied; the caller may free it afterwards). Each document gets its own fz_context
/// whose allocator refuses to hold more than `memory_limit` bytes at once, so documents on different threads
/// share nothing and a damaged file cannot take unbounded memory. Owner-password-only PDFs open normally (the
/// empty user password is tried). Returns NULL and fills `error` on failure.
nqp_pdf *nqp_pdf_open(const unsigned char *data, size_t length, size_t memory_limit, nqp_pdf_error *error);

/// Number of pages (0 when the page tree is unreadable).
int32_t nqp_pdf_page_count(const nqp_pdf *doc);

/// The structured text of page `number` (0-based). On success fills `page` (free it with nqp_pdf_page_free).
int32_t nqp_pdf_page_text(nqp_pdf *doc, int32_t number, nqp_pdf_page *page, nqp_pdf_error *error);

void nqp_pdf_page_free(nqp_pdf_page *page);

/// Whether MuPDF had to repair the file (broken cross-reference table, truncated file).
int32_t nqp_pdf_was_repaired(nqp_pdf *doc);

/// Whether the document is encrypted (for information; opening already authenticated it).
int32_t nqp_pdf_is_encrypted(const nqp_pdf *doc);

/// Number of warnings MuPDF emitted so far and the first one (NUL-terminated; empty when none).
int32_t nqp_pdf_warning_count(const nqp_pdf *doc);
const char *nqp_pdf_first_warning(const nqp_pdf *doc);

void nqp_pdf_close(nqp_pdf *doc);

#ifdef __cplusplus
}
#endif
#endif
