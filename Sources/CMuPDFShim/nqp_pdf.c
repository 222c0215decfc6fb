// See include/nqp_pdf.h. All MuPDF exceptions are caught in this file.
#include "nqp_pdf.h"

#include <mupdf/fitz.h>
#include <mupdf/pdf.h>
#include <stdlib.h>
#include <string.h>

// Every allocation carries its size in a header so the allocator can keep a running total and refuse to go
// past the document's limit (MuPDF then throws FZ_ERROR_MEMORY, after trying to free cached objects).
typedef struct {
    size_t used;
    size_t limit;
    int refused;
} nqp_budget;

#define NQP_HEADER 16

static void *budget_malloc(void *user, size_t size) {
    nqp_budget *budget = user;
    if (size > budget->limit || budget->used > budget->limit - size) { budget->refused = 1; return NULL; }
    unsigned char *block = malloc(size + NQP_HEADER);
    if (!block) return NULL;
    memcpy(block, &size, sizeof size);
    budget->used += size;
    return block + NQP_HEADER;
}

static void budget_free(void *user, void *ptr) {
    if (!ptr) return;
    nqp_budget *budget = user;
    unsigned char *block = (unsigned char *)ptr - NQP_HEADER;
    size_t size;
    memcpy(&size, block, sizeof size);
    budget->used -= size;
    free(block);
}

static void *budget_realloc(void *user, void *ptr, size_t size) {
    if (!ptr) return budget_malloc(user, size);
    if (size == 0) { budget_free(user, ptr); return NULL; }
    nqp_budget *budget = user;
    unsigned char *block = (unsigned char *)ptr - NQP_HEADER;
    size_t old;
    memcpy(&old, block, sizeof old);
    if (size > old && (size - old > budget->limit || budget->used > budget->limit - (size - old))) {
        budget->refused = 1;
        return NULL;
    }
    unsigned char *grown = realloc(block, size + NQP_HEADER);
    if (!grown) return NULL;
    memcpy(grown, &size, sizeof size);
    budget->used = budget->used - old + size;
    return grown + NQP_HEADER;
}

struct nqp_pdf {
    nqp_budget budget;        // first: the allocator's user pointer must outlive the context
    fz_context *ctx;
    pdf_document *doc;
    int32_t page_count;
    int32_t encrypted;
    int32_t warnings;
    char first_warning[512];
};

static void on_warning(void *user, const char *message) {
    nqp_pdf *pdf = user;
    if (pdf->warnings == 0) {
        strncpy(pdf->first_warning, message, sizeof pdf->first_warning - 1);
        pdf->first_warning[sizeof pdf->first_warning - 1] = 0;
    }
    pdf->warnings++;
}

// Errors are reported through the return codes; MuPDF's default callback would print them to stderr.
static void on_error(void *user, const char *message) { (void)user; (void)message; }

static void set_error(nqp_pdf_error *error, int32_t code, const char *message) {
    if (!error) return;
    error->code = code;
    strncpy(error->message, message ? message : "", sizeof error->message - 1);
    error->message[sizeof error->message - 1] = 0;
}

static int32_t caught_code(fz_context *ctx, const nqp_budget *budget, int32_t otherwise) {
    if (budget->refused || fz_caught(ctx) == FZ_ERROR_MEMORY) return NQP_PDF_OUT_OF_MEMORY;
    return otherwise;
}

nqp_pdf *nqp_pdf_open(const unsigned char *data, size_t length, size_t memory_limit, nqp_pdf_error *error) {
    set_error(error, NQP_PDF_OK, "");
    nqp_pdf *pdf = calloc(1, sizeof *pdf);
    if (!pdf) { set_error(error, NQP_PDF_OUT_OF_MEMORY, "cannot allocate the document"); return NULL; }
    pdf->budget.limit = memory_limit;
    fz_alloc_context alloc = { &pdf->budget, budget_malloc, budget_realloc, budget_free };
    // No locks: this context is used by one thread at a time and shares nothing with other documents' contexts.
    pdf->ctx = fz_new_context(&alloc, NULL, memory_limit / 4);
    if (!pdf->ctx) {
        set_error(error, NQP_PDF_OUT_OF_MEMORY, "cannot create a MuPDF context");
        free(pdf);
        return NULL;
    }
    fz_context *ctx = pdf->ctx;
    fz_set_warning_callback(ctx, on_warning, pdf);
    fz_set_error_callback(ctx, on_error, pdf);

    fz_buffer *buffer = NULL;
    fz_stream *stream = NULL;
    fz_var(buffer);
    fz_var(stream);
    int32_t code = NQP_PDF_OK;
    fz_try(ctx) {
        buffer = fz_new_buffer_from_copied_data(ctx, data, length);
        stream = fz_open_buffer(ctx, buffer);
        pdf->doc = pdf_open_document_with_stream(ctx, stream);
        pdf->encrypted = pdf_needs_password(ctx, pdf->doc) ? 1 : 0;
        if (pdf->encrypted && !pdf_authenticate_password(ctx, pdf->doc, "")) {
            code = NQP_PDF_NEEDS_PASSWORD;
        } else {
            if (pdf->doc->crypt != NULL) pdf->encrypted = 1;
            pdf->page_count = pdf_count_pages(ctx, pdf->doc);
        }
    }
    fz_always(ctx) {
        fz_drop_stream(ctx, stream);
        fz_drop_buffer(ctx, buffer);
    }
    fz_catch(ctx) {
        set_error(error, caught_code(ctx, &pdf->budget, NQP_PDF_OPEN_FAILED), fz_caught_message(ctx));
        nqp_pdf_close(pdf);
        return NULL;
    }
    if (code != NQP_PDF_OK) {
        set_error(error, code, "the PDF needs a user password to open");
        nqp_pdf_close(pdf);
        return NULL;
    }
    return pdf;
}

int32_t nqp_pdf_page_count(const nqp_pdf *doc) { return doc ? doc->page_count : 0; }
int32_t nqp_pdf_is_encrypted(const nqp_pdf *doc) { return doc ? doc->encrypted : 0; }
int32_t nqp_pdf_warning_count(const nqp_pdf *doc) { return doc ? doc->warnings : 0; }
const char *nqp_pdf_first_warning(const nqp_pdf *doc) { return doc ? doc->first_warning : ""; }

int32_t nqp_pdf_was_repaired(nqp_pdf *doc) {
    if (!doc || !doc->doc) return 0;
    int32_t repaired = 0;
    fz_try(doc->ctx) { repaired = pdf_was_repaired(doc->ctx, doc->doc) ? 1 : 0; }
    fz_catch(doc->ctx) { repaired = 0; }
    return repaired;
}

static int is_unreadable(int c) {
    return c == 0xFFFD || (c >= 0xE000 && c <= 0xF8FF) || c >= 0xF0000 || (c < 0x20 && c != '\t') ||
           (c >= 0x7F && c <= 0x9F);
}

// Growable plain-malloc output (never a MuPDF allocation: the caller frees it without a context).
typedef struct {
    char *bytes; size_t length, capacity;
    nqp_pdf_line *lines; size_t count, line_capacity;
    int failed;
} nqp_out;

static void out_bytes(nqp_out *out, const char *bytes, size_t n) {
    if (out->failed) return;
    if (out->length + n > out->capacity) {
        size_t capacity = out->capacity ? out->capacity * 2 : 4096;
        while (capacity < out->length + n) capacity *= 2;
        char *grown = realloc(out->bytes, capacity);
        if (!grown) { out->failed = 1; return; }
        out->bytes = grown;
        out->capacity = capacity;
    }
    memcpy(out->bytes + out->length, bytes, n);
    out->length += n;
}

static nqp_pdf_line *out_line(nqp_out *out) {
    if (out->failed) return NULL;
    if (out->count == out->line_capacity) {
        size_t capacity = out->line_capacity ? out->line_capacity * 2 : 64;
        nqp_pdf_line *grown = realloc(out->lines, capacity * sizeof *grown);
        if (!grown) { out->failed = 1; return NULL; }
        out->lines = grown;
        out->line_capacity = capacity;
    }
    nqp_pdf_line *line = &out->lines[out->count++];
    memset(line, 0, sizeof *line);
    return line;
}

// Appends the page's text lines to `out`, counts image blocks in `images`; returns the characters that are not
// blank (a page of blank lines has no text either).
static int collect(fz_stext_page *text, nqp_out *out, int32_t *images) {
    int visible = 0;
    for (fz_stext_block *block = text->first_block; block; block = block->next) {
        if (block->type == FZ_STEXT_BLOCK_IMAGE) { (*images)++; continue; }
        if (block->type != FZ_STEXT_BLOCK_TEXT) continue;
        for (fz_stext_line *line = block->u.t.first_line; line; line = line->next) {
            nqp_pdf_line *record = out_line(out);
            if (!record) return visible;
            record->x0 = line->bbox.x0; record->y0 = line->bbox.y0;
            record->x1 = line->bbox.x1; record->y1 = line->bbox.y1;
            record->byte_start = (int32_t)out->length;
            for (fz_stext_char *ch = line->first_char; ch; ch = ch->next) {
                char utf8[FZ_UTFMAX];
                int c = ch->c;
                if (c < 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
                int n = fz_runetochar(utf8, c);
                out_bytes(out, utf8, (size_t)n);
                record->chars++;
                if (c != ' ' && c != '\t' && c != 0xA0 && c != 0x3000) visible++;
                if (is_unreadable(c)) record->unreadable++;
            }
            record->byte_length = (int32_t)(out->length - (size_t)record->byte_start);
        }
    }
    return visible;
}

int32_t nqp_pdf_page_text(nqp_pdf *doc, int32_t number, nqp_pdf_page *page, nqp_pdf_error *error) {
    set_error(error, NQP_PDF_OK, "");
    memset(page, 0, sizeof *page);
    if (!doc || number < 0 || number >= doc->page_count) {
        set_error(error, NQP_PDF_BAD_PAGE_NUMBER, "no such page");
        return NQP_PDF_BAD_PAGE_NUMBER;
    }
    fz_context *ctx = doc->ctx;
    doc->budget.refused = 0;
    fz_page *fzpage = NULL;
    fz_stext_page *text = NULL;
    nqp_out out = {0};
    int32_t images = 0;
    fz_var(fzpage);
    fz_var(text);
    fz_try(ctx) {
        fzpage = fz_load_page(ctx, &doc->doc->super, number);
        // Characters entirely outside the page box are not part of the page a reader sees.
        fz_stext_options options = { FZ_STEXT_MEDIABOX_CLIP };
        text = fz_new_stext_page_from_page(ctx, fzpage, &options);
        page->width = text->mediabox.x1 - text->mediabox.x0;
        page->height = text->mediabox.y1 - text->mediabox.y0;
        int visible = collect(text, &out, &images);
        if (visible == 0 && !out.failed) {
            // No text: look again with images kept, to tell a scanned page from a blank one.
            fz_drop_stext_page(ctx, text);
            text = NULL;
            fz_stext_options with_images = { FZ_STEXT_MEDIABOX_CLIP | FZ_STEXT_PRESERVE_IMAGES };
            text = fz_new_stext_page_from_page(ctx, fzpage, &with_images);
            nqp_out ignored = {0};
            (void)collect(text, &ignored, &images);
            free(ignored.bytes);
            free(ignored.lines);
        }
    }
    fz_always(ctx) {
        fz_drop_stext_page(ctx, text);
        fz_drop_page(ctx, fzpage);
    }
    fz_catch(ctx) {
        free(out.bytes);
        free(out.lines);
        int32_t code = caught_code(ctx, &doc->budget, NQP_PDF_PAGE_FAILED);
        set_error(error, code, fz_caught_message(ctx));
        return code;
    }
    if (out.failed) {
        free(out.bytes);
        free(out.lines);
        set_error(error, NQP_PDF_OUT_OF_MEMORY, "cannot allocate the page text");
        return NQP_PDF_OUT_OF_MEMORY;
    }
    page->text = out.bytes;
    page->text_length = (int64_t)out.length;
    page->lines = out.lines;
    page->line_count = (int32_t)out.count;
    page->images = images;
    return NQP_PDF_OK;
}

void nqp_pdf_page_free(nqp_pdf_page *page) {
    if (!page) return;
    free(page->text);
    free(page->lines);
    memset(page, 0, sizeof *page);
}

void nqp_pdf_close(nqp_pdf *doc) {
    if (!doc) return;
    if (doc->ctx) {
        fz_try(doc->ctx) { pdf_drop_document(doc->ctx, doc->doc); }
        fz_catch(doc->ctx) { /* dropping cannot fail in practice; nothing to report */ }
        fz_drop_context(doc->ctx);
    }
    free(doc);
}
