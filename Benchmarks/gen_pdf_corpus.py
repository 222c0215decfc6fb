#!/usr/bin/env python3
"""gen_pdf_corpus.py - the PDF benchmark's corpus: Chinese annual reports typeset by our own generator.

  gen_pdf_corpus.py OUT [--n 100] [--seed 20261204] [--long-share 0.4] [--dictionary PATH]

Writes OUT/docs/*.pdf, OUT/expected.csv (planted keyword counts under nqp's text rules, the layout of
check_counts.py), OUT/keywords.txt (keyword TAB category, for the Python peers), OUT/manifest.json (files, pages,
bytes, planted totals). Byte-identical on every run with the same arguments.

Typesetting is the test generator's (Tests/Fixtures/pdfgen/pdfgen.py: fpdf2 and the WenQuanYi Zen Hei font from
Debian's fonts-wqy-zenhei); this file only writes the report specs. Every report has:
- a cover (firm name, `2021年年度报告`, `股票代码：600123`), a table of contents (chapter titles, dot leaders, page
  numbers), chapters headed `第X节 …` with the MD&A as 第三节 管理层讨论与分析;
- a running header with the firm's name and the report title on every page, e.g. `华夏大数据科技股份有限公司 2021
  年年度报告` (several firm names contain a dictionary keyword: a reader that keeps running headers over-counts
  by one per page), and a footer `第 N 页 共 M 页`;
- body pages of paragraphs wrapped at a fixed width, so planted keywords are also split across line ends (nqp
  rejoins lines next to Chinese characters; a plain text dump does not); every 7th page in two columns; every
  5th page with a financial table;
- 40 % long reports of 150–220 pages (`--long-share`), the others 30–150 pages.
Planted mentions: 10–400 per report (log-uniform), keywords of the Wu et al. (2021) dictionary shipped in
dictionaries/. Filler text contains no keyword and none of the negation characters 没 无 不, so the expected counts
are exactly the planted ones plus the firm name on the cover; the generator checks that by counting
leftmost-longest on the body text.

File names use the cninfo forms README "Firm and year" lists: `600123_2021_华夏数据_2021年年度报告.pdf`,
`2022-03-28__华夏大数据科技股份有限公司__600123__华夏数据__2021年__年度报告.pdf` and `华夏数据：2021年年度报告.pdf` (firm
code only in the text).
"""
import argparse
import csv
import json
import math
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "Tests", "Fixtures", "pdfgen"))
sys.path.insert(0, os.path.join(ROOT, "Tests", "Fixtures", "contract"))
import pdfgen  # noqa: E402  (the test generator: one typesetting layer for tests and benchmarks)
import nqpcontract  # noqa: E402  (nqp's text rules, shared with the other generators)

# Filler: business prose without any dictionary keyword and without 没/无/不 (negation characters).
FILLER = [
    "报告期内", "公司", "主营业务", "营业收入", "同比增长", "市场份额", "产品结构", "持续优化", "经营业绩", "稳步提升",
    "研发投入", "管理费用", "资产负债率", "现金流量", "客户需求", "供应链", "产能利用率", "销售渠道", "品牌建设", "风险管理",
    "内部控制", "股东回报", "利润分配", "投资活动", "筹资活动", "固定资产", "在建工程", "应收账款", "存货周转", "人才队伍",
    "核心竞争力", "行业地位", "发展战略", "经营计划", "募集资金", "关联交易", "重大合同", "社会责任", "环境保护", "安全生产",
    "董事会", "监事会", "高级管理人员", "质量管理体系", "成本控制", "海外市场", "区域布局", "产业升级", "技术改造", "生产线",
    "原材料价格", "毛利率", "净利润", "每股收益", "加权平均", "净资产收益率", "经营活动", "会计政策", "审计意见", "信息披露",
]
CONNECT = ["，", "，", "；", "、", "，进一步", "，同时", "，推动", "，加强", "，围绕", "，实现"]
PLANT_LEAD = ["公司推进", "加快", "布局", "积极开展", "深化", "完善", "聚焦", "拓展"]
CHAPTERS = ["重要提示、目录和释义", "公司简介和主要财务指标", "管理层讨论与分析", "公司治理", "环境和社会责任", "重要事项",
            "股份变动及股东情况", "优先股相关情况", "债券相关情况", "财务报告"]
NUMERALS = "一二三四五六七八九十"
FIRM_STEMS = ["华夏", "东方", "长江", "恒信", "嘉禾", "远景", "瑞丰", "宏达", "天元", "金桥", "鼎盛", "泰和", "新纪元", "中联",
              "海容", "安泰", "博远", "启明", "正源", "光华"]
FIRM_TRADES = ["大数据科技", "云计算", "物联网技术", "电子商务", "精密制造", "新材料", "医药", "能源", "食品", "建设",
               "装备", "化工", "物流", "纺织", "电气"]
WIDTH, COLUMN_WIDTH, LINES_PER_PAGE, COLUMN_LINES = 40, 19, 36, 34


def wrap(text, width):
    """Fixed-width lines, as a typesetter breaks Chinese text anywhere, except inside a run of ASCII letters and
    digits (`Fintech`, `B2C`): nqp joins lines with a space between two ASCII characters, so a word broken there
    would be two words, in nqp as in any reader."""
    lines, start = [], 0
    while start < len(text):
        end = nqpcontract.word_safe_cut(text, min(start + width, len(text)), start + 1)
        lines.append(text[start:end])
        start = end
    return lines


def paragraph(rng, plants):
    """A paragraph of filler sentences with the keywords in `plants` inserted."""
    parts = []
    for k in plants:
        parts.append(rng.choice(FILLER) + rng.choice(CONNECT) + rng.choice(PLANT_LEAD) + k)
    for _ in range(rng.randint(4, 9)):
        parts.append(rng.choice(FILLER) + rng.choice(CONNECT) + rng.choice(FILLER))
    rng.shuffle(parts)
    return "，".join(parts) + "。"


def report_spec(rng, index, keywords, pages_total, mentions):
    stem = FIRM_STEMS[index % len(FIRM_STEMS)]
    trade = FIRM_TRADES[(index * 7) % len(FIRM_TRADES)]
    firm = "%s%s股份有限公司" % (stem, trade)
    short = (stem + trade)[:4]
    code = "%06d" % (600000 + index * 37 % 4000) if index % 2 else "%06d" % (1 + index * 53 % 3000)
    year = 2015 + index % 8
    # Planted keywords, spread over the body pages.
    plants = [rng.choice(keywords) for _ in range(mentions)]
    body_pages = pages_total - 2
    # Spread evenly over pages in random order, so no page gets more mentions than fit on it.
    per_page = [[] for _ in range(body_pages)]
    order = list(range(body_pages))
    rng.shuffle(order)
    for i, k in enumerate(plants):
        per_page[order[i % body_pages]].append(k)
    chapter_starts = sorted(set([0] + rng.sample(range(1, body_pages), min(len(CHAPTERS) - 1, body_pages - 1))))
    chapter_of_page = {}
    for n, start in enumerate(chapter_starts):
        chapter_of_page[start] = n
    pages = [{"lines": [firm, "%d年年度报告" % year, "股票代码：%s    股票简称：%s" % (code, short),
                        "%d年3月" % (year + 1)]}]
    toc = ["目录"]
    for n, start in enumerate(chapter_starts):
        title = "第%s节 %s" % (NUMERALS[n], CHAPTERS[n])
        toc.append("%s%s%d" % (title, "." * max(4, 44 - 2 * len(title)), start + 3))
    pages.append({"lines": toc})
    for p in range(body_pages):
        lines = []
        if p in chapter_of_page:
            n = chapter_of_page[p]
            lines.append("第%s节 %s" % (NUMERALS[n], CHAPTERS[n]))
        two_columns = p % 7 == 6
        with_table = p % 5 == 4 and not two_columns
        budget = (COLUMN_LINES * 2 if two_columns else LINES_PER_PAGE - (14 if with_table else 0)) - len(lines)
        width = COLUMN_WIDTH if two_columns else WIDTH
        text_lines = []
        planted = list(per_page[p])
        # Whole paragraphs until the page is nearly full (a paragraph is 2-4 lines, so none runs off the page).
        while planted or len(text_lines) < budget - 4:
            chunk, planted = planted[:3], planted[3:]
            text_lines += wrap(paragraph(rng, chunk), width)
        page = {}
        if two_columns:
            half = (len(text_lines) + 1) // 2
            page["lines"] = lines
            page["columns"] = [text_lines[:half], text_lines[half:]]
        else:
            page["lines"] = lines + text_lines
        if with_table:
            rows = [["项目", "%d年" % year, "%d年" % (year - 1), "增减"]]
            for item in rng.sample(["营业收入", "营业成本", "销售费用", "管理费用", "研发费用", "财务费用", "净利润",
                                    "经营活动现金流量净额", "总资产", "归属于股东的净资产", "每股收益", "加权平均净资产收益率"], 10):
                a, b = rng.randint(1000, 9999999), rng.randint(1000, 9999999)
                rows.append([item, "{:,}".format(a), "{:,}".format(b), "%.2f%%" % ((a - b) * 100.0 / b)])
            page["table"] = rows
        pages.append(page)
    spec = {"header": "%s %d 年年度报告" % (firm, year), "footer": "第 {page} 页 共 {pages} 页", "pages": pages}
    form = index % 3
    if form == 0:
        name = "%s_%d_%s_%d年年度报告.pdf" % (code, year, short, year)
    elif form == 1:
        name = "%d-03-28__%s__%s__%s__%d年__年度报告.pdf" % (year + 1, firm, code, short, year)
    else:
        name = "%s：%d年年度报告.pdf" % (short, year)
    return name, spec, plants, firm


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=20261204)
    ap.add_argument("--long-share", type=float, default=0.4)
    ap.add_argument("--dictionary", default=os.path.join(ROOT, "dictionaries", "digital_transformation.zh.yml"))
    args = ap.parse_args()
    reason = pdfgen.check()
    if reason:
        sys.exit("gen_pdf_corpus.py: " + reason)
    pairs = nqpcontract.load_dictionary(args.dictionary)
    keywords = [k for k, _ in pairs]
    for word in FILLER + CONNECT + PLANT_LEAD + CHAPTERS:
        assert not any(k.lower() in word.lower() for k in keywords), word
        assert not set(word) & set("没无不"), word
    docs = os.path.join(args.out, "docs")
    os.makedirs(docs, exist_ok=True)
    rng = random.Random(args.seed)
    rows, files = [], []
    for index in range(args.n):
        long_report = rng.random() < args.long_share
        pages_total = rng.randint(150, 220) if long_report else rng.randint(30, 149)
        mentions = int(math.exp(rng.uniform(math.log(10), math.log(400))))
        name, spec, plants, firm = report_spec(rng, index, keywords, pages_total, mentions)
        path = os.path.join(docs, name)
        pdfgen.make_pdf(spec, path)
        # The body text under nqp's rules: header and footer lines removed, the match text of the pages (line
        # breaks next to Chinese characters removed), counted leftmost-longest. It must equal the planted mentions.
        body = nqpcontract.match_text("\n".join(pdfgen.expected_page_texts(spec)))
        counts = nqpcontract.longest_counts(body, keywords)
        # The cover names the firm once (华夏大数据科技股份有限公司): a real mention in the text, unlike the header.
        planted = nqpcontract.longest_counts("".join(spec["pages"][0]["lines"]), keywords)
        for k in plants:
            planted[k] += 1
        # A keyword nested in a longer planted one (移动互联 in 移动互联网) counts once, as the longer one.
        if counts != planted:
            sys.exit("gen_pdf_corpus.py: %s: counted %d, planted %d: filler formed a keyword" % (
                name, sum(counts.values()), sum(planted.values())))
        header_hits = sum(nqpcontract.longest_counts(spec["header"], keywords).values())
        size = os.path.getsize(path)
        rows.append([name, size] + [counts[k] for k in keywords])
        files.append({"file": name, "pages": len(spec["pages"]), "bytes": size, "planted": len(plants),
                      "firm": firm, "header_keyword_hits_per_page": header_hits})
        print("%3d %-60s %3d pages %7d bytes %3d planted" % (index, name, len(spec["pages"]), size, len(plants)),
              file=sys.stderr)
    with open(os.path.join(args.out, "expected.csv"), "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["file", "bytes"] + keywords)
        writer.writerows(rows)
    with open(os.path.join(args.out, "keywords.txt"), "w", encoding="utf-8") as fh:
        for k, category in pairs:
            fh.write("%s\t%s\n" % (k, category))
    manifest = {"files": files, "n": len(files), "pages": sum(f["pages"] for f in files),
                "bytes": sum(f["bytes"] for f in files), "planted": sum(f["planted"] for f in files),
                "seed": args.seed, "dictionary": os.path.relpath(args.dictionary, ROOT)}
    with open(os.path.join(args.out, "manifest.json"), "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, ensure_ascii=False, indent=1)
    print("%d PDFs, %d pages, %.1f MB, %d planted mentions" % (
        manifest["n"], manifest["pages"], manifest["bytes"] / 1e6, manifest["planted"]), file=sys.stderr)


if __name__ == "__main__":
    main()
