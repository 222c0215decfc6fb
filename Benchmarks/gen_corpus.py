#!/usr/bin/env python3
"""gen_corpus.py - nqp's own deterministic benchmark corpus (Python 3 standard library only).

Usage:  python3 Benchmarks/gen_corpus.py [OUT] [--n 64] [--seed 424242] [--min-mb 1] [--max-mb 5] [--zh-share 0.625]

Writes OUT/docs/ (the reports: Chinese Word-export and pdf2htmlEX-style HTML in UTF-8 with and without a
declaration, UTF-8 with BOM, GBK declared gbk, GBK declared gb2312 with GBK-only characters, GB18030 with 4-byte
characters; English inline-XBRL XHTML and legacy upper-case 10-K HTML), 1-5 MB each, plus
  OUT/keywords.txt   keyword TAB category, one per line (the format ../shared/bench/peers_bench.py reads)
  OUT/keywords.yaml  the same dictionary as a cntext-style YAML (Name/Desc/Category/Dictionary)
  OUT/expected.csv   file,bytes,<one column per keyword>: the planted mentions under nqp's contract text rules
                     (visible text, NFKC, whitespace next to CJK removed) counted leftmost-longest; negated
                     mentions are included (they are mentions; the negation rule is a counting option)
  OUT/manifest.json  per file: kind, encoding, declared label, bytes, planted mentions by form, decoys.
Everything is invented text. The corpus is byte-identical for the same arguments.

Keyword forms planted (all counted in expected.csv): plain, inside a table cell, split by inline tags
(人工</span><span>智能), split by a block boundary (人工</p><p>智能: a line break between CJK characters, which the match
text removes), numeric character references, full-width ASCII (Ｂ２Ｂ), negated (没有使用人工智能), nested
(移动互联网 and 移动互联), split across pdf2htmlEX lines; English: plain, split by an ix tag, with &nbsp; or a
source newline inside a phrase. Decoys (never counted): <script>, <style>, comments, attribute values,
display:none blocks, the <head> title.
"""
import argparse
import hashlib
import html
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "Tests", "Fixtures", "contract"))
import nqpcontract  # noqa: E402  (nqp's text rules, shared with samples/generate_samples.py)

ENGLISH = ["artificial intelligence", "machine learning", "deep learning", "cloud computing", "big data",
           "blockchain", "Internet of Things", "digital transformation", "data analytics", "cybersecurity",
           "e-commerce", "automation", "robotics", "quantum computing"]
CATEGORY = dict(nqpcontract.load_dictionary())  # the 76 keywords of Wu et al. (2021), as nqp ships them
for _t in ENGLISH:
    CATEGORY[_t] = "English"
KEYWORDS = list(CATEGORY)
ZH_KEYWORDS = [k for k in KEYWORDS if CATEGORY[k] != "English"]
ASCII_WU = [k for k in ZH_KEYWORDS if all(ord(c) < 128 for c in k)]
FULLWIDTH = {k: nqpcontract.fullwidth(k) for k in ZH_KEYWORDS if any(ord(c) < 128 for c in k)}

# ------------------------------------------------------------------------------------------------ text pools
SUBJ = ["公司", "本集团", "报告期内公司", "管理层", "各子公司", "本行", "公司董事会", "经营团队"]
VERB = ["持续推进", "稳步实施", "全面加强", "进一步优化", "积极开展", "扎实做好", "认真落实", "系统梳理"]
OBJ = ["精益生产管理", "全面预算管理", "营销渠道建设", "质量管理体系建设", "人才梯队建设", "安全生产工作", "成本费用管控",
       "应收账款回收", "产能布局调整", "品牌推广活动", "内部审计工作", "合规管理体系", "采购流程再造", "仓储物流体系",
       "售后服务网络", "节能降耗改造", "重点项目建设", "募集资金管理", "投资者关系管理", "信息披露工作"]
TAIL = ["，取得了良好成效。", "，经营效率明显提升。", "，各项指标符合预期。", "，为全年目标的实现提供了保障。",
        "，相关工作按计划有序推进。", "，整体运行平稳。", "，较上年有明显改善。", "，夯实了长期发展基础。"]
NUMS = ["报告期内，公司实现营业收入{a}万元，同比增长{p}%。", "报告期末，公司总资产为{a}万元，较期初增长{p}%。",
        "公司全年销售费用为{a}万元，占营业收入的比例为{p}%。", "报告期内，公司研发投入{a}万元，同比增长{p}%。",
        "公司期末应收账款余额{a}万元，较上年末下降{p}%。", "公司经营活动产生的现金流量净额为{a}万元。",
        "报告期末，本行贷款总额{a}亿元，不良贷款率{p}%。", "公司存货周转天数为{n}天，较上年减少{m}天。"]
RARE_GBK = "镕喆昇堃婧赟玥琇珺"           # in GBK, not in GB2312
RARE_GB18030 = "㐀㐁䶮𠀀𠀁𪚥"                # 4-byte in GB18030 (Ext A / Ext B)
PEOPLE = ["张伟", "王芳", "李娜", "刘洋", "陈杰", "杨静", "赵勇", "黄磊", "周敏", "吴涛"]

EN_SUBJ = ["The Company", "Management", "Our segment", "The Board", "Each business unit", "We"]
EN_VERB = ["continued to improve", "expanded", "reviewed", "invested in", "streamlined", "maintained"]
EN_OBJ = ["working capital management", "its distribution network", "manufacturing capacity", "customer service",
          "internal controls", "procurement processes", "pricing discipline", "the product portfolio",
          "employee training", "regional sales offices", "credit risk monitoring", "lease arrangements"]
EN_TAIL = ["during the fiscal year.", "in line with prior guidance.", "as described in Note 4.",
           "which contributed to higher margins.", "with no material change in estimates.", "across all regions."]

PLANT_ZH = ["公司持续推进{k}相关工作，取得积极进展。", "报告期内，公司在{k}领域投入研发资源。", "公司依托{k}能力服务行业。",
            "围绕{k}方向，公司完成了多项技术攻关。", "公司建成{k}平台并投入使用。"]
NEG_ZH = ["公司目前没有使用{k}技术。", "公司未采用{k}方案。", "公司不涉及{k}业务。"]
PLANT_EN = ["In fiscal {y} we expanded our {k} capabilities across the platform.",
            "Revenue from {k} offerings grew as customers adopted the new release.",
            "We continue to invest in {k} to improve efficiency."]


def keywords_in(layout):
    """The keywords nqp counts in `layout` (match text, leftmost-longest), in text order."""
    return [k for _, k in nqpcontract.longest_hits(nqpcontract.match_text(layout), KEYWORDS)]


class Gen:
    def __init__(self, seed):
        self.seed = seed

    def rng(self, *parts):
        h = hashlib.sha256(("%d|" % self.seed + "|".join(map(str, parts))).encode()).digest()
        return random.Random(int.from_bytes(h[:8], "big"))

    # ---- pools, checked once to be keyword-free (so expected counts follow from what is planted)
    def pools(self):
        r = self.rng("pools")
        zh = []
        for _ in range(1500):
            parts = []
            for _ in range(r.randint(3, 7)):
                if r.random() < 0.3:
                    parts.append(r.choice(NUMS).format(a="%.2f" % r.uniform(10, 99999), p="%.2f" % r.uniform(0.1, 40),
                                                       n=r.randint(20, 200), m=r.randint(1, 15)))
                else:
                    parts.append(r.choice(SUBJ) + r.choice(VERB) + r.choice(OBJ) + r.choice(TAIL))
            zh.append("".join(parts))
        en = []
        for _ in range(1200):
            en.append(" ".join("%s %s %s %s" % (r.choice(EN_SUBJ), r.choice(EN_VERB), r.choice(EN_OBJ),
                                                r.choice(EN_TAIL)) for _ in range(r.randint(3, 6))))
        for p in zh + en:
            assert not keywords_in(p), p
        labels = ["营业收入", "营业成本", "销售费用", "管理费用", "财务费用", "投资收益", "营业利润", "利润总额",
                  "所得税费用", "净利润", "货币资金", "应收账款", "存货", "固定资产", "在建工程", "短期借款",
                  "应付账款", "合同负债", "长期借款", "股本", "资本公积", "盈余公积", "未分配利润"]
        en_labels = ["Net revenue", "Cost of revenue", "Gross profit", "Selling and marketing", "General and "
                     "administrative", "Operating income", "Interest expense", "Income before taxes", "Net income",
                     "Cash and cash equivalents", "Accounts receivable", "Inventories", "Total current assets",
                     "Property and equipment", "Goodwill", "Accounts payable", "Long-term debt", "Total equity"]
        assert not keywords_in("\n".join(labels + en_labels))
        self.zh_tables, self.ix_tables, self.legacy_tables = [], [], []
        td = ("<td width=%d valign=top style='width:%.1fpt;border:solid windowtext 1.0pt;border-top:none;padding:"
              "0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal align=%s style='text-align:%s'><span lang=%s "
              "style='font-size:9.0pt;font-family:%s'>%s</span></p></td>\n")
        for _ in range(200):
            rows = []
            for _ in range(r.randint(4, 14)):
                cells = [td % (142, 106.5, "left", "left", "ZH-CN", "宋体", r.choice(labels))]
                for _ in range(r.randint(2, 4)):
                    cells.append(td % (95, 71.3, "right", "right", "EN-US", '"Times New Roman",serif',
                                       "{:,.2f}".format(r.uniform(-1e8, 1e10))))
                rows.append("<tr style='height:15.6pt'>\n%s</tr>\n" % "".join(cells))
            self.zh_tables.append("<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 width=568 "
                                  "style='width:426.1pt;border-collapse:collapse;border:none'>\n%s</table>\n"
                                  % "".join(rows))
            ix_rows, lg_rows = [], []
            for j in range(r.randint(4, 14)):
                lab = html.escape(r.choice(en_labels))
                ix_cells = ['<td style="padding:2px 1pt;text-align:left;vertical-align:bottom"><span style="color:'
                            '#000000;font-family:\'Times New Roman\',sans-serif;font-size:9pt;font-weight:400;'
                            'line-height:100%%">%s</span></td>' % lab]
                lg_cells = ["<TD VALIGN=BOTTOM><FONT SIZE=1>%s</FONT></TD>" % lab.upper()]
                for c in range(r.randint(2, 3)):
                    v = "{:,}".format(r.randint(1, 99999))
                    ix_cells.append('<td style="padding:2px 1pt;text-align:right;vertical-align:bottom"><span '
                                    'style="color:#000000;font-family:\'Times New Roman\',sans-serif;font-size:9pt;'
                                    'font-weight:400;line-height:100%%"><ix:nonFraction unitRef="usd" contextRef="c-%d"'
                                    ' decimals="-6" name="us-gaap:Revenues" format="ixt:num-dot-decimal" scale="6" '
                                    'id="f-%d">%s</ix:nonFraction></span></td>' % (c + 1, r.randint(1, 9999), v))
                    lg_cells.append("<TD ALIGN=RIGHT VALIGN=BOTTOM><FONT SIZE=1>%s</FONT></TD>" % v)
                ix_rows.append("<tr>%s</tr>\n" % "".join(ix_cells))
                lg_rows.append("<TR>%s</TR>\n" % "".join(lg_cells))
            self.ix_tables.append('<table style="border-collapse:collapse;display:inline-table;margin-bottom:5pt;'
                                  'vertical-align:text-bottom;width:100.000%%">\n%s</table>\n' % "".join(ix_rows))
            self.legacy_tables.append("<TABLE WIDTH=100%% BORDER=0 CELLSPACING=0 CELLPADDING=0>\n%s</TABLE>\n"
                                      % "".join(lg_rows))
        # every planting template yields exactly its keyword, whatever the keyword's neighbours
        for k in ZH_KEYWORDS:
            for tpl in PLANT_ZH + NEG_ZH:
                for shown in (k, FULLWIDTH.get(k, k)):
                    assert keywords_in(tpl.format(k=shown)) == [k], (tpl, k)
            assert keywords_in("研发方向\n%s\n12.34" % k) == [k], k
        for k in ENGLISH + ASCII_WU:
            for tpl in PLANT_EN:
                assert keywords_in(tpl.format(k=k, y=2020)) == [k], (tpl, k)
        return zh, en

    def plant_zh(self, r, k, form):
        """Returns (visible sentence text for pdf-style, HTML snippet for Word-style)."""
        if form == "negated":
            sent = r.choice(NEG_ZH).format(k="\x00")
        else:
            sent = r.choice(PLANT_ZH).format(k="\x00")
        a, b = sent.split("\x00")
        if form == "fullwidth":
            shown = FULLWIDTH[k]
            return a + shown + b, html.escape(a + shown + b)
        if form == "inline" and len(k) > 1:
            c = len(k) // 2
            return a + k + b, "%s%s</span><span lang=ZH-CN style='font-family:宋体'>%s%s" % (
                html.escape(a), html.escape(k[:c]), html.escape(k[c:]), html.escape(b))
        c = len(k) // 2
        if form == "block" and len(k) > 1 and (nqpcontract.is_cjk(k[c - 1]) or nqpcontract.is_cjk(k[c])):
            return a + k + b, "%s%s</span></p>\n<p class=MsoNormal><span style='font-family:宋体'>%s%s" % (
                html.escape(a), html.escape(k[:c]), html.escape(k[c:]), html.escape(b))
        if form == "charref":
            return a + k + b, html.escape(a) + "".join("&#x%X;" % ord(ch) for ch in k[:2]) + html.escape(k[2:] + b)
        return a + k + b, html.escape(a + k + b)

    # ---- Chinese documents
    def chinese(self, idx, target, flavour):
        r = self.rng("zh", idx)
        enc, label, bom, style = flavour
        counts, forms, decoys = {}, {}, 0
        people = r.sample(PEOPLE, 3)
        rare = ""
        if label == "gb2312":
            rare = r.choice(RARE_GBK)
        elif enc == "gb18030":
            rare = r.choice(RARE_GB18030)
        elif enc == "utf-8":
            rare = r.choice(RARE_GB18030 + RARE_GBK)
        name = "示例%s科技股份有限公司" % "甲乙丙丁戊己庚辛壬癸"[idx % 10]
        head = []
        if label:
            if r.random() < 0.5:
                head.append('<meta http-equiv=Content-Type content="text/html; charset=%s">' % label)
            else:
                head.append('<meta charset="%s">' % label)
        head.append('<meta name=keywords content="人工智能,大数据,区块链,云计算">')
        head.append("<title>%s%d年年度报告 人工智能</title>" % (name, 2015 + idx % 8))
        head.append("<style>\n<!--\np.MsoNormal{margin:0cm;font-size:10.5pt;font-family:宋体}\n"
                    ".物联网 {color:red}\n-->\n</style>")
        head.append('<script>var tags=["大数据","云计算"]; if (a<b && c>d) {x="<p>区块链</p>";}</script>')
        decoys += 9
        out = ["<html>\n<head>\n" + "\n".join(head) + "\n</head>\n<body lang=ZH-CN>\n<div class=WordSection1>\n"]
        size = len(out[0]) * 3
        n_mentions = int(round(r.uniform(3, 380) ** 1.0 * (target / 3e6)))
        plan = [r.choice(ZH_KEYWORDS) for _ in range(n_mentions)]
        plan += ["移动互联网", "移动互联"] * r.randint(1, 4)
        r.shuffle(plan)
        pool = self.zh_pool
        para_html = ("<p class=MsoNormal style='text-indent:21.0pt'><span style='font-family:宋体;"
                     "mso-ascii-font-family:\"Times New Roman\"'>%s</span></p>\n")
        intro = "%s 法定代表人：%s%s 董事会秘书：%s" % (name, people[0][0], rare + people[0][1:], people[1])
        out.append(para_html % html.escape(intro))
        chapter_titles = ["第一节 重要提示、目录和释义", "第二节 公司简介和主要财务指标", "第三节 管理层讨论与分析",
                          "第四节 公司治理", "第五节 环境和社会责任", "第六节 重要事项", "第七节 股份变动及股东情况",
                          "第十节 财务报告"]
        chapter = 0
        forms_cycle = ["plain"] * 6 + ["inline", "block", "table", "charref", "negated"]
        while size < target:
            if chapter < len(chapter_titles) and size > target * chapter / len(chapter_titles):
                out.append("<h1><span style='font-size:16.0pt;font-family:黑体'>%s</span></h1>\n" % chapter_titles[chapter])
                chapter += 1
            text = r.choice(pool)
            if plan and r.random() < 0.25:
                k = plan.pop()
                form = r.choice(forms_cycle)
                if k in FULLWIDTH and r.random() < 0.5:
                    form = "fullwidth"
                if form == "block" and k.isascii():
                    form = "plain"
                if form == "inline" and k in FULLWIDTH:
                    form = "plain"
                if form == "charref" and not all(ord(c) > 127 for c in k[:2]):
                    form = "plain"
                counts[k] = counts.get(k, 0) + 1
                forms[form] = forms.get(form, 0) + 1
                if form == "table":
                    piece = ("<table class=MsoNormalTable border=1 cellspacing=0>\n<tr><td><p class=MsoNormal><span>"
                             "研发方向</span></p></td><td><p class=MsoNormal><span>%s</span></p></td><td><p "
                             "class=MsoNormal><span lang=EN-US>%.2f</span></p></td></tr>\n</table>\n"
                             % (html.escape(k), r.uniform(1, 999)))
                    visible = "研发方向%s%.2f" % (k, 1.0)
                    out.append(piece)
                    size += len(piece.encode("utf-8"))
                    continue
                visible, snippet = self.plant_zh(r, k, form)
                cut = r.randint(0, len(text))
                while cut < len(text) and text[cut - 1:cut] not in ("。", ""):
                    cut += 1
                text_html = html.escape(text[:cut]) + snippet + html.escape(text[cut:])
                text_plain = text[:cut] + visible + text[cut:]
            else:
                text_html, text_plain = html.escape(text), text
            if style == "pdf2html":
                # one absolutely positioned div per printed line; the inline/block markup of a planted snippet
                # would be cut, so pdf-style pages carry the plain visible text
                lines = printed_lines(text_plain, 42)
                piece = "".join('<div class="t m0 x%d h2 y%x ff1 fs0 fc0 sc0 ls0 ws0">%s</div>\n' % (
                    r.randint(1, 9), r.randint(16, 4095), html.escape(ln)) for ln in lines)
            else:
                piece = para_html % text_html
            if r.random() < 0.002:
                piece += "<!-- 人工智能 大数据 -->\n<div style=\"display:none\">区块链</div>\n"
                decoys += 3
            if style == "word" and r.random() < 0.35:
                piece += r.choice(self.zh_tables)
            out.append(piece)
            size += len(piece.encode(enc, errors="replace"))
        out.append("</div>\n</body>\n</html>\n")
        data = "".join(out).encode(enc, errors="xmlcharrefreplace")  # e.g. 𠀀 in a GBK file becomes &#131072;
        if bom:
            data = b"\xef\xbb\xbf" + data
        return data, counts, forms, decoys, rare

    # ---- English documents
    def english(self, idx, target, kind):
        r = self.rng("en", idx)
        counts, forms = {}, {}
        year = 2015 + idx % 8
        cik = "%010d" % (1000000 + idx * 7919)
        out = []
        if kind == "ixbrl":
            out.append('<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" '
                       'xmlns:ix="http://www.xbrl.org/2013/inlineXBRL" xmlns:dei="http://xbrl.sec.gov/dei/2021" '
                       'xmlns:us-gaap="http://fasb.org/us-gaap/2021" xmlns:xbrli="http://www.xbrl.org/2003/instance">\n'
                       '<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"/><title>10-K '
                       'machine learning</title></head>\n<body>\n<div style="display:none"><ix:header><ix:hidden>'
                       '<ix:nonNumeric name="dei:EntityCentralIndexKey" contextRef="c1">%s</ix:nonNumeric>'
                       '<ix:nonNumeric name="dei:DocumentFiscalYearFocus" contextRef="c1">%d</ix:nonNumeric>'
                       '<ix:nonNumeric name="dei:DocumentPeriodEndDate" contextRef="c1">%d-12-31</ix:nonNumeric>'
                       '<ix:nonNumeric name="x:Note" contextRef="c1">cloud computing big data</ix:nonNumeric>'
                       '</ix:hidden></ix:header></div>\n' % (cik, year, year))
            para = ('<div style="margin-top:6pt;text-align:justify"><span style="color:#000000;font-family:\'Times '
                    'New Roman\',sans-serif;font-size:10pt;font-weight:400;line-height:120%%">%s</span></div>\n')
        else:
            out.append("<HTML>\n<HEAD>\n<TITLE>10-K blockchain</TITLE>\n</HEAD>\n<BODY BGCOLOR=\"#FFFFFF\">\n")
            para = "<P ALIGN=JUSTIFY><FONT SIZE=2>%s</FONT></P>\n"
        decoys = 3
        size = len(out[0])
        n_mentions = int(round(r.uniform(3, 380) * (target / 3e6)))
        plan = [r.choice(ENGLISH + ASCII_WU) for _ in range(n_mentions)]
        items = ["Item 1. Business", "Item 1A. Risk Factors", "Item 7. Management's Discussion and Analysis of "
                 "Financial Condition and Results of Operations", "Item 7A. Quantitative and Qualitative "
                 "Disclosures About Market Risk", "Item 8. Financial Statements and Supplementary Data"]
        item = 0
        while size < target:
            if item < len(items) and size > target * item / len(items):
                h = items[item] if kind == "ixbrl" else items[item].upper()
                out.append(para % ("<b>%s</b>" % html.escape(h)))
                item += 1
            text = html.escape(r.choice(self.en_pool))
            if plan and r.random() < 0.3:
                k = plan.pop()
                sent = r.choice(PLANT_EN).format(k="\x00", y=year)
                a, b = sent.split("\x00")
                form = "plain"
                shown = html.escape(k)
                if " " in k and r.random() < 0.4:
                    w1, w2 = k.split(" ", 1)
                    if kind == "ixbrl" and r.random() < 0.5:
                        form = "ix-split"
                        shown = '%s <ix:nonNumeric name="x:T" contextRef="c1">%s</ix:nonNumeric>' % (w1, w2)
                    elif kind == "ixbrl":
                        form = "nbsp"
                        shown = "%s&#160;%s" % (w1, w2)
                    else:
                        form = "newline" if r.random() < 0.5 else "nbsp"
                        shown = ("%s\n%s" if form == "newline" else "%s&nbsp;%s") % (w1, w2)
                counts[k] = counts.get(k, 0) + 1
                forms[form] = forms.get(form, 0) + 1
                text = text + " " + html.escape(a) + shown + html.escape(b)
            piece = para % text
            if r.random() < 0.01:
                piece += "<!-- artificial intelligence -->\n"
                decoys += 1
            if r.random() < 0.4:
                piece += r.choice(self.ix_tables if kind == "ixbrl" else self.legacy_tables)
            out.append(piece)
            size += len(piece)
        out.append("</body>\n</html>\n")
        return "".join(out).encode("utf-8"), counts, forms, decoys


def printed_lines(text, width):
    """Cut text into printed lines of about `width` characters, never between two Latin letters or digits
    (a line break there becomes a space in the match text and would split an ASCII keyword)."""
    lines, pos = [], 0
    while len(text) - pos > width:
        cut = nqpcontract.word_safe_cut(text, pos + width, pos + 1)
        lines.append(text[pos:cut])
        pos = cut
    lines.append(text[pos:])
    return lines


ZH_FLAVOURS = [  # (python codec, declared label or None, BOM, style)
    ("utf-8", "utf-8", False, "word"), ("utf-8", "utf-8", False, "pdf2html"), ("utf-8", None, False, "word"),
    ("utf-8", None, True, "word"), ("gbk", "gbk", False, "word"), ("gbk", "gbk", False, "pdf2html"),
    ("gbk", "gb2312", False, "word"), ("gb18030", "gb18030", False, "word"),
]
ZH_WEIGHTS = [11, 3, 3, 3, 10, 4, 3, 3]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", nargs="?", default=os.path.join(HERE, "corpus"))
    ap.add_argument("--n", type=int, default=64)
    ap.add_argument("--seed", type=int, default=424242)
    ap.add_argument("--min-mb", type=float, default=1.0)
    ap.add_argument("--max-mb", type=float, default=5.0)
    ap.add_argument("--zh-share", type=float, default=0.625)
    a = ap.parse_args(argv)
    g = Gen(a.seed)
    g.zh_pool, g.en_pool = g.pools()
    docs = os.path.join(a.out, "docs")
    os.makedirs(docs, exist_ok=True)
    for old in os.listdir(docs):
        os.remove(os.path.join(docs, old))
    n_zh = int(round(a.n * a.zh_share))
    r = g.rng("layout")
    manifest, expected = [], []
    total = 0
    for i in range(a.n):
        target = int(r.uniform(a.min_mb, a.max_mb) * 1e6)
        if i < n_zh:
            flavour = r.choices(ZH_FLAVOURS, weights=ZH_WEIGHTS)[0]
            data, counts, forms, decoys, rare = g.chinese(i, target, flavour)
            enc, label, bom, style = flavour
            name = "zh_%03d_%s_%s%s.html" % (i, enc.replace("-", ""), (label or "nodecl").replace("-", ""),
                                             "_bom" if bom else "")
            info = {"kind": "zh-" + style, "encoding": enc, "declared": label, "bom": bom, "rare_char": rare}
        else:
            kind = "ixbrl" if r.random() < 0.6 else "legacy"
            data, counts, forms, decoys = g.english(i, target, kind)
            name = "en_%03d_%s.htm" % (i, kind)
            info = {"kind": "en-" + kind, "encoding": "utf-8", "declared": "utf-8" if kind == "ixbrl" else None,
                    "bom": False}
        with open(os.path.join(docs, name), "wb") as fh:
            fh.write(data)
        total += len(data)
        info.update({"file": name, "bytes": len(data), "mentions": sum(counts.values()),
                     "forms": dict(sorted(forms.items())), "decoys": decoys})
        manifest.append(info)
        expected.append((name, len(data), counts))
        print("%-40s %6.2f MB %4d mentions" % (name, len(data) / 1e6, sum(counts.values())), file=sys.stderr)
    with open(os.path.join(a.out, "keywords.txt"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("# nqp benchmark dictionary: the 76 keywords of Wu et al. (2021) + %d English terms. "
                 "keyword TAB category\n" % len(ENGLISH))
        for k in KEYWORDS:
            fh.write("%s\t%s\n" % (k, CATEGORY[k]))
    with open(os.path.join(a.out, "keywords.yaml"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("Name: nqp_benchmark\nDesc: Wu et al. (2021) digital-transformation keywords plus English terms\n"
                 "Refer: 吴非 等 (2021) 管理世界 37(7)\nCategory:\n")
        cats = list(dict.fromkeys(CATEGORY.values()))
        for c in cats:
            fh.write("  - %s\n" % c)
        fh.write("Dictionary:\n")
        for c in cats:
            fh.write("  %s:\n" % c)
            for k in KEYWORDS:
                if CATEGORY[k] == c:
                    fh.write("    - %s\n" % json.dumps(k, ensure_ascii=False))
    with open(os.path.join(a.out, "expected.csv"), "w", encoding="utf-8", newline="") as fh:
        fh.write(",".join(["file", "bytes"] + KEYWORDS) + "\n")
        for name, nbytes, counts in expected:
            fh.write(",".join([name, str(nbytes)] + [str(counts.get(k, 0)) for k in KEYWORDS]) + "\n")
    with open(os.path.join(a.out, "manifest.json"), "w", encoding="utf-8", newline="\n") as fh:
        json.dump({"seed": a.seed, "n": a.n, "bytes": total, "files": manifest}, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    print("corpus: %d files, %.1f MB in %s" % (a.n, total / 1e6, docs), file=sys.stderr)


if __name__ == "__main__":
    main()
