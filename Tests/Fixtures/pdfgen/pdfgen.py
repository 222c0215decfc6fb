#!/usr/bin/env python3
"""pdfgen: small PDF generator for nqp's tests and benchmarks (our own fixtures; nothing copied from elsewhere).

Typesets pages of Chinese (or any) text lines with a CJK TrueType font from Debian (fonts-wqy-zenhei by default,
else fonts-noto-cjk), optional running header and footer (with page numbers), two-column pages, simple tables,
image-only ("scanned") pages, encryption, and a text layer without a Unicode map.

Every text line is drawn as one unwrapped cell, so the text a PDF reader gets back for a page is exactly the lines
that went in (in order: single-column lines, then the left column, then the right column, then the table row by
row, one line per row with cells joined by a space).

Needs: fpdf2 (PyPI), Pillow (a dependency of fpdf2, for image pages), a CJK font (apt: fonts-wqy-zenhei).

Use as a module:

    import pdfgen
    spec = {"header": "某某大数据科技股份有限公司 2021 年年度报告",
            "footer": "第 {page} 页 共 {pages} 页",
            "pages": [{"lines": ["第一节 重要提示", "本公司董事会保证……"]},
                      {"columns": [["左栏第一行"], ["右栏第一行"]]},
                      {"table": [["项目", "2021年", "2020年"], ["营业收入", "1,234", "1,000"]]},
                      {"image_only": True}]}
    pdfgen.make_pdf(spec, "out.pdf")
    pdfgen.expected_page_texts(spec)   # the body text of every page, one string per page

or from the command line:

    python3 pdfgen.py SPEC.json OUT.pdf [--expected OUT.txt]   # expected: pages separated by form feeds
    python3 pdfgen.py --check                                   # exit 0 when fpdf2 and a CJK font are present

Spec keys (all optional except pages):
  header, footer   text drawn at the top / bottom of every page; "{page}" and "{pages}" are replaced
  page_numbers     true: a bare page number centred under the footer line
  font             path of a .ttf/.ttc/.otf font; default: the first CJK font found
  font_size        points (default 11)
  encrypt          {"owner": "...", "user": "..."}; user "" = opens without a password (owner password only)
  unmapped         true: strip the fonts' ToUnicode maps afterwards, so readers get glyph ids, not text
  pages[i]         {"lines": [...], "columns": [[left...], [right...]], "table": [[cell...], ...],
                    "image_only": true, "header": "...", "footer": "..."} (page header/footer: this page
                    only, e.g. a chapter title; null = none); a page with no key is blank
"""
from __future__ import annotations

import json
import os
import re
import sys
import zlib

FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
]

PAGE_W, PAGE_H = 595.28, 841.89  # A4 in points
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 56.0, 72.0, 72.0


def find_font() -> str | None:
    for path in FONT_CANDIDATES:
        if os.path.exists(path):
            return path
    return None


def check() -> str | None:
    """None when the generator can run, else the reason it cannot (for tests that skip with a message)."""
    try:
        import fpdf  # noqa: F401
    except ImportError:
        return "fpdf2 is not installed (pip install fpdf2)"
    if find_font() is None:
        return "no CJK font found (apt install fonts-wqy-zenhei)"
    return None


def _fill(template: str | None, page: int, pages: int) -> str | None:
    if template is None:
        return None
    return template.replace("{page}", str(page)).replace("{pages}", str(pages))


def expected_page_texts(spec: dict) -> list[str]:
    """The body text of each page as a reader should return it (headers, footers and page numbers excluded),
    lines joined by newlines."""
    out = []
    for page in spec["pages"]:
        lines = list(page.get("lines", []))
        for column in page.get("columns", []):
            lines.extend(column)
        for row in page.get("table", []):
            lines.append(" ".join(row))
        out.append("\n".join(lines))
    return out


def make_pdf(spec: dict, out_path: str) -> None:
    from fpdf import FPDF

    font_path = spec.get("font") or find_font()
    if font_path is None:
        raise RuntimeError(check() or "no font")
    size = float(spec.get("font_size", 11))
    leading = size * 1.6
    pages = spec["pages"]
    total = len(pages)

    pdf = FPDF(unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(MARGIN_X, MARGIN_TOP, MARGIN_X)
    kwargs = {"collection_font_number": 0} if font_path.endswith(".ttc") else {}
    pdf.add_font("cjk", "", font_path, **kwargs)
    pdf.set_font("cjk", size=size)
    # Deterministic output: fixed creation date, no producer timestamp differences between runs.
    import datetime
    pdf.set_creation_date(datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc))
    if "encrypt" in spec:
        enc = spec["encrypt"]
        pdf.set_encryption(owner_password=enc.get("owner", "owner"), user_password=enc.get("user", ""))

    body_width = PAGE_W - 2 * MARGIN_X
    for number, page in enumerate(pages, start=1):
        pdf.add_page()
        header = _fill(page.get("header", spec.get("header")), number, total)
        footer = _fill(page.get("footer", spec.get("footer")), number, total)
        # The header and footer are drawn first so that, in content order, they come before the body (as in
        # typical cninfo reports); readers must still remove them from the match text.
        if header and not page.get("image_only"):
            pdf.set_font_size(size * 0.8)
            pdf.set_xy(MARGIN_X, 36)
            pdf.cell(body_width, size, header, align="C")
            pdf.line(MARGIN_X, 36 + size + 4, PAGE_W - MARGIN_X, 36 + size + 4)
            pdf.set_font_size(size)
        if footer and not page.get("image_only"):
            pdf.set_font_size(size * 0.8)
            pdf.set_xy(MARGIN_X, PAGE_H - 48)
            pdf.cell(body_width, size, footer, align="C")
            pdf.set_font_size(size)
        if spec.get("page_numbers") and not page.get("image_only"):
            pdf.set_font_size(size * 0.8)
            pdf.set_xy(MARGIN_X, PAGE_H - 32)
            pdf.cell(body_width, size, str(number), align="C")
            pdf.set_font_size(size)

        if page.get("image_only"):
            _draw_scan(pdf, number)
            continue
        y = MARGIN_TOP
        for line in page.get("lines", []):
            pdf.set_xy(MARGIN_X, y)
            pdf.cell(body_width, size, line)
            y += leading
        columns = page.get("columns", [])
        if columns:
            gap = 24.0
            col_w = (body_width - gap) / 2
            column_top = y
            for index, column in enumerate(columns[:2]):
                cy = column_top
                x = MARGIN_X + index * (col_w + gap)
                for line in column:
                    pdf.set_xy(x, cy)
                    pdf.cell(col_w, size, line)
                    cy += leading
                y = max(y, cy)
        table = page.get("table", [])
        if table:
            y += leading / 2
            ncols = max(len(row) for row in table)
            cell_w = body_width / ncols
            for row in table:
                for index, cell in enumerate(row):
                    pdf.set_xy(MARGIN_X + index * cell_w, y)
                    pdf.cell(cell_w, leading, cell, border=1)
                y += leading
    # fontTools reports on stdout the bitmap tables it cannot subset; that is noise for the callers.
    import contextlib
    import io
    import logging
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    with contextlib.redirect_stdout(io.StringIO()):
        data = bytes(pdf.output())
    if spec.get("unmapped"):
        data = _strip_tounicode(data)
    with open(out_path, "wb") as handle:
        handle.write(data)


def _draw_scan(pdf, number: int) -> None:
    """An image-only page, as a scanner produces: a grey picture with dark bars where text would be."""
    from PIL import Image, ImageDraw

    image = Image.new("L", (400, 560), 235)
    draw = ImageDraw.Draw(image)
    for row in range(30):
        width = 300 - (row * 37 + number * 11) % 120
        draw.rectangle([40, 40 + row * 16, 40 + width, 48 + row * 16], fill=40)
    pdf.image(image, x=MARGIN_X, y=MARGIN_TOP, w=PAGE_W - 2 * MARGIN_X)


def _strip_tounicode(data: bytes) -> bytes:
    """Blanks every '/ToUnicode N 0 R' entry (same length, so the cross-reference offsets stay right) and
    makes the CID fonts' built-in cmap unusable to readers by renaming the font's Unicode hints. The result
    is a text layer whose glyphs have no Unicode meaning, like PDFs made with fonts lacking a ToUnicode map."""
    def blank(match: re.Match) -> bytes:
        return b" " * len(match.group(0))
    return re.sub(rb"/ToUnicode\s+\d+\s+\d+\s+R", blank, data)


def main(argv: list[str]) -> int:
    if argv[:1] == ["--check"]:
        reason = check()
        if reason:
            print(reason, file=sys.stderr)
            return 1
        return 0
    if len(argv) < 2:
        print("usage: pdfgen.py SPEC.json OUT.pdf [--expected OUT.txt] | --check", file=sys.stderr)
        return 2
    with open(argv[0], encoding="utf-8") as handle:
        spec = json.load(handle)
    make_pdf(spec, argv[1])
    if "--expected" in argv:
        path = argv[argv.index("--expected") + 1]
        with open(path, "w", encoding="utf-8") as handle:
            handle.write("\f".join(expected_page_texts(spec)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
