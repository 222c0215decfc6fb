#!/usr/bin/env python3
"""generate_samples.py - writes nqp's synthetic sample data into samples/ (this script's folder).

Everything written here is invented: company names (示例/样例 …), people, numbers and sentences. Nothing is taken
from any real filing or database export; only the *shape* follows what users meet (Word-export HTML, PDF-to-text
conversions, inline-XBRL 10-Ks, CSMAR-style CSV exports with three header rows, SEC companyfacts JSON).

Usage:  python3 samples/generate_samples.py            (Python 3.8+, standard library only)

It reads the 76 keywords from dictionaries/digital_transformation.zh.yml and nqp's text rules (match text, ASCII
word characters, leftmost-longest counting) from Tests/Fixtures/contract/nqpcontract.py, the module the benchmark
generators use too.

Deterministic: a fixed seed, per-report seeds derived with SHA-256, gzip/zip written with fixed timestamps, sorted
outputs. Running it twice gives byte-identical files. It rewrites the folders reports/, financial/, bad/,
expected/ and the files manifest.csv and README.md; it leaves everything else in samples/ alone.

Self-check: after building each report, the script re-derives the report's match text from the bytes it wrote
(nqp's text rules, from nqpcontract), counts the 76 Wu et al. (2021) keywords leftmost-longest, classifies every
hit (negated / customer-shareholder-supplier-biography context / inside a company name / plain) and stops with an
error when the hits differ from what it planted. So the tables in README.md and expected/planted_counts.csv are
what the text really holds under the generator's own semantics (documented in README.md).
"""
import collections
import csv
import gzip
import hashlib
import html
import io
import json
import os
import random
import re
import shutil
import sys
import xml.etree.ElementTree as ET
import zipfile

SEED = 20240917
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "Tests", "Fixtures", "contract"))
import nqpcontract  # noqa: E402  (nqp's text rules, shared with the benchmark generators)
YEARS = (2019, 2020, 2021)
OWNED_DIRS = ("reports", "financial", "bad", "expected")

# --------------------------------------------------------------------------------------------------------------
# The 76 keywords of Wu, Hu, Lin & Ren (2021), from the dictionary nqp ships (dictionaries/), by dimension.
KEYWORD_DIMENSION = dict(nqpcontract.load_dictionary())
KEYWORDS = list(KEYWORD_DIMENSION)
assert len(KEYWORDS) == 76 and len(set(KEYWORDS)) == 76

# English terms planted in the US documents (our own short list, for an English dictionary).
EN_TERMS = ["artificial intelligence", "machine learning", "cloud computing", "big data", "blockchain",
            "Internet of Things", "e-commerce", "digital transformation", "B2B", "Fintech"]

NEGATION_CHARS = "没无不未"
CONTEXT_WORDS = ("客户", "股东", "供应商", "曾任")

# --------------------------------------------------------------------------------------------------------------
# Firms. profile: keywords per year (plain mentions), vocabulary; style: MD&A heading style; files per year.


class Firm:
    def __init__(self, code, short, name, industry, industry_name, vocab, plain, extras, style, files,
                 st=(), en=False):
        self.code, self.short, self.name = code, short, name
        self.industry, self.industry_name = industry, industry_name
        self.vocab = vocab.split() if vocab else []
        self.plain = plain          # plain mentions per year (2019, 2020, 2021)
        self.extras = extras        # set of extra forms planted: negated, context, entity, fullwidth, nested
        self.style = style          # sz | bank | hshare | board2019
        self.files = files          # year -> (relative file name, kind, options)
        self.st = st                # years flagged ST
        self.en = en


def cninfo(date, name, code, short, year):
    return "%s__%s__%s__%s__%d年__年度报告.html" % (date, name, code, short, year)


FIRMS = [
    Firm("000001", "示例银行", "示例银行股份有限公司", "J66", "货币金融服务",
         "金融科技 开放银行 数字金融 移动支付 大数据 人工智能 区块链 云计算 智能客服 征信 身份验证 人脸识别 互联网金融 "
         "生物识别技术 智能投顾 移动互联网 数据挖掘",
         (10, 18, 30), {"negated", "context", "nested", "fullwidth"}, "bank",
         {2019: ("000001_2019_示例银行.html", "html", {"enc": "utf-8"}),
          2020: ("000001_2020_示例银行.html", "html", {"enc": "utf-8"}),
          2021: ("000001_2021_示例银行.html.gz", "html", {"enc": "utf-8", "gzip": True})}),
    Firm("000002", "样例置业", "样例置业股份有限公司", "K70", "房地产业", "", (0, 0, 0), set(), "sz",
         {2019: ("000002_2019_样例置业.html", "html", {"enc": "utf-8", "zip": True}),
          2020: ("000002-2020.txt", "txt", {"zip": True}),
          2021: ("000002_2021_样例置业.html.gz", "html", {"enc": "utf-8", "gzip": True, "zip": True})}),
    Firm("000651", "示例电器", "示例电器股份有限公司", "C38", "电气机械和器材制造业",
         "智能家居 工业互联网 电子商务 物联网 大数据 智能制造 人工智能",
         (4, 7, 11), {"context", "entity", "fullwidth"}, "sz",
         {2019: ("000651_2019_示例电器.html", "html", {"enc": "utf-8"}),
          2020: ("000651_2020_示例电器.html", "html", {"enc": "gbk", "label": "gbk"}),
          2021: ("000651_2021_示例电器.html", "html", {"enc": "gbk", "label": "gb2312", "exec": "张昇"})}),
    Firm("000858", "示例酒业", "示例酒业股份有限公司", "C15", "酒、饮料和精制茶制造业",
         "电子商务 数字营销 大数据", (1, 2, 3), {"entity"}, "sz",
         {y: ("000858_%d_示例酒业.html" % y, "html", {"enc": "gbk", "label": "gb2312", "exec": "陈镕"})
          for y in YEARS}, st=(2021,)),
    Firm("002230", "样例软件", "样例软件股份有限公司", "I65", "软件和信息技术服务业",
         "人工智能 自然语言处理 语音识别 机器学习 深度学习 智能客服 智能医疗 云计算 大数据 语义搜索 知识图谱 "
         "智能机器人 认知计算 文本挖掘 智能交通",
         (14, 24, 38), {"negated", "context", "fullwidth", "nested"}, "sz",
         {2019: ("002230-2019.txt", "txt", {"bom": True}),
          2020: ("002230-2020.txt", "txt", {}),
          2021: ("002230-2021.txt", "txt", {})}),
    Firm("002415", "样例视觉", "样例视觉技术股份有限公司", "C39", "计算机、通信和其他电子设备制造业",
         "人工智能 深度学习 机器学习 图像理解 人脸识别 物联网 云计算 大数据 智能交通 自动驾驶 数据可视化 生物识别技术 "
         "智能机器人 虚拟现实 增强现实",
         (12, 20, 32), {"negated", "context", "entity"}, "sz",
         {2019: ("002415_2019_样例视觉.html", "html", {"enc": "utf-8"}),
          2020: ("002415_2020_样例视觉.html", "html", {"enc": "gbk", "label": "gb2312", "exec": "李喆"}),
          2021: ("002415_2021_样例视觉.html", "html", {"enc": "utf-8", "html5": True})}),
    Firm("300059", "示例财讯", "示例财讯信息技术股份有限公司", "I64", "互联网和相关服务",
         "互联网金融 移动互联网 大数据 云计算 金融科技 第三方支付 人工智能 数据挖掘 智能投顾 量化金融 移动支付 "
         "电子商务 Fintech",
         (11, 19, 28), {"negated", "context", "entity", "nested", "fullwidth"}, "sz",
         {y: ("300059_%d_示例财讯.html" % y, "html", {"enc": "utf-8"}) for y in YEARS}),
    Firm("300617", "示例科技", "示例科技股份有限公司", "I65", "软件和信息技术服务业",
         "云计算 大数据 物联网 区块链 人工智能 工业互联网 数据可视化 边缘计算 分布式计算 融合架构 信息物理系统 "
         "智慧农业 智能电网 B2B",
         (8, 15, 26), {"negated", "context", "entity", "fullwidth"}, "sz",
         {2019: (cninfo("2020-01-21", "示例科技股份有限公司", "300617", "示例科技", 2019), "html",
                 {"enc": "utf-8", "xref": True}),
          2020: (cninfo("2021-03-30", "示例科技股份有限公司", "300617", "示例科技", 2020), "html",
                 {"enc": "utf-8", "xref": True}),
          2021: (cninfo("2022-04-15", "示例科技股份有限公司", "300617", "示例科技", 2021), "html",
                 {"enc": "utf-8", "xref": True})}),
    Firm("600000", "样例发展银行", "样例发展银行股份有限公司", "J66", "货币金融服务",
         "金融科技 开放银行 数字金融 移动支付 大数据 人工智能 区块链 云计算 征信 智能客服 互联网金融 移动互联网 "
         "数字货币 智能风控",
         (8, 13, 21), {"negated", "context", "nested"}, "sz",
         {2019: ("600000-2019.txt", "txt", {}),
          2020: ("600000-2020.txt", "txt", {"crlf": True}),
          2021: ("600000-2021.txt", "txt", {})}),
    Firm("600519", "示例酿造", "示例酿造股份有限公司", "C15", "酒、饮料和精制茶制造业", "", (0, 0, 0), set(),
         "board2019",
         {y: ("600519_%d_示例酿造.html" % y, "html", {"enc": "utf-8"}) for y in YEARS}),
    Firm("601398", "样例商业银行", "样例商业银行股份有限公司", "J66", "货币金融服务",
         "金融科技 数字金融 开放银行 大数据 云计算 区块链 人工智能 移动支付 智能投顾 智能客服 生物识别技术 "
         "分布式计算 数字货币 身份验证",
         (9, 16, 25), {"negated", "context"}, "hshare",
         {y: ("601398_%d_样例商业银行.html" % y, "html", {"enc": "utf-8"}) for y in YEARS}),
    Firm("688981", "示例芯片", "示例芯片制造股份有限公司", "C39", "计算机、通信和其他电子设备制造业",
         "物联网 人工智能 工业互联网 云计算 大数据 智能穿戴 智能家居 自动驾驶 网联 类脑计算 内存计算",
         (5, 9, 16), {"context", "fullwidth"}, "sz",
         {y: ("688981_%d_示例芯片.htm" % y, "html", {"enc": "utf-8"}) for y in YEARS}),
]
# Words in the vocabularies that are NOT Wu keywords (边缘计算, 知识图谱, 智能制造, 智能风控) are planted too:
# they are realistic neighbours that a 76-word dictionary must not count.
NON_KEYWORD_VOCAB = {"边缘计算", "知识图谱", "智能制造", "智能风控"}

US = {"cik": "0001987654", "name": "Sample Data Systems, Inc.", "ticker": "SMPL"}

# --------------------------------------------------------------------------------------------------------------
# Sentence banks. Neutral filler avoids every keyword, the negation characters and the context words, so a
# planted keyword's category is decided by its own sentence only.

NEUTRAL = [
    "公司坚持稳中求进的工作总基调，持续优化业务结构，经营质量稳步提升。",
    "报告期内，公司围绕年度经营目标，扎实推进各项重点工作，主要经营指标保持平稳。",
    "公司持续完善内部控制体系，强化预算管理和成本管控，期间费用率有所下降。",
    "公司进一步加强人才队伍建设，优化薪酬与绩效考核机制，员工积极性明显提高。",
    "面对复杂多变的外部环境，公司保持战略定力，积极应对原材料价格波动带来的影响。",
    "公司持续推进精益生产，生产效率和产品良率均较上年有所提升。",
    "公司高度重视安全生产和环境保护工作，全年安全生产形势平稳。",
    "公司加强应收账款管理，账龄结构持续改善，经营活动现金流量保持健康。",
    "公司深化与科研院所的合作，研发体系进一步完善，新产品储备较为充足。",
    "公司稳步推进产能建设项目，新建生产线已按计划进入试生产阶段。",
    "公司积极拓展国内外市场，营销网络覆盖范围持续扩大。",
    "公司坚持质量优先，全面推行质量管理体系认证，产品质量稳定可靠。",
    "公司持续加强品牌建设，品牌影响力和市场美誉度进一步提升。",
    "公司重视知识产权保护，报告期内新增授权专利若干项。",
    "公司优化资本结构，合理安排融资规模和期限，资产负债率处于合理水平。",
    "公司严格执行各项财务制度，会计核算规范，财务报告真实完整。",
    "公司持续优化供应链布局，主要原材料采购渠道稳定。",
    "公司结合行业发展趋势，适时调整产品策略，重点产品市场占有率稳中有升。",
    "公司积极履行社会责任，在乡村振兴、公益捐赠等方面开展了多项工作。",
    "公司进一步完善公司治理结构，三会运作规范，信息披露及时准确。",
    "公司加强存货管理，存货周转效率有所提高。",
    "公司按照既定发展战略，有序推进重点投资项目建设。",
    "公司加快推进绿色低碳转型，单位产值能耗同比下降。",
    "公司持续推进降本增效，主要产品单位成本得到有效控制。",
    "公司全年完成主要产品产量{a}万件，同比增长{b}%，产销率保持在较高水平。",
    "报告期内，公司销售费用为{a}万元，同比变动{b}%，主要系市场推广活动增加所致。",
    "报告期内，公司管理费用为{a}万元，同比变动{b}%，主要系职工薪酬增加所致。",
    "报告期末，公司货币资金余额为{a}万元，较期初变动{b}%。",
    "报告期内，公司经营活动产生的现金流量净额为{a}万元，同比增长{b}%。",
    "报告期内，公司投资活动现金流出{a}万元，主要用于生产基地建设和设备购置。",
    "公司前五名销售额合计占年度销售总额的{b}%，销售集中度处于合理区间。",
    "公司海外业务收入{a}万元，占营业收入的比例为{b}%。",
    "公司在华东、华南、华北等区域设立了{c}个区域营销中心，销售服务能力进一步增强。",
    "报告期内，公司新增发明专利{c}项、实用新型专利{c}项。",
    "公司主导或参与制定国家及行业标准{c}项，行业地位稳固。",
    "公司实施了限制性股票激励计划，激励对象共计{c}人，有效调动了核心团队的积极性。",
    "公司所处行业市场集中度逐步提升，头部企业的规模优势愈发明显。",
    "受宏观经济波动影响，下游需求存在阶段性变化，公司及时调整生产计划予以应对。",
    "公司将继续聚焦主业，优化区域布局，提升产品附加值和盈利能力。",
    "公司将进一步完善激励约束机制，吸引和留住优秀人才。",
    "公司面临的主要风险包括宏观经济波动风险、原材料价格波动风险和市场竞争加剧风险。",
    "针对汇率波动风险，公司通过合理安排结算币种和远期结售汇等方式降低影响。",
    "公司固定资产期末账面价值为{a}万元，主要为房屋建筑物和机器设备。",
    "公司在建工程期末余额为{a}万元，主要为新建厂房及配套设施。",
    "公司持有的交易性金融资产期末余额为{a}万元，主要为银行理财产品。",
    "公司短期借款期末余额为{a}万元，较期初变动{b}%。",
    "公司严格按照募集资金管理制度使用募集资金，报告期内使用募集资金{a}万元。",
    "公司坚持审慎的投资策略，报告期内对外股权投资金额为{a}万元。",
]
NEUTRAL = [s for s in NEUTRAL if not any(c in s for c in NEGATION_CHARS) and s.endswith("。")]

NEUTRAL_BANK = [
    "本行坚持服务实体经济，持续优化信贷结构，普惠金融贷款余额稳步增长。",
    "本行全面加强风险管理，资产质量保持稳定，拨备覆盖率处于较高水平。",
    "本行积极落实减费让利政策，支持小微企业发展。",
    "本行持续推进零售转型，零售业务收入占比进一步提高。",
    "本行加强资本管理，资本充足率各项指标均满足监管要求。",
    "本行稳步推进对公业务发展，交易银行业务规模持续扩大。",
    "本行优化负债结构，存款成本率较上年有所下降。",
    "本行深化财富管理转型，管理零售资产规模较上年末增长。",
    "本行坚持审慎经营，流动性风险各项指标保持在合理区间。",
    "本行加强内控合规管理，开展了多项专项检查工作。",
    "报告期末，本行各项存款余额{a}亿元，较上年末增长{b}%。",
    "报告期末，本行各项贷款余额{a}亿元，较上年末增长{b}%。",
    "报告期内，本行实现利息净收入{a}亿元，同比增长{b}%。",
    "报告期内，本行净息差为{d}%，同比有所收窄。",
    "报告期末，本行不良贷款率为{d}%，较上年末下降。",
    "报告期内，本行手续费及佣金净收入{a}亿元，同比增长{b}%。",
    "本行持续优化网点布局，报告期末共有营业网点{c}家。",
    "本行核心一级资本充足率为{d}%，一级资本充足率和资本充足率均满足监管要求。",
    "本行积极支持绿色产业发展，绿色贷款余额{a}亿元。",
    "本行严格执行房地产贷款集中度管理要求，房地产相关贷款占比平稳。",
]

PLANT_TEMPLATES = {
    "plain": [
        "公司持续推进{kw}在主营业务中的应用，运营效率进一步提升。",
        "报告期内，公司在{kw}领域持续投入研发资源，相关项目进展顺利。",
        "公司依托{kw}能力，为行业提供整体解决方案。",
        "围绕{kw}方向，公司完成了多项关键技术攻关。",
        "公司将{kw}作为重点发展方向之一，相关产品收入同比增长。",
        "公司建成了{kw}平台，并已在多个业务场景中投入使用。",
        "公司在{kw}方面形成了较为完整的技术体系和人才储备。",
    ],
    "plain_bank": [
        "本行持续推进{kw}建设，线上业务占比进一步提高。",
        "本行依托{kw}手段，提升了风险识别和经营管理能力。",
        "报告期内，本行在{kw}领域持续投入，相关系统已全面上线。",
        "本行将{kw}作为重点发展方向之一，服务效率明显提升。",
    ],
    "negated": [  # (template, keyword forced or None)
        ("公司目前没有使用{kw}技术开展相关业务。", "人工智能"),
        ("报告期内，公司未采用{kw}相关方案。", "区块链"),
        ("公司不涉及{kw}业务。", None),
        ("公司尚无{kw}方面的收入。", None),
    ],
    "context": [
        ("customer", "公司主要客户使用{kw}平台开展业务，对公司产品的需求保持稳定。"),
        ("customer", "部分下游客户正在推进{kw}建设，带动了公司相关产品的销售。"),
        ("shareholder", "公司控股股东旗下企业从事{kw}相关业务。"),
        ("supplier", "主要供应商为公司提供{kw}基础设施服务。"),
        ("biography", "{person}，1976年出生，硕士研究生学历，曾任某{kw}研究院研究员。"),
    ],
}
ENTITY_KEYWORDS = ["电子商务", "移动支付", "物联网", "大数据", "云计算", "人工智能"]
FULLWIDTH = {k: nqpcontract.fullwidth(k) for k in ("B2B", "O2O", "NFC支付", "EB级存储")}

PEOPLE = ["张明", "李华", "王强", "刘洋", "陈静", "杨帆", "赵磊", "黄婷", "周涛", "吴昊", "徐峰", "孙丽", "马骏",
          "朱红", "胡斌", "郭敏", "何军", "高翔", "林芳", "罗勇"]

# --------------------------------------------------------------------------------------------------------------
# Helpers


def rng_for(*parts):
    digest = hashlib.sha256(("%d|" % SEED + "|".join(str(p) for p in parts)).encode("utf-8")).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def money(x):
    return "{:,.2f}".format(x)


CN_NUM = "零一二三四五六七八九十"


def cn_numeral(n):
    if n <= 10:
        return CN_NUM[n]
    if n < 20:
        return "十" + CN_NUM[n - 10]
    return CN_NUM[n // 10] + "十" + (CN_NUM[n % 10] if n % 10 else "")


# --------------------------------------------------------------------------------------------------------------
# Financial data (generated first; the reports quote the same numbers).


def make_financials():
    fin = {}
    for f in FIRMS:
        r = rng_for("fin", f.code)
        bank = f.industry.startswith("J")
        ta = r.uniform(3e9, 8e10) * (40 if bank else 1)
        employees = r.randint(900, 30000) * (3 if bank else 1)
        digital = sum(f.plain) > 0
        for y in (2018,) + YEARS:
            growth = 1 + r.uniform(-0.03, 0.15)
            ta *= growth
            employees = int(employees * (1 + r.uniform(-0.04, 0.08)))
            if bank:
                fixed = ta * r.uniform(0.003, 0.008)
                intang = ta * r.uniform(0.0005, 0.002)
                equity = ta * r.uniform(0.07, 0.09)
                revenue = ta * r.uniform(0.025, 0.035)
            else:
                fixed = ta * r.uniform(0.05, 0.35)
                intang = ta * r.uniform(0.01, 0.08)
                equity = ta * r.uniform(0.35, 0.65)
                revenue = ta * r.uniform(0.35, 1.1)
            rd_share = (r.uniform(0.06, 0.16) if digital else r.uniform(0.002, 0.012)) if not bank else r.uniform(0.02, 0.04)
            rd = revenue * rd_share
            rd_person_ratio = (r.uniform(0.15, 0.55) if digital else r.uniform(0.01, 0.05)) if not bank else r.uniform(0.03, 0.08)
            rd_person = int(employees * rd_person_ratio)
            salary_s, dep_s, lease_s = r.uniform(0.4, 0.6), r.uniform(0.05, 0.15), r.uniform(0.01, 0.05)
            direct_s = r.uniform(0.15, 0.3)
            capitalised = rd * (r.uniform(0.0, 0.2) if digital else 0.0)
            bachelor_plus = int(employees * ((r.uniform(0.5, 0.85) if digital else r.uniform(0.12, 0.3))
                                             if not bank else r.uniform(0.8, 0.95)))
            master_plus = int(bachelor_plus * r.uniform(0.08, 0.3))
            doctor = int(master_plus * r.uniform(0.02, 0.1))
            fin[(f.code, y)] = {
                "TotalAssets": ta, "FixedAssets": fixed, "Intangible": intang, "Equity": equity,
                "TotalRevenue": revenue * r.uniform(1.0, 1.03), "Revenue": revenue, "RDExpense": rd,
                "NetProfit": revenue * r.uniform(0.03, 0.2),
                "RDPerson": rd_person, "RDPersonRatio": 100.0 * rd_person / employees,
                "RDSpendSum": rd + capitalised, "RDSpendSumRatio": 100.0 * (rd + capitalised) / revenue,
                "RDExpenses": rd, "RDInvest": capitalised,
                "RDSalary": rd * salary_s, "RDDepAmort": rd * dep_s, "RDLease": rd * lease_s,
                "RDDirect": rd * direct_s, "RDOther": rd * (1 - salary_s - dep_s - lease_s - direct_s),
                "Employees": employees, "BachelorAbove": bachelor_plus, "MasterAbove": master_plus,
                "Doctor": doctor, "bank": bank,
            }
    return fin


def write_csmar_csv(path, fields, rows, encoding="utf-8"):
    """fields: [(code, label, unit)]; rows: lists of already formatted strings. Three header rows like CSMAR."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([f[0] for f in fields])
    w.writerow([f[1] for f in fields])
    w.writerow([f[2] for f in fields])
    for row in rows:
        w.writerow(row)
    with open(path, "wb") as fh:
        fh.write(buf.getvalue().encode(encoding))


def num(x, digits=2):
    return ("%." + str(digits) + "f") % x


def write_financial(fin):
    out = os.path.join(HERE, "financial")
    os.makedirs(out)
    r = rng_for("fin-files")
    # FS_Combas: balance sheet. 2018-2021 year ends, A and B (parent) rows, and half-year rows to be filtered.
    rows = []
    for f in FIRMS:
        for y in (2018,) + YEARS:
            d = fin[(f.code, y)]
            for typ in ("A", "B"):
                k = 1.0 if typ == "A" else r.uniform(0.55, 0.8)
                rows.append([f.code, "%d-12-31" % y, typ, num(d["TotalAssets"] * k), num(d["FixedAssets"] * k),
                             num(d["Intangible"] * k), num(d["Equity"] * k)])
            if y != 2018:
                h = r.uniform(0.9, 0.98)
                rows.append([f.code, "%d-06-30" % y, "A", num(d["TotalAssets"] * h), num(d["FixedAssets"] * h),
                             num(d["Intangible"] * h), num(d["Equity"] * h)])
    rows.sort(key=lambda x: (x[0], x[1], x[2]))
    write_csmar_csv(os.path.join(out, "FS_Combas.csv"), [
        ("Stkcd", "证券代码", "没有单位"), ("Accper", "会计期间", "没有单位"), ("Typrep", "报表类型", "没有单位"),
        ("A001000000", "资产总计", "元"), ("A001212000", "固定资产净额", "元"), ("A001218000", "无形资产净额", "元"),
        ("A003000000", "所有者权益合计", "元")], rows)
    # FS_Comins: income statement, GBK-encoded (as older CSMAR downloads are). Banks: R&D expense line empty.
    rows = []
    for f in FIRMS:
        for y in (2018,) + YEARS:
            d = fin[(f.code, y)]
            for typ in ("A", "B"):
                k = 1.0 if typ == "A" else r.uniform(0.4, 0.7)
                rows.append([f.code, "%d-12-31" % y, typ, num(d["TotalRevenue"] * k), num(d["Revenue"] * k),
                             "" if d["bank"] else num(d["RDExpense"] * k)])
            if y != 2018:
                h = r.uniform(0.42, 0.5)
                rows.append([f.code, "%d-06-30" % y, "A", num(d["TotalRevenue"] * h), num(d["Revenue"] * h),
                             "" if d["bank"] else num(d["RDExpense"] * h)])
    rows.sort(key=lambda x: (x[0], x[1], x[2]))
    write_csmar_csv(os.path.join(out, "FS_Comins.csv"), [
        ("Stkcd", "证券代码", "没有单位"), ("Accper", "会计期间", "没有单位"), ("Typrep", "报表类型", "没有单位"),
        ("B001100000", "营业总收入", "元"), ("B001101000", "营业收入", "元"), ("B001216000", "研发费用", "元")],
        rows, encoding="gbk")
    # PT_LCRDSPENDING: R&D staff and spending. StateTypeCode 1 = consolidated, 2 = parent.
    rows = []
    for f in FIRMS:
        for y in YEARS:
            d = fin[(f.code, y)]
            if d["bank"] and f.code != "600000":
                continue  # most banks do not disclose; 600000 does
            for state in ("1", "2"):
                k = 1.0 if state == "1" else r.uniform(0.5, 0.8)
                rows.append([f.code, "%d-12-31" % y, "年报", state, str(int(d["RDPerson"] * k)),
                             num(d["RDPersonRatio"]), num(d["RDSpendSum"] * k), num(d["RDSpendSumRatio"]),
                             num(d["RDExpenses"] * k), num(d["RDInvest"] * k), "CNY"])
    rows.sort(key=lambda x: (x[0], x[1], x[3]))
    write_csmar_csv(os.path.join(out, "PT_LCRDSPENDING.csv"), [
        ("Symbol", "股票代码", "没有单位"), ("EndDate", "统计截止日期", "没有单位"), ("Source", "数据来源", "没有单位"),
        ("StateTypeCode", "报表类型编码", "没有单位"), ("RDPerson", "研发人员数量", "人"),
        ("RDPersonRatio", "研发人员数量占比", "%"), ("RDSpendSum", "研发投入金额", "元"),
        ("RDSpendSumRatio", "研发投入占营业收入比例", "%"), ("RDExpenses", "研发投入费用化金额", "元"),
        ("RDInvest", "研发投入资本化金额", "元"), ("Currency", "货币代码", "没有单位")], rows)
    # FN_RDExpenseNature (invented table name): R&D expense by nature, from the notes to the income statement.
    rows = []
    for f in FIRMS:
        for y in YEARS:
            d = fin[(f.code, y)]
            if d["bank"]:
                continue
            rows.append([f.code, "%d-12-31" % y, "A", num(d["RDSalary"]), num(d["RDDepAmort"]), num(d["RDLease"]),
                         num(d["RDDirect"]), num(d["RDOther"]), num(d["RDExpense"])])
    write_csmar_csv(os.path.join(out, "FN_RDExpenseNature.csv"), [
        ("Stkcd", "证券代码", "没有单位"), ("Accper", "会计期间", "没有单位"), ("Typrep", "报表类型", "没有单位"),
        ("RDSalary", "研发费用-职工薪酬", "元"), ("RDDepAmort", "研发费用-折旧摊销", "元"),
        ("RDLease", "研发费用-租赁费", "元"), ("RDDirect", "研发费用-直接投入", "元"),
        ("RDOther", "研发费用-其他", "元"), ("RDTotal", "研发费用合计", "元")], rows)
    # CG_StaffEducation (invented table name): employees by education, from the report's 员工情况 table.
    rows = []
    for f in FIRMS:
        for y in YEARS:
            d = fin[(f.code, y)]
            rows.append([f.code, "%d-12-31" % y, str(d["Employees"]), str(d["BachelorAbove"]),
                         str(d["MasterAbove"]), str(d["Doctor"]), str(d["Employees"] - d["BachelorAbove"])])
    write_csmar_csv(os.path.join(out, "CG_StaffEducation.csv"), [
        ("Stkcd", "证券代码", "没有单位"), ("Reptdt", "统计截止日期", "没有单位"), ("StaffNum", "在职员工的数量合计", "人"),
        ("BachelorAbove", "本科及以上学历人数", "人"), ("MasterAbove", "硕士及以上学历人数", "人"),
        ("Doctor", "博士学历人数", "人"), ("BelowBachelor", "本科以下学历人数", "人")], rows)
    # STK_IndustryST (invented table name): industry (CSRC 2012), ST flag and short name per firm-year.
    rows = []
    for f in FIRMS:
        for y in (2018,) + YEARS:
            st = y in f.st
            short = ("ST" + f.short[:3]) if st else f.short
            rows.append([f.code, str(y), f.industry, f.industry_name, "1" if st else "0", short])
    write_csmar_csv(os.path.join(out, "STK_IndustryST.csv"), [
        ("Stkcd", "证券代码", "没有单位"), ("Year", "年度", "没有单位"),
        ("IndustryCode", "行业代码(证监会行业分类2012年版)", "没有单位"), ("IndustryName", "行业名称", "没有单位"),
        ("STFlag", "是否ST或*ST(1=是)", "没有单位"), ("ShortName", "证券简称", "没有单位")], rows)
    # FS_Comscf (invented combined table): the cash-flow lines of the 制造费用占比 (ManufacturCostsRatio) indicator,
    # from the direct-method statement (FS_Comscfd) and the indirect-method supplement (FS_Comscfi). Its own random
    # stream, so adding it changed no other file.
    rc = rng_for("cashflow")
    rows = []
    for f in FIRMS:
        for y in YEARS:
            d = fin[(f.code, y)]
            outflow = d["Revenue"] * rc.uniform(0.7, 0.95)
            rows.append([f.code, "%d-12-31" % y, "A", num(outflow), num(outflow * rc.uniform(0.45, 0.7)),
                         num(outflow * rc.uniform(0.08, 0.2)), num(d["FixedAssets"] * rc.uniform(0.05, 0.1)),
                         num(d["Intangible"] * rc.uniform(0.05, 0.12)),
                         num(d["TotalAssets"] * rc.uniform(0.0, 0.003))])
    write_csmar_csv(os.path.join(out, "FS_Comscf.csv"), [
        ("Stkcd", "证券代码", "没有单位"), ("Accper", "会计期间", "没有单位"), ("Typrep", "报表类型", "没有单位"),
        ("C001200000", "经营活动现金流出小计", "元"), ("C001012000", "购买商品、接受劳务支付的现金", "元"),
        ("C001013000", "支付给职工以及为职工支付的现金", "元"),
        ("D000103000", "固定资产折旧、油气资产折耗、生产性生物资产折旧", "元"),
        ("D000104000", "无形资产摊销", "元"), ("D000101000", "资产减值准备", "元")], rows)
    # US companyfacts-like JSON for the sample 10-K firm (our own numbers). Each 10-K also re-reports the prior
    # year, so a fiscal year appears twice; "frame" marks the one to keep, as in the SEC API.
    usr = rng_for("us-fin")
    values = {}
    ta = 8.2e8
    for y in (2018, 2019, 2020, 2021):
        ta *= 1 + usr.uniform(0.02, 0.2)
        rev = ta * usr.uniform(0.5, 0.8)
        values[y] = {"Assets": int(round(ta, -3)), "Revenues": int(round(rev, -3)),
                     "ResearchAndDevelopmentExpense": int(round(rev * usr.uniform(0.12, 0.2), -3)),
                     "PropertyPlantAndEquipmentNet": int(round(ta * usr.uniform(0.08, 0.15), -3)),
                     "IntangibleAssetsNetExcludingGoodwill": int(round(ta * usr.uniform(0.03, 0.06), -3)),
                     "StockholdersEquity": int(round(ta * usr.uniform(0.45, 0.6), -3))}
    instant = {"Assets", "PropertyPlantAndEquipmentNet", "IntangibleAssetsNetExcludingGoodwill", "StockholdersEquity"}
    labels = {"Assets": "Assets", "Revenues": "Revenues",
              "ResearchAndDevelopmentExpense": "Research and Development Expense",
              "PropertyPlantAndEquipmentNet": "Property, Plant and Equipment, Net",
              "IntangibleAssetsNetExcludingGoodwill": "Intangible Assets, Net (Excluding Goodwill)",
              "StockholdersEquity": "Stockholders' Equity Attributable to Parent"}
    filed = {2019: "2020-02-27", 2020: "2021-02-25", 2021: "2022-02-24"}
    accn = {2019: "0001987654-20-000007", 2020: "0001987654-21-000005", 2021: "0001987654-22-000004"}
    facts = {}
    for concept in sorted(labels):
        units = []
        for fy in (2019, 2020, 2021):
            for y in (fy - 1, fy):
                if y not in values:
                    continue
                e = {"end": "%d-12-31" % y, "val": values[y][concept], "accn": accn[fy], "fy": fy, "fp": "FY",
                     "form": "10-K", "filed": filed[fy]}
                if concept not in instant:
                    e = dict([("start", "%d-01-01" % y)] + list(e.items()))
                if y == fy or (fy == 2019 and y == 2018):
                    e["frame"] = ("CY%dQ4I" % y) if concept in instant else ("CY%d" % y)
                units.append(e)
        facts[concept] = {"label": labels[concept], "description": "Synthetic sample value.",
                          "units": {"USD": units}}
    doc = {"cik": int(US["cik"]), "entityName": US["name"], "facts": {
        "dei": {"EntityCommonStockSharesOutstanding": {"label": "Entity Common Stock, Shares Outstanding",
                "description": "Synthetic sample value.",
                "units": {"shares": [{"end": "%d-02-15" % (fy + 1), "val": 52000000 + 250000 * (fy - 2019),
                                      "accn": accn[fy], "fy": fy, "fp": "FY", "form": "10-K",
                                      "filed": filed[fy]} for fy in (2019, 2020, 2021)]}}},
        "us-gaap": facts}}
    with open(os.path.join(out, "companyfacts_CIK%s.json" % US["cik"]), "w", encoding="utf-8", newline="\n") as fh:
        json.dump(doc, fh, ensure_ascii=False, indent=1, sort_keys=True)
        fh.write("\n")
    return values


# --------------------------------------------------------------------------------------------------------------
# Report model. A report is a list of blocks:
#   ("title", text) ("chapter", text) ("sub", text) ("p", text) ("toc", title, page) ("table", rows)
#   ("header", text)  running page header (HTML) ("decoy", text) (HTML-only hidden/script material)
# Planted keywords sit in the text as \x01kw\x02form\x03 markers the renderers expand.


def mark(kw, form="plain"):
    return "\x01%s\x02%s\x03" % (kw, form)


MARK_RE = re.compile("\x01([^\x02]*)\x02([^\x03]*)\x03")


def unmark(text):
    return MARK_RE.sub(lambda m: m.group(1), text)


class Plan:
    """Planted mentions of one report: list of (keyword, category, section)."""

    def __init__(self):
        self.items = []

    def add(self, kw, category, section):
        self.items.append((nqpcontract.nfkc(kw), category, section))


def chapter_titles(firm, year):
    """(chapter list, index of MD&A chapter, heading of MD&A, outlook subsection)."""
    if firm.style == "bank":
        chs = ["第一章 重要提示、目录和释义", "第二章 公司基本情况", "第三章 管理层讨论与分析", "第四章 公司治理",
               "第五章 重要事项", "第六章 股份变动及股东情况", "第七章 董事、监事、高级管理人员和员工情况", "第八章 财务报告"]
        return chs, 2
    if firm.style == "hshare":
        chs = ["1. 释义", "2. 公司基本情况", "3. 财务概要", "4. 董事长致辞", "5. 行长致辞", "6. 荣誉与奖项",
               "7. 讨论与分析", "8. 股本变动及主要股东持股情况", "9. 董事、监事、高级管理人员、员工和机构情况",
               "10. 公司治理报告", "11. 董事会报告", "12. 重要事项", "13. 财务报告"]
        return chs, 6
    if year <= 2020:
        mdna = "第四节 董事会报告" if (firm.style == "board2019" and year == 2019) else "第四节 经营情况讨论与分析"
        chs = ["第一节 重要提示、目录和释义", "第二节 公司简介和主要财务指标", "第三节 公司业务概要", mdna,
               "第五节 重要事项", "第六节 股份变动及股东情况", "第七节 优先股相关情况",
               "第八节 可转换公司债券相关情况", "第九节 董事、监事、高级管理人员和员工情况", "第十节 公司治理",
               "第十一节 公司债券相关情况", "第十二节 财务报告", "第十三节 备查文件目录"]
        return chs, 3
    chs = ["第一节 重要提示、目录和释义", "第二节 公司简介和主要财务指标", "第三节 管理层讨论与分析", "第四节 公司治理",
           "第五节 环境和社会责任", "第六节 重要事项", "第七节 股份变动及股东情况", "第八节 优先股相关情况",
           "第九节 债券相关情况", "第十节 财务报告"]
    return chs, 2


def mdna_subsections(firm, year):
    if firm.style == "hshare":
        return ["7.1 经济金融环境", "7.2 财务报表分析", "7.3 业务发展", "7.4 金融科技与数字化经营", "7.5 风险管理",
                "7.6 资本管理", "7.7 发展展望"], "7.7 发展展望"
    if firm.style == "bank":
        return ["一、总体经营情况", "二、财务报表分析", "三、业务运作", "四、科技赋能", "五、风险管理",
                "六、资本管理", "七、未来展望"], "七、未来展望"
    if firm.style == "board2019" and year == 2019:
        return ["一、管理层讨论与分析", "二、报告期内主要经营情况", "三、公司关于公司未来发展的讨论与分析",
                "四、董事会日常工作情况", "五、利润分配或资本公积金转增预案"], "三、公司关于公司未来发展的讨论与分析"
    if year <= 2020:
        return ["一、概述", "二、主营业务分析", "三、非主营业务分析", "四、资产及负债状况分析", "五、投资状况分析",
                "六、主要控股参股公司分析", "七、公司未来发展的展望"], "七、公司未来发展的展望"
    return ["一、报告期内公司所处行业情况", "二、报告期内公司从事的主要业务", "三、核心竞争力分析", "四、主营业务分析",
            "五、非主营业务分析", "六、资产及负债状况分析", "七、投资状况分析", "八、主要控股参股公司分析",
            "九、公司未来发展的展望"], "九、公司未来发展的展望"


# A planted sentence other than a plain mention: category (negated, context-customer, entity, fullwidth, plain for
# the nested pair), the keyword, the sentence or company name holding its marker, and the section it goes into
# (mdna, shareholders, directors, subsidiaries).
Extra = collections.namedtuple("Extra", "category keyword text section")


class ReportBuilder:
    """Writes the blocks of one Chinese annual report and records every planted mention in a `Plan`.

    Deterministic for (firm, year): one random stream, drawn from in a fixed order (mentions first, then the
    report from cover to signature). `build()` returns (blocks, plan, meta).
    """

    def __init__(self, firm, year, fin, opts):
        self.firm, self.year, self.opts = firm, year, opts
        self.r = rng_for("report", firm.code, year)
        self.d, self.prev = fin[(firm.code, year)], fin[(firm.code, year - 1)]
        self.plan = Plan()
        self.bank = firm.industry.startswith("J")
        self.we = "本行" if self.bank else "公司"
        self.chapters, self.mdna_idx = chapter_titles(firm, year)
        self.mdna_heading = self.chapters[self.mdna_idx]
        self.subs, self.outlook = mdna_subsections(firm, year)
        self.people = self.r.sample(PEOPLE, 8)
        self.legal = opts.get("exec") or self.people[0]
        self.blocks = []
        self.page = 3                 # page number of the next running header
        self.chapter_title = None     # the chapter the running headers repeat
        self.year_index = YEARS.index(year)
        self.n_plain = firm.plain[self.year_index]

    def build(self):
        self.mdna_plain, self.other_plain = self.planned_plain_mentions()
        self.extras = self.planned_extras()
        self.cover_and_notice()
        self.profile()
        if self.firm.style in ("sz", "board2019") and self.year <= 2020:
            self.chapter(self.chapters[2])
            self.business_overview()
        if self.firm.style == "hshare":
            for title in self.chapters[2:6]:   # H-share: the chapters before the MD&A are short
                self.chapter(title)
                self.para(self.filler(3))
                self.para(self.filler(2))
        self.mdna()
        for title in self.chapters[self.mdna_idx + 1:]:
            self.later_chapter(title)
        self.blocks.append(("p", "%s董事长：%s" % (self.firm.name, self.legal)))
        # an extra whose section no chapter renders would be lost silently
        assert {e.section for e in self.extras} <= {"mdna", "shareholders", "directors", "subsidiaries"}
        return self.blocks, self.plan, {"legal": self.legal, "mdna_heading": self.mdna_heading}

    # ---- the keyword mentions of this report

    def vocab_keyword(self):
        return self.r.choice([k for k in self.firm.vocab if k in KEYWORD_DIMENSION])

    def planned_extras(self):
        """The negated, context, entity, full-width and nested mentions (none for a firm without plain ones)."""
        firm, yi, extras = self.firm, self.year_index, []
        if not self.n_plain:
            return extras
        if "negated" in firm.extras:
            for tpl, forced in PLANT_TEMPLATES["negated"][: 1 + yi]:
                kw = forced or self.vocab_keyword()
                extras.append(Extra("negated", kw, tpl.format(kw=mark(kw, "negated")), "mdna"))
        if "context" in firm.extras:
            choices = PLANT_TEMPLATES["context"]
            for i in range(1 + yi):
                kind, tpl = choices[(i + len(firm.code) + int(firm.code)) % len(choices)]
                kw = self.vocab_keyword()
                text = tpl.format(kw=mark(kw, "context"), person=self.r.choice(PEOPLE))
                section = {"customer": "mdna", "supplier": "mdna", "shareholder": "shareholders",
                           "biography": "directors"}[kind]
                extras.append(Extra("context-" + kind, kw, text, section))
        if "entity" in firm.extras:
            for i in range(1 + (yi >= 1)):
                kw = ENTITY_KEYWORDS[(int(firm.code) + i) % len(ENTITY_KEYWORDS)]
                extras.append(Extra("entity", kw, "%s%s有限公司" % (firm.short, mark(kw, "entity")), "subsidiaries"))
        if "fullwidth" in firm.extras:
            for kw in sorted(FULLWIDTH)[: 1 + yi]:
                extras.append(Extra("fullwidth", kw, "公司积极拓展%s业务模式，相关渠道收入稳步增长。"
                                    % mark(FULLWIDTH[kw], "fullwidth"), "mdna"))
        if "nested" in firm.extras:
            extras.append(Extra("plain", "移动互联网", "%s把握%s发展机遇，线上渠道持续拓展。" % (self.we, mark("移动互联网")),
                                "mdna"))
            extras.append(Extra("plain", "移动互联", "在%s时代，%s持续完善线上服务体系。" % (mark("移动互联"), self.we),
                                "mdna"))
        return extras

    def planned_plain_mentions(self):
        """(MD&A mentions, other mentions), each a list of (keyword, form). HTML reports split some keywords by an
        inline tag or write their first characters as character references; 70 % go into the MD&A (all of them for
        banks, H-share reports and 2021, whose business overview is inside the MD&A)."""
        vocab = self.firm.vocab
        keywords = [self.r.choice(vocab) for _ in range(self.n_plain)] if vocab else []
        html_report = self.opts.get("kind") == "html"
        all_in_mdna = self.firm.style in ("bank", "hshare") or self.year >= 2021
        mdna, other = [], []
        for i, kw in enumerate(keywords):
            form = "plain"
            if html_report and i % 5 == 1 and len(kw) >= 3 and not kw.isascii():
                form = "inline"
            elif html_report and i % 11 == 4:
                form = "charref"
            (mdna if i % 10 < 7 or all_in_mdna else other).append((kw, form))
        return mdna, other

    def plant_plain(self, kw, form="plain"):
        templates = PLANT_TEMPLATES["plain_bank" if self.bank else "plain"]
        if kw not in KEYWORD_DIMENSION:
            return self.r.choice(templates).format(kw=kw)  # realistic non-keyword neighbour, not counted
        return self.r.choice(templates).format(kw=mark(kw, form))

    # ---- text and page furniture

    def filler(self, n, pool=None):
        pool = pool or (NEUTRAL_BANK if self.bank else NEUTRAL)
        r = self.r
        return "".join(r.choice(pool).format(a="%.2f" % r.uniform(100, 90000), b="%.2f" % r.uniform(0.5, 35),
                                             c=r.randint(3, 60), d="%.2f" % r.uniform(0.8, 2.5)) for _ in range(n))

    def running_header(self):
        """Banks and H-share reports repeat the chapter (bank) or the report title with the page number."""
        if self.firm.style not in ("bank", "hshare") or not self.chapter_title:
            return
        self.page += 1
        if self.firm.style == "bank":
            text = "%s %d %s %d年年度报告" % (self.chapter_title, self.page, self.firm.name, self.year)
        else:
            text = "%s %d年年度报告 %d" % (self.firm.name, self.year, self.page)
        self.blocks.append(("header", text))

    def para(self, text):
        """A paragraph; about one in five is followed by a page break with its running header."""
        self.blocks.append(("p", text))
        if self.r.random() < 0.22:
            self.running_header()

    def chapter(self, title):
        self.chapter_title = title
        self.blocks.append(("chapter", title))

    def change_row(self, label, key):
        """A table row: this year, last year and the change in percent."""
        now, before = self.d[key], self.prev[key]
        return [label, money(now), money(before), "%.2f%%" % (100 * (now / before - 1))]

    # ---- the report, from the cover to the last chapter

    def cover_and_notice(self):
        """Cover, chapter 1: important notice (with the cross-reference to the MD&A), contents, definitions."""
        firm, year, we, r = self.firm, self.year, self.we, self.r
        self.blocks += [("title", firm.name), ("title", "%d年年度报告" % year),
                        ("p", "%d年%d月" % (year + 1, r.choice((3, 4))))]
        self.chapter(self.chapters[0])
        self.blocks.append(("p", "%s董事会、监事会及董事、监事、高级管理人员保证年度报告内容的真实、准确、完整，不存在虚假记载、"
                                 "误导性陈述或重大遗漏，并承担个别和连带的法律责任。" % we))
        self.blocks.append(("p", "%s负责人%s、主管会计工作负责人%s及会计机构负责人（会计主管人员）%s声明：保证年度报告中"
                                 "财务报告的真实、准确、完整。" % (we, self.legal, self.people[1], self.people[2])))
        self.blocks.append(("p", "所有董事均已出席了审议本报告的董事会会议。"))
        if firm.style == "hshare":
            self.blocks.append(("p", "本行面临的主要风险及拟采取的应对措施，请参见“讨论与分析—风险管理”。"))
        else:
            if self.opts.get("xref"):
                xref = "详见本报告“%s”之“%s”" % (self.mdna_heading, self.outlook)
            else:
                xref = "敬请查阅“%s”中“%s”部分" % (self.mdna_heading, self.outlook)
            self.blocks.append(("p", "本报告中涉及的未来计划、发展战略等前瞻性陈述，不构成%s对投资者的实质承诺。%s可能面临的风险"
                                     "及应对措施，%s。" % (we, we, xref)))
        self.blocks.append(("p", "%s经本次董事会审议通过的利润分配预案为：以总股本为基数，向全体股东每10股派发现金红利%.2f元"
                                 "（含税），不以公积金转增股本。" % (we, r.uniform(0.5, 12))))
        self.blocks.append(("sub", "目录"))
        page = 2
        for title in self.chapters:
            self.blocks.append(("toc", title, page))
            page += r.randint(3, 30)
        self.blocks.append(("sub", "释义"))
        self.blocks.append(("table", [["释义项", "指", "释义内容"],
                                      ["%s、本公司" % we, "指", firm.name],
                                      ["报告期", "指", "%d年1月1日至%d年12月31日" % (year, year)],
                                      ["元、万元", "指", "人民币元、人民币万元"],
                                      ["中国证监会", "指", "中国证券监督管理委员会"]]))

    def profile(self):
        """Chapter 2: company information and key figures."""
        firm, year = self.firm, self.year
        self.chapter(self.chapters[1])
        self.blocks.append(("sub", "一、公司信息"))
        self.blocks.append(("table", [["股票简称", firm.short, "股票代码", firm.code],
                                      ["公司的中文名称", firm.name, "", ""],
                                      ["公司的法定代表人", self.legal, "", ""],
                                      ["注册地址", "示例省样例市高新区创新路%d号" % self.r.randint(1, 999), "", ""],
                                      ["公司网址", "www.example.com/%s" % firm.code, "", ""]]))
        self.blocks.append(("sub", "二、主要会计数据和财务指标"))
        self.blocks.append(("table", [["项目", "%d年" % year, "%d年" % (year - 1), "本年比上年增减"],
                                      self.change_row("营业收入（元）", "Revenue"),
                                      self.change_row("归属于上市公司股东的净利润（元）", "NetProfit"),
                                      self.change_row("总资产（元）", "TotalAssets"),
                                      self.change_row("所有者权益合计（元）", "Equity")]))
        self.para(self.filler(3))

    def business_overview(self):
        """Chapter 3 of 2019-2020 SZSE-style reports: the plain mentions that are not in the MD&A."""
        self.blocks.append(("sub", "一、报告期内公司从事的主要业务"))
        self.para("%s主要从事%s相关业务。" % (self.we, self.firm.industry_name) + self.filler(3))
        for kw, form in self.other_plain:
            self.para(self.filler(2) + self.plant_plain(kw, form))
            if kw in KEYWORD_DIMENSION:
                self.plan.add(kw, "plain", "other")
        self.blocks.append(("sub", "二、核心竞争力分析"))
        self.para(self.filler(4))
        self.para(self.filler(3))

    def mdna(self):
        """The MD&A: its subsections, with the MD&A mentions spread over all but the last."""
        self.chapter(self.mdna_heading)
        mdna_extras = [e for e in self.extras if e.section == "mdna"]
        spread = max(1, len(self.subs) - 1)
        per_sub = [[] for _ in self.subs]
        for i, (kw, form) in enumerate(self.mdna_plain):
            per_sub[(i * 7 + 3) % spread].append(self.plant_plain(kw, form))
        for i, e in enumerate(mdna_extras):
            per_sub[(i * 5 + 1) % spread].append(e.text)
        for kw, form in self.mdna_plain:
            if kw in KEYWORD_DIMENSION:
                self.plan.add(kw, "plain", "mdna")
        for e in mdna_extras:
            self.plan.add(e.keyword, e.category, "mdna")
        for si, sub in enumerate(self.subs):
            self.mdna_subsection(si, sub, per_sub[si])
        if not self.mdna_plain and not mdna_extras:
            self.para(self.filler(4))

    def mdna_subsection(self, si, sub, sentences):
        r, d, prev = self.r, self.d, self.prev
        self.blocks.append(("sub", sub))
        for _, kw in nqpcontract.longest_hits(sub, KEYWORDS):  # e.g. 7.4 金融科技与数字化经营
            self.plan.add(kw, "plain", "mdna")
        if si == 0:
            yi = 1e8
            if self.bank:
                self.para("报告期末，本行资产总额%.2f亿元，较上年末增长%.2f%%；全年实现营业收入%.2f亿元。"
                          % (d["TotalAssets"] / yi, 100 * (d["TotalAssets"] / prev["TotalAssets"] - 1),
                             d["Revenue"] / yi))
            else:
                self.para("报告期内，%s实现营业收入%.2f亿元，同比%s%.2f%%；实现归属于上市公司股东的净利润%.2f亿元。"
                          % (self.we, d["Revenue"] / yi, "增长" if d["Revenue"] >= prev["Revenue"] else "下降",
                             abs(100 * (d["Revenue"] / prev["Revenue"] - 1)), d["NetProfit"] / yi))
        for sentence in sentences:
            self.para(self.filler(r.randint(1, 3)) + sentence + self.filler(r.randint(0, 2)))
        for _ in range(r.randint(3, 5)):
            self.para(self.filler(r.randint(3, 6)))
        if "主营业务分析" in sub or "财务报表分析" in sub:
            self.rd_tables()
        if "主要控股参股公司" in sub or (self.bank and "业务运作" in sub):
            self.subsidiaries_table()
        if sub == self.outlook:
            self.para(self.filler(3))
        if self.firm.style == "bank" and si in (1, 3):
            self.running_header()

    def rd_tables(self):
        d, prev, year = self.d, self.prev, self.year
        self.blocks.append(("table", [["项目", "%d年" % year, "%d年" % (year - 1), "同比增减"],
                                      self.change_row("营业收入", "Revenue"),
                                      self.change_row("研发费用", "RDExpense")]))
        self.blocks.append(("p", "研发投入情况"))
        self.blocks.append(("table", [["项目", "%d年" % year, "%d年" % (year - 1)],
                                      ["研发人员数量（人）", str(d["RDPerson"]), str(prev["RDPerson"])],
                                      ["研发人员数量占比", "%.2f%%" % d["RDPersonRatio"], "%.2f%%" % prev["RDPersonRatio"]],
                                      ["研发投入金额（元）", money(d["RDSpendSum"]), money(prev["RDSpendSum"])],
                                      ["研发投入占营业收入比例", "%.2f%%" % d["RDSpendSumRatio"],
                                       "%.2f%%" % prev["RDSpendSumRatio"]],
                                      ["研发投入资本化的金额（元）", money(d["RDInvest"]), money(prev["RDInvest"])]]))

    def subsidiaries_table(self):
        """Principal subsidiaries; the entity mentions are keywords inside their names."""
        rows = [["公司名称", "公司类型", "主要业务", "注册资本（万元）"]]
        for e in self.extras:
            if e.section == "subsidiaries":
                rows.append([e.text, "子公司", "相关业务运营", "%d" % self.r.randint(1000, 50000)])
                self.plan.add(e.keyword, "entity", "mdna")
        rows.append(["%s商贸有限公司" % self.firm.short, "子公司", "产品销售", "%d" % self.r.randint(1000, 50000)])
        self.blocks.append(("table", rows))

    def planted_paragraphs(self, section):
        for e in self.extras:
            if e.section == section:
                self.para(e.text)
                self.plan.add(e.keyword, e.category, "other")

    def later_chapter(self, title):
        """A chapter after the MD&A: shareholders, directors (biographies), the financial report, or filler."""
        self.chapter(title)
        if "股东" in title or "股本变动" in title:
            self.shareholders()
        elif "董事、监事" in title or ("公司治理" in title and self.year >= 2021 and self.firm.style in ("sz", "board2019")):
            self.directors()
        elif "财务报告" in title:
            self.financial_report()
        elif "董事会报告" in title and self.firm.style == "hshare":
            self.para("报告期内本行主要业务的讨论与分析，参见“讨论与分析”章节。" + self.filler(2))
        elif "优先股" in title or "债券" in title:
            self.para("报告期内%s不存在相关情况。" % self.we)
        else:
            for _ in range(self.r.randint(2, 4)):
                self.para(self.filler(self.r.randint(3, 5)))

    def shareholders(self):
        r = self.r
        self.blocks.append(("sub", "一、股东情况"))
        self.blocks.append(("table", [["股东名称", "股东性质", "持股比例", "持股数量"],
                                      ["样例控股集团有限公司", "境内非国有法人", "%.2f%%" % r.uniform(20, 45),
                                       "%d" % r.randint(10**8, 10**9)],
                                      ["示例投资管理有限公司", "境内非国有法人", "%.2f%%" % r.uniform(2, 8),
                                       "%d" % r.randint(10**7, 10**8)]]))
        self.planted_paragraphs("shareholders")

    def directors(self):
        d = self.d
        self.blocks.append(("sub", "现任董事、监事、高级管理人员主要工作经历"))
        self.para("%s，%s董事长，1968年出生，硕士研究生学历，高级经济师。" % (self.legal, self.we))
        self.para("%s，%s总经理，1972年出生，本科学历。" % (self.people[3], self.we))
        self.planted_paragraphs("directors")
        self.blocks.append(("sub", "员工情况"))
        self.blocks.append(("table", [["项目", "人数（人）"],
                                      ["在职员工的数量合计", str(d["Employees"])],
                                      ["本科及以上", str(d["BachelorAbove"])],
                                      ["其中：硕士及以上", str(d["MasterAbove"])],
                                      ["本科以下", str(d["Employees"] - d["BachelorAbove"])]]))

    def financial_report(self):
        d, prev = self.d, self.prev
        self.blocks.append(("sub", "一、审计报告"))
        self.para("我们审计了%s财务报表，包括%d年12月31日的合并及母公司资产负债表。" % (self.firm.name, self.year)
                  + self.filler(2))
        self.blocks.append(("table", [["项目", "期末余额", "期初余额"],
                                      ["固定资产", money(d["FixedAssets"]), money(prev["FixedAssets"])],
                                      ["无形资产", money(d["Intangible"]), money(prev["Intangible"])],
                                      ["资产总计", money(d["TotalAssets"]), money(prev["TotalAssets"])],
                                      ["所有者权益合计", money(d["Equity"]), money(prev["Equity"])]]))
        if not self.bank:
            self.blocks.append(("sub", "研发费用"))
            self.blocks.append(("table", [["项目", "本期发生额"],
                                          ["职工薪酬", money(d["RDSalary"])], ["折旧摊销", money(d["RDDepAmort"])],
                                          ["租赁费", money(d["RDLease"])], ["直接投入", money(d["RDDirect"])],
                                          ["其他", money(d["RDOther"])], ["合计", money(d["RDExpense"])]]))
        self.para(self.filler(4))


def build_report(firm, year, fin, opts):
    """Returns (blocks, plan, meta) of one report. Deterministic for (firm, year)."""
    return ReportBuilder(firm, year, fin, opts).build()


# --------------------------------------------------------------------------------------------------------------
# Renderers


def expand_html(text, encodable):
    """Escape text and expand keyword markers for HTML."""
    out = []
    pos = 0
    for m in MARK_RE.finditer(text):
        out.append(html.escape(text[pos:m.start()], quote=False))
        kw, form = m.group(1), m.group(2)
        if form == "inline":
            k = len(kw) // 2
            out.append("%s</span><span lang=ZH-CN style='font-family:宋体;color:black'>%s" % (kw[:k], kw[k:]))
        elif form == "charref":
            out.append("".join("&#%d;" % ord(c) for c in kw[:2]) + html.escape(kw[2:], quote=False))
        else:
            out.append(html.escape(kw, quote=False))
        pos = m.end()
    out.append(html.escape(text[pos:], quote=False))
    s = "".join(out)
    if encodable is not None:
        s = "".join(c if encodable(c) else "&#x%X;" % ord(c) for c in s)
    return s


def render_word_html(firm, year, blocks, opts):
    enc = opts.get("enc", "utf-8")
    label = opts.get("label", enc)

    def encodable(c):
        try:
            c.encode(enc)
            return True
        except UnicodeEncodeError:
            return False
    enc_ok = encodable if enc != "utf-8" else None
    r = rng_for("html", firm.code, year)
    o = []
    if opts.get("html5"):
        o.append('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="%s">\n' % label)
    else:
        o.append('<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"\n'
                 'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">\n\n'
                 '<head>\n<meta http-equiv=Content-Type content="text/html; charset=%s">\n'
                 '<meta name=Generator content="Microsoft Word 15 (filtered)">\n' % label)
    # Decoys: keywords in attributes, the title, styles, scripts and comments are not visible text.
    o.append('<meta name=keywords content="年度报告,人工智能,大数据,区块链">\n')
    o.append("<title>%s%d年年度报告</title>\n" % (firm.name, year))
    o.append("<style>\n<!--\n /* Font Definitions */\n @font-face\n\t{font-family:宋体;\n\tpanose-1:2 1 6 0 3 1 1 1 1 1;}\n"
             "p.MsoNormal, li.MsoNormal, div.MsoNormal\n\t{margin:0cm;\n\ttext-align:justify;\n\tfont-size:10.5pt;\n"
             "\tfont-family:等线;}\n.云计算-banner {display:none}\n-->\n</style>\n")
    o.append('<script type="text/javascript">\nvar pageTags = ["物联网", "区块链", "<p>人工智能</p>"];\n'
             'if (a < b && b > c) { document.title = "大数据"; }\n</script>\n</head>\n\n')
    o.append("<body lang=ZH-CN style='text-justify-trim:punctuation'>\n<!-- 由 Word 导出；关键词：人工智能 云计算 -->\n"
             "<div class=WordSection1 style='layout-grid:15.6pt'>\n")
    o.append('<div style="display:none">移动支付 隐藏文字</div>\n')
    for b in blocks:
        kind = b[0]
        if kind == "title":
            o.append("<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:22.0pt;"
                     "font-family:黑体'>%s</span></b></p>\n" % expand_html(b[1], enc_ok))
        elif kind == "chapter":
            o.append("<h1 style='margin-top:17.0pt'><a name=\"_Toc%d\"></a><span style='font-size:16.0pt;"
                     "font-family:黑体'>%s</span></h1>\n" % (r.randint(10**7, 10**8), expand_html(b[1], enc_ok)))
        elif kind == "sub":
            o.append("<h2><span style='font-size:12.0pt;font-family:黑体'>%s</span></h2>\n" % expand_html(b[1], enc_ok))
        elif kind == "p":
            o.append("<p class=MsoNormal style='text-indent:21.0pt'><span style='font-family:宋体'>%s</span></p>\n"
                     % expand_html(b[1], enc_ok))
            if r.random() < 0.08:
                o.append("<p class=MsoNormal><span lang=EN-US>&nbsp;</span></p>\n")
        elif kind == "toc":
            o.append("<p class=MsoToc1><span style='font-family:宋体'>%s</span><span lang=EN-US>%s</span>"
                     "<span lang=EN-US>%d</span></p>\n" % (expand_html(b[1], enc_ok), "." * r.randint(30, 60), b[2]))
        elif kind == "header":
            o.append("<p class=MsoHeader align=right style='text-align:right'><span style='font-size:9.0pt'>%s</span>"
                     "</p>\n" % expand_html(b[1], enc_ok))
        elif kind == "table":
            o.append("<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:"
                     "collapse'>\n")
            for row in b[1]:
                o.append(" <tr>\n")
                for cell in row:
                    o.append("  <td valign=top style='border:solid windowtext 1.0pt'><p class=MsoNormal>"
                             "<span style='font-size:9.0pt'>%s<o:p></o:p></span></p></td>\n"
                             % (expand_html(cell, enc_ok) if cell else "&nbsp;"))
                o.append(" </tr>\n")
            o.append("</table>\n")
    o.append("</div>\n\n</body>\n\n</html>\n")
    return "".join(o).encode(enc)


def wrap_cjk(text, r, width=45, spans=(), split_first=False):
    """Hard line breaks every ~45 characters, as PDF conversions make them; never inside an ASCII word.
    spans: (start, end) of planted keywords; a break near one is moved into it 60 % of the time, and always for
    the first one when `split_first`. Returns (lines, how many breaks were moved into a keyword)."""
    lines, pos, splits = [], 0, 0
    while len(text) - pos > width + 2:
        cut = pos + width + r.randint(-2, 2)
        for a, b in spans:
            if a + 1 < b and a - 6 < cut < b + 6 and pos + 10 < a + 1 and (
                    r.random() < 0.6 or (split_first and splits == 0)):
                cut = a + (b - a) // 2
                splits += 1
                break
        cut = nqpcontract.word_safe_cut(text, cut, pos + 1)
        lines.append(text[pos:cut])
        pos = cut
    lines.append(text[pos:])
    return lines, splits


def render_txt(firm, year, blocks, opts):
    r = rng_for("txt", firm.code, year)
    splits = 0  # keywords split by a line break so far: the first one near a break always is
    content = []  # (line, ends_paragraph)
    for b in blocks:
        kind = b[0]
        if kind in ("title", "chapter", "sub"):
            content.append((unmark(b[1]), True))
        elif kind == "p":
            spans, plain, pos = [], [], 0
            for m in MARK_RE.finditer(b[1]):
                plain.append(b[1][pos:m.start()])
                start = sum(len(x) for x in plain)
                spans.append((start, start + len(m.group(1))))
                plain.append(m.group(1))
                pos = m.end()
            lines, split = wrap_cjk(unmark(b[1]), r, spans=spans, split_first=splits == 0)
            splits += split
            for i, ln in enumerate(lines):
                content.append((ln, i == len(lines) - 1))
        elif kind == "toc":
            content.append(("%s %s %d" % (b[1], "." * r.randint(25, 50), b[2]), True))
        elif kind == "table":
            for row in b[1]:
                lines, _ = wrap_cjk(" ".join(unmark(c) for c in row if c), r)
                for i, ln in enumerate(lines):
                    content.append((ln, i == len(lines) - 1))
        # running headers of HTML renderings are replaced by the page furniture below
    out = []
    page = 1
    running = "%s %d年年度报告" % (firm.name, year)
    on_page = 0
    for line, ends in content:
        if on_page == 0 and page > 1:
            out.append(running)
        out.append(line)
        on_page += 1
        if on_page >= 38 and ends:
            out.append(str(page))
            page += 1
            on_page = 0
    out.append(str(page))
    text = "\n".join(out) + "\n"
    if opts.get("crlf"):
        text = text.replace("\n", "\r\n")
    data = text.encode("utf-8")
    if opts.get("bom"):
        data = b"\xef\xbb\xbf" + data
    return data


# --------------------------------------------------------------------------------------------------------------
# US documents


def us_mdna_paragraphs(r, year, n_terms, split_ix):
    terms = []
    for i in range(n_terms):
        terms.append(EN_TERMS[(i * 3 + year) % len(EN_TERMS)])
    filler = [
        "Revenue increased primarily due to higher subscription volumes and the full-year effect of price changes.",
        "Operating expenses grew at a slower rate than revenue as we continued to manage headcount carefully.",
        "Gross margin was affected by product mix and by higher hosting costs during the year.",
        "We expect capital expenditures to remain at a similar level next year.",
        "Cash provided by operating activities was sufficient to fund our operations and planned investments.",
        "Our results may vary from period to period due to the timing of large customer contracts.",
    ]
    paras = []
    for i, t in enumerate(terms):
        sent = "During fiscal %d we expanded our %s offering, and related revenue grew." % (year, t)
        if split_ix and i == 0 and " " in t:
            a, b = t.split(" ", 1)
            sent = sent.replace(t, a + " <ix:nonNumeric name=\"smpl:PlatformDescription\" contextRef=\"c-1\">"
                                + b + "</ix:nonNumeric>")
        paras.append(r.choice(filler) + " " + sent + " " + r.choice(filler))
    for _ in range(6):
        paras.append(" ".join(r.choice(filler) for _ in range(4)))
    return paras, terms


def render_ixbrl(year, fin_us):
    r = rng_for("ixbrl", year)
    paras, terms = us_mdna_paragraphs(r, year, 9, True)
    v = fin_us[year]
    o = ['<?xml version="1.0" encoding="utf-8"?>\n',
         '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"'
         ' xmlns:ixt="http://www.xbrl.org/inlineXBRL/transformation/2020-02-12"'
         ' xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:dei="http://xbrl.sec.gov/dei/2021"'
         ' xmlns:us-gaap="http://fasb.org/us-gaap/2021" xmlns:smpl="http://example.com/smpl/20211231"'
         ' xmlns:iso4217="http://www.xbrl.org/2003/iso4217" xml:lang="en-US">\n',
         '<head>\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8"/>\n'
         '<title>smpl-%d1231</title>\n</head>\n<body>\n' % year,
         '<div style="display:none">\n<ix:header>\n<ix:hidden>\n'
         '<ix:nonNumeric name="dei:EntityCentralIndexKey" contextRef="c-1">%s</ix:nonNumeric>\n' % US["cik"],
         '<ix:nonNumeric name="dei:DocumentFiscalYearFocus" contextRef="c-1">%d</ix:nonNumeric>\n' % year,
         '<ix:nonNumeric name="dei:DocumentFiscalPeriodFocus" contextRef="c-1">FY</ix:nonNumeric>\n',
         '<ix:nonNumeric name="dei:DocumentPeriodEndDate" contextRef="c-1">%d-12-31</ix:nonNumeric>\n' % year,
         '<ix:nonNumeric name="dei:AmendmentFlag" contextRef="c-1">false</ix:nonNumeric>\n',
         '<ix:nonNumeric name="smpl:HiddenNote" contextRef="c-1">machine learning cloud computing blockchain'
         '</ix:nonNumeric>\n',
         '</ix:hidden>\n<ix:references><link:schemaRef xmlns:link="http://www.xbrl.org/2003/linkbase"'
         ' xmlns:xlink="http://www.w3.org/1999/xlink" xlink:type="simple" xlink:href="smpl-%d1231.xsd"/>'
         '</ix:references>\n' % year,
         '<ix:resources>\n<xbrli:context id="c-1"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">'
         '%s</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:startDate>%d-01-01</xbrli:startDate>'
         '<xbrli:endDate>%d-12-31</xbrli:endDate></xbrli:period></xbrli:context>\n' % (US["cik"], year, year),
         '<xbrli:context id="c-2"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">%s'
         '</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:instant>%d-12-31</xbrli:instant></xbrli:period>'
         '</xbrli:context>\n' % (US["cik"], year),
         '<xbrli:unit id="usd"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>\n</ix:resources>\n'
         '</ix:header>\n</div>\n']
    o.append('<div style="text-align:center"><p><span style="font-weight:bold">UNITED STATES<br/>SECURITIES AND '
             'EXCHANGE COMMISSION</span></p><p>FORM 10-K</p>\n<p>For the fiscal year ended '
             '<ix:nonNumeric name="dei:DocumentPeriodEndDate" contextRef="c-1" format="ixt:date-monthname-day-year-en">'
             'December&#160;31, %d</ix:nonNumeric></p>\n' % year)
    o.append('<p><span style="font-weight:bold">SAMPLE DATA SYS<ix:nonNumeric name="dei:EntityRegistrantName" '
             'contextRef="c-1">TEMS, INC.</ix:nonNumeric></span></p></div>\n')
    o.append('<hr style="page-break-after:always"/>\n<p style="text-align:center">TABLE OF CONTENTS</p>\n<table>\n')
    toc = [("Item 1.", "Business", 4), ("Item 1A.", "Risk Factors", 12), ("Item 2.", "Properties", 25),
           ("Item 7.", "Management&#8217;s Discussion and Analysis of Financial Condition and Results of Operations",
            31), ("Item 7A.", "Quantitative and Qualitative Disclosures About Market Risk", 44),
           ("Item 8.", "Financial Statements and Supplementary Data", 46)]
    for item, title, pg in toc:
        o.append('<tr><td><a href="#i%s">%s</a></td><td>%s</td><td style="text-align:right">%d</td></tr>\n'
                 % (item.split()[1].rstrip("."), item, title, pg))
    o.append("</table>\n")

    def item(anchor, head, paras_):
        o.append('<div id="i%s"><p><span style="font-weight:bold">%s</span></p></div>\n' % (anchor, head))
        for p in paras_:
            o.append('<div><span style="font-family:Times New Roman">%s</span></div>\n' % p)
    item("1", "Item&#160;1. Business",
         ["Sample Data Systems, Inc. provides analytics software to mid-sized enterprises. For a discussion of our "
          "results, see Item&#160;7, &#8220;Management&#8217;s Discussion and Analysis of Financial Condition and "
          "Results of Operations.&#8221;",
          "Our products help customers with digital transformation of their reporting processes."])
    item("1A", "Item 1A. Risk Factors", ["Our business is subject to risks described below; market risk is "
                                          "discussed in Part II, Item 7A of this report."])
    item("7", "Item 7. Management&#8217;s Discussion and Analysis of Financial Condition and Results of Operations",
         ["Total revenue was $<ix:nonFraction name=\"us-gaap:Revenues\" contextRef=\"c-1\" unitRef=\"usd\" "
          "decimals=\"-3\" scale=\"3\" format=\"ixt:num-dot-decimal\">%s</ix:nonFraction> thousand."
          % "{:,.0f}".format(v["Revenues"] / 1000)] + paras)
    item("7A", "Item 7A. Quantitative and Qualitative Disclosures About Market Risk",
         ["We are exposed to interest rate risk on our cash equivalents. A hypothetical 100 basis point change "
          "would not have a material effect."])
    item("8", "Item 8. Financial Statements and Supplementary Data",
         ["Total assets were $<ix:nonFraction name=\"us-gaap:Assets\" contextRef=\"c-2\" unitRef=\"usd\" "
          "decimals=\"-3\" scale=\"3\">%s</ix:nonFraction> thousand." % "{:,.0f}".format(v["Assets"] / 1000)])
    o.append("</body>\n</html>\n")
    # Item 1 adds one "digital transformation" mention outside the MD&A.
    return "".join(o).encode("utf-8"), terms + ["digital transformation"], terms


def render_legacy_10k(year, fin_us):
    r = rng_for("legacy", year)
    paras, terms = us_mdna_paragraphs(r, year, 5, False)
    o = ["<HTML>\n<HEAD>\n<TITLE>SAMPLE DATA SYSTEMS INC - 10-K - %d1231</TITLE>\n</HEAD>\n<BODY BGCOLOR=\"#FFFFFF\">\n"
         % year,
         "<P ALIGN=CENTER><FONT SIZE=4><B>UNITED STATES<BR>SECURITIES AND EXCHANGE COMMISSION</B></FONT></P>\n",
         "<P ALIGN=CENTER><FONT SIZE=2>FORM 10-K<BR>ANNUAL REPORT FOR THE FISCAL YEAR ENDED DECEMBER 31, %d</FONT></P>\n"
         % year,
         "<P ALIGN=CENTER><FONT SIZE=2><B>SAMPLE DATA SYSTEMS, INC.</B><BR>(A SMALLER REPORTING COMPANY)</FONT></P>\n",
         "<P><FONT SIZE=2><B>TABLE OF CONTENTS</B></FONT></P>\n<TABLE>\n"]
    for it, title, pg in (("ITEM 1.", "BUSINESS", 3), ("ITEM 7.", "MANAGEMENT'S DISCUSSION AND ANALYSIS OF FINANCIAL "
                                                                   "CONDITION AND RESULTS OF OPERATIONS", 18),
                          ("ITEM 8.", "FINANCIAL STATEMENTS AND SUPPLEMENTARY DATA", 27)):
        o.append("<TR><TD><FONT SIZE=2>%s</FONT></TD><TD><FONT SIZE=2>%s</FONT></TD><TD><FONT SIZE=2>%d</FONT></TD>"
                 "</TR>\n" % (it, title, pg))
    o.append("</TABLE>\n")
    o.append("<P><FONT SIZE=2><B>ITEM&nbsp;1.&nbsp;&nbsp;BUSINESS</B></FONT></P>\n<P><FONT SIZE=2>SAMPLE DATA "
             "SYSTEMS, INC. DEVELOPS REPORTING SOFTWARE. SEE ITEM 7 BELOW FOR A DISCUSSION OF OUR RESULTS.</FONT></P>\n")
    o.append("<P><FONT SIZE=2><B>ITEM&nbsp;7.&nbsp;&nbsp;MANAGEMENT'S DISCUSSION AND ANALYSIS OF FINANCIAL CONDITION "
             "AND RESULTS OF OPERATIONS</B></FONT></P>\n")
    for p in paras:
        o.append("<P><FONT SIZE=2>%s</FONT></P>\n" % html.escape(p, quote=False))
    o.append("<P><FONT SIZE=2><B>ITEM&nbsp;8.&nbsp;&nbsp;FINANCIAL STATEMENTS AND SUPPLEMENTARY DATA</B></FONT></P>\n"
             "<P><FONT SIZE=2>TOTAL ASSETS AT DECEMBER 31, %d WERE $%s.</FONT></P>\n"
             % (year, "{:,.0f}".format(fin_us[year]["Assets"])))
    o.append("</BODY>\n</HTML>\n")
    return "".join(o).encode("latin-1"), terms, terms


def render_xbrl_instance(year, fin_us):
    r = rng_for("xbrl", year)
    paras, terms = us_mdna_paragraphs(r, year, 4, False)
    v = fin_us[year]
    block = "".join('<p style="margin-top:6pt">%s</p>' % html.escape(p, quote=False) for p in paras)
    block = '<div><p style="font-weight:bold">Note 1 &#8212; Nature of Operations</p>%s</div>' % block
    o = ['<?xml version="1.0" encoding="utf-8"?>\n',
         '<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:dei="http://xbrl.sec.gov/dei/2020"'
         ' xmlns:us-gaap="http://fasb.org/us-gaap/2020" xmlns:link="http://www.xbrl.org/2003/linkbase"'
         ' xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:iso4217="http://www.xbrl.org/2003/iso4217">\n',
         '  <link:schemaRef xlink:type="simple" xlink:href="smpl-%d1231.xsd"/>\n' % year,
         '  <xbrli:context id="FY%d"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">%s'
         '</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:startDate>%d-01-01</xbrli:startDate>'
         '<xbrli:endDate>%d-12-31</xbrli:endDate></xbrli:period></xbrli:context>\n' % (year, US["cik"], year, year),
         '  <xbrli:unit id="usd"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>\n',
         '  <dei:EntityRegistrantName contextRef="FY%d">%s</dei:EntityRegistrantName>\n' % (year, US["name"]),
         '  <dei:EntityCentralIndexKey contextRef="FY%d">%s</dei:EntityCentralIndexKey>\n' % (year, US["cik"]),
         '  <dei:DocumentFiscalYearFocus contextRef="FY%d">%d</dei:DocumentFiscalYearFocus>\n' % (year, year),
         '  <dei:DocumentPeriodEndDate contextRef="FY%d">%d-12-31</dei:DocumentPeriodEndDate>\n' % (year, year),
         '  <us-gaap:Revenues contextRef="FY%d" unitRef="usd" decimals="-3">%d</us-gaap:Revenues>\n'
         % (year, v["Revenues"]),
         '  <us-gaap:NatureOfOperations contextRef="FY%d">%s</us-gaap:NatureOfOperations>\n'
         % (year, html.escape(block, quote=False)),
         "</xbrli:xbrl>\n"]
    return "".join(o).encode("utf-8"), terms, []


# --------------------------------------------------------------------------------------------------------------
# Self-check: the layout text (README "Reading reports") of what was written, then nqp's rules (nqpcontract).

BLOCK_TAGS = set("address article aside blockquote body caption center dd details dialog div dl dt fieldset "
                 "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html legend li main nav ol p pre section "
                 "summary table tbody td tfoot th thead tr ul br".split())
TAG_RE = re.compile(r"<(/?)([A-Za-z][\w:.-]*)[^>]*>")


def html_layout(s):
    s = re.sub(r"<!--.*?-->", "", s, flags=re.S)
    s = re.sub(r"<\?.*?\?>", "", s, flags=re.S)
    s = re.sub(r"<![^>]*>", "", s)
    for tag in ("script", "style", "head", "noscript", "template"):
        s = re.sub(r"<%s\b.*?</%s\s*>" % (tag, tag), "\n", s, flags=re.S | re.I)
    s = re.sub(r'<div style="display:none">.*?</div>', "\n", s, flags=re.S)
    out = []
    pos = 0
    for m in TAG_RE.finditer(s):
        out.append(re.sub(r"[ \t\r\n\f]+", " ", html.unescape(s[pos:m.start()])))
        out.append("\n" if m.group(2).lower() in BLOCK_TAGS else "")
        pos = m.end()
    out.append(re.sub(r"[ \t\r\n\f]+", " ", html.unescape(s[pos:])))
    lines = [ln.strip(" ") for ln in "".join(out).split("\n")]
    return "\n".join(ln for ln in lines if ln)


def xml_layout(s):
    root = ET.fromstring(s)
    lines = []
    for el in root.iter():
        t = el.text
        if t and t.strip():
            if "<" in t and ">" in t:
                lines.append(html_layout(t))
            else:
                lines.append(re.sub(r"[ \t\r\n\f]+", " ", t).strip(" "))
    return "\n".join(ln for ln in lines if ln)


def classify(text, start, kw):
    """The generator's own categories (documented in README.md)."""
    before = text[max(0, start - 6):start]
    clause = re.split(r"[，。；！？,;]", before)[-1]
    if any(c in clause for c in NEGATION_CHARS):
        return "negated"
    sentence = re.split(r"[。；！？;]", text[max(0, start - 40):start])[-1]
    for w, cat in (("客户", "context-customer"), ("股东", "context-shareholder"), ("供应商", "context-supplier"),
                   ("曾任", "context-biography")):
        if w in sentence:
            return cat
    if re.match(r"[^。，；]{0,2}有限公司", text[start + len(kw):start + len(kw) + 6]):
        return "entity"
    return "plain"


def check_report(name, data, kind, plan, encoding):
    s = data.decode(encoding)
    if kind == "txt":
        layout = s.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
        layout = "\n".join(ln for ln in layout.split("\n"))
    elif kind == "xml":
        layout = xml_layout(s)
    else:
        layout = html_layout(s)
    mt = nqpcontract.match_text(layout)
    hits = nqpcontract.longest_hits(mt, KEYWORDS)
    found = sorted((k, classify(mt, st, k)) for st, k in hits)
    planted = []
    for kw, cat, _sec in plan.items:
        planted.append((kw, "plain" if cat == "fullwidth" else cat))
    planted.sort()
    if found != planted:
        extra = list(found)
        for p in planted:
            if p in extra:
                extra.remove(p)
        missing = list(planted)
        for p in found:
            if p in missing:
                missing.remove(p)
        ctx = [mt[max(0, st - 15):st + 15] for st, k in hits if (k, classify(mt, st, k)) in extra][:5]
        sys.exit("self-check failed for %s:\n  unexpected %s\n  missing %s\n  context %s" % (name, extra, missing, ctx))
    if any(k.isascii() for _, k in hits):
        # ASCII keywords are planted only in their canonical case: a case-sensitive dictionary counts them too.
        assert nqpcontract.longest_hits(mt, KEYWORDS, case_sensitive=True) == hits, name
    split = 0
    if kind == "txt":
        # a keyword is "split" when a line break falls inside it in the layout text
        flat, cuts, pos = [], set(), 0
        for ln in layout.split("\n"):
            flat.append(ln)
            pos += len(ln)
            cuts.add(pos)
        flat_text = "".join(flat)
        for st, k in nqpcontract.longest_hits(nqpcontract.nfkc(flat_text), KEYWORDS):
            if any(c in cuts for c in range(st + 1, st + len(k))):
                split += 1
    independent = sum(nqpcontract.independent_counts(mt, KEYWORDS).values())
    return {"mt": mt, "hits": hits, "independent": independent, "split": split, "chars": len(mt)}


def check_en(name, data, kind, terms):
    s = data.decode("utf-8" if kind != "legacy" else "latin-1")
    layout = xml_layout(s) if kind == "xml" else html_layout(s)
    mt = nqpcontract.match_text(layout)
    found = {t: n for t, n in nqpcontract.independent_counts(mt, EN_TERMS).items() if n}
    expected = {}
    for t in terms:
        expected[t] = expected.get(t, 0) + 1
    if found != expected:
        sys.exit("self-check failed for %s: found %s expected %s" % (name, found, expected))
    return mt


# --------------------------------------------------------------------------------------------------------------


def gz(data):
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as g:
        g.write(data)
    return buf.getvalue()


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(data)


def main():
    for d in OWNED_DIRS:
        shutil.rmtree(os.path.join(HERE, d), ignore_errors=True)
    fin = make_financials()
    fin_us = write_financial(fin)
    reports_dir = os.path.join(HERE, "reports")
    os.makedirs(reports_dir)
    rows = []        # summary per report
    kw_rows = []     # per report x keyword
    zip_members = []
    for firm in FIRMS:
        for year in YEARS:
            fname, kind, opts = firm.files[year]
            opts = dict(opts, kind=kind)
            blocks, plan, meta = build_report(firm, year, fin, opts)
            if kind == "html":
                data = render_word_html(firm, year, blocks, opts)
                enc = opts.get("enc", "utf-8")
            else:
                data = render_txt(firm, year, blocks, opts)
                enc = "utf-8-sig"
            info = check_report(fname, data, kind, plan, enc)
            if opts.get("exec"):
                assert opts["exec"] in data.decode(enc) and opts["exec"].encode(enc) in data
            stored = gz(data) if opts.get("gzip") else data
            if opts.get("zip"):
                zip_members.append((fname, stored))
                where = "reports/000002_样例置业_年报.zip/" + fname
            else:
                write(os.path.join(reports_dir, fname), stored)
                where = "reports/" + fname
            cats = {}
            for kw, cat, sec in plan.items:
                cats[cat] = cats.get(cat, 0) + 1
            mdna = sum(1 for _, _, sec in plan.items if sec == "mdna")
            encoding_desc = {"utf-8": "UTF-8", "gbk": "GBK"}[opts.get("enc", "utf-8")] if kind == "html" else \
                ("UTF-8 with BOM" if opts.get("bom") else "UTF-8")
            if kind == "html" and opts.get("label"):
                encoding_desc += " declared `%s`" % opts["label"]
            if opts.get("crlf"):
                encoding_desc += ", CRLF"
            rows.append({"file": where, "firm": firm.code, "year": year, "format": kind, "encoding": encoding_desc,
                         "mdna_heading": meta["mdna_heading"], "total": len(plan.items),
                         "independent": info["independent"], "mdna": mdna,
                         "negated": cats.get("negated", 0),
                         "context": sum(v for k, v in cats.items() if k.startswith("context")),
                         "entity": cats.get("entity", 0), "fullwidth": cats.get("fullwidth", 0),
                         "split": info["split"], "chars": info["chars"]})
            per = {}
            for kw, cat, sec in plan.items:
                e = per.setdefault(kw, {"total": 0, "mdna": 0, "negated": 0, "context": 0, "entity": 0})
                e["total"] += 1
                e["mdna"] += sec == "mdna"
                if cat == "negated":
                    e["negated"] += 1
                elif cat.startswith("context"):
                    e["context"] += 1
                elif cat == "entity":
                    e["entity"] += 1
            for kw in sorted(per):
                kw_rows.append([where, firm.code, str(year), KEYWORD_DIMENSION[kw], kw] +
                               [str(per[kw][c]) for c in ("total", "mdna", "negated", "context", "entity")])
    # the zip of several reports (one member gzip-compressed), fixed timestamps for determinism
    zbuf = io.BytesIO()
    with zipfile.ZipFile(zbuf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in sorted(zip_members):
            zi = zipfile.ZipInfo(name, date_time=(2022, 4, 30, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zi.flag_bits |= 0x800  # UTF-8 file names
            z.writestr(zi, data)
    write(os.path.join(reports_dir, "000002_样例置业_年报.zip"), zbuf.getvalue())

    # US documents
    us_rows = []
    data, terms, mdna_terms = render_ixbrl(2021, fin_us)
    check_en("smpl-20211231.htm", data, "html", terms)
    write(os.path.join(reports_dir, "smpl-20211231.htm"), data)
    us_rows.append(("reports/smpl-20211231.htm", "inline-XBRL 10-K, FY2021", terms, mdna_terms))
    data, terms, mdna_terms = render_xbrl_instance(2020, fin_us)
    check_en("smpl-20201231.xml", data, "xml", terms)
    write(os.path.join(reports_dir, "smpl-20201231.xml"), data)
    us_rows.append(("reports/smpl-20201231.xml", "XBRL instance with a TextBlock, FY2020", terms, mdna_terms))
    data, terms, mdna_terms = render_legacy_10k(2019, fin_us)
    check_en("sample_data_systems_10k_fy2019.htm", data, "legacy", terms)
    write(os.path.join(reports_dir, "sample_data_systems_10k_fy2019.htm"), data)
    us_rows.append(("reports/sample_data_systems_10k_fy2019.htm", "legacy upper-case 10-K HTML (no Item 7A), FY2019",
                    terms, mdna_terms))

    # manifest for the file that neither its name nor XBRL facts identify
    with open(os.path.join(HERE, "manifest.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["file", "firm", "year"])
        w.writerow(["reports/sample_data_systems_10k_fy2019.htm", US["cik"], "2019"])

    # a corrupt file: a gzip stream cut in the middle
    blocks, plan, meta = build_report(FIRMS[2], 2019, fin, {"kind": "html", "enc": "utf-8"})
    good = gz(render_word_html(FIRMS[2], 2019, blocks, {"enc": "utf-8"}))
    write(os.path.join(HERE, "bad", "000003_2020_损坏示例.html.gz"), good[: len(good) // 3])

    # expected counts
    os.makedirs(os.path.join(HERE, "expected"), exist_ok=True)
    with open(os.path.join(HERE, "expected", "planted_counts.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["file", "firm", "year", "dimension", "keyword", "total", "mdna", "negated", "context", "entity"])
        for row in sorted(kw_rows):
            w.writerow(row)
    with open(os.path.join(HERE, "expected", "reports.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        cols = ["file", "firm", "year", "format", "encoding", "mdna_heading", "total", "independent", "mdna",
                "negated", "context", "entity", "fullwidth", "split", "chars"]
        w.writerow(cols)
        for row in sorted(rows, key=lambda x: (x["firm"], x["year"])):
            w.writerow([row[c] for c in cols])
    with open(os.path.join(HERE, "expected", "us_terms.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["file", "term", "total", "mdna"])
        for path, _desc, terms, mdna_terms in us_rows:
            for t in sorted(set(terms)):
                w.writerow([path, t, terms.count(t), mdna_terms.count(t)])
    write_readme(rows, us_rows)
    total = 0
    for base, _dirs, files in os.walk(HERE):
        for f in files:
            total += os.path.getsize(os.path.join(base, f))
    print("samples written: %d Chinese reports, %d US documents, %.2f MB in samples/" % (
        len(rows), len(us_rows), total / 1e6))


README_HEAD = """# samples/ — synthetic data for nqp's default pipeline

**Everything here is synthetic**, written by `generate_samples.py` (Python 3 standard library, fixed seed,
byte-identical on every run). Company names (示例…/样例…), people, sentences and numbers are invented; nothing is
copied from any real filing or database. The stock codes are ordinary 6-digit codes chosen to exercise leading
zeros and exchange prefixes; the firms behind them here are fictional. Regenerate with

    python3 samples/generate_samples.py

The generator rewrites `reports/`, `financial/`, `bad/`, `expected/`, `manifest.csv` and this README.

## Files

| path | what it exercises |
|---|---|
| `reports/000001_20{19,20}_示例银行.html` | bank, `第三章 管理层讨论与分析` chapters with **running page headers** that repeat the chapter title and page number (`第三章 管理层讨论与分析 23 示例银行股份有限公司 2019年年度报告`) inside and after the MD&A; Word-export HTML in UTF-8 |
| `reports/000001_2021_示例银行.html.gz` | the same, **gzip-compressed** |
| `reports/000002_样例置业_年报.zip` | a **zip of several reports**: `000002_2019_样例置业.html`, `000002-2020.txt` and `000002_2021_样例置业.html.gz` (a gzip member inside the zip); a traditional firm with **zero** DT keywords |
| `reports/000651_2019_示例电器.html` / `_2020_` / `_2021_` | UTF-8; then **GBK declared `charset=gbk`**; then **GBK declared `gb2312`** with the GBK-only character 昇 in the legal representative's name (张昇) near the top; keywords inside a **subsidiary's name** (`示例电器…有限公司`), customer context, full-width `Ｂ２Ｂ`/`Ｏ２Ｏ` |
| `reports/000858_20{19,20,21}_示例酒业.html` | **GBK declared `gb2312`** with 镕 (陈镕) in the first screen: a decoder that trusts the label as strict GB2312 loses nearly everything; a traditional firm with 1–3 keywords; ST in 2021 (see the industry file) |
| `reports/002230-20{19,20,21}.txt` | **PDF-converted plain text**: hard line breaks every ~45 characters, inside words and keywords (`人工\\n智能`), page-number lines and running page headers `样例软件股份有限公司 2019年年度报告`; the 2019 file starts with a UTF-8 BOM; a digital firm with nested 移动互联网/移动互联, negations, full-width forms |
| `reports/002415_2019_样例视觉.html`, `_2021_` | UTF-8 (2021: HTML5 `<!DOCTYPE html>` + `<meta charset>`); keywords split by inline tags (`深度</span><span …>学习`), numeric character references (`&#20154;&#24037;智能`) |
| `reports/002415_2020_样例视觉.html` | **GBK declared `gb2312`** with 喆 (李喆) |
| `reports/300059_20{19,20,21}_示例财讯.html` | UTF-8 Word export; fintech vocabulary incl. the ASCII keyword `Fintech`, nested 移动互联网/移动互联, 互联网金融 |
| `reports/2020-01-21__示例科技股份有限公司__300617__示例科技__2019年__年度报告.html` (and 2020, 2021) | the **cninfo-style file name**; the MD&A heading occurs three times: in the **table of contents** (dot leaders, page number), in a **cross-reference** in 重要提示 (`详见本报告“第四节 经营情况讨论与分析”之“七、公司未来发展的展望”`; 2021: `第三节 管理层讨论与分析`) and as the real heading |
| `reports/600000-20{19,20,21}.txt` | PDF-converted text of a bank; **`600000-2020.txt` has CRLF line ends** |
| `reports/600519_20{19,20,21}_示例酿造.html` | **older heading style** in 2019: `第四节 董事会报告` whose first part is `一、管理层讨论与分析`; a traditional firm with **zero** keywords |
| `reports/601398_20{19,20,21}_样例商业银行.html` | **H-share style** numbered chapters: `7. 讨论与分析` with `7.1 …`–`7.7 …` subsections, next chapter `8. 股本变动…`; a later chapter `11. 董事会报告` that must NOT be taken for the MD&A; cross-reference `参见“讨论与分析—风险管理”`; running headers `样例商业银行股份有限公司 2019年年度报告 12` |
| `reports/688981_20{19,20,21}_示例芯片.htm` | `.htm` extension; the broad keyword 网联 (as in 智能网联); STAR-market code 688xxx |
| `reports/smpl-20211231.htm` | **inline-XBRL 10-K** (XHTML): `ix:header` in a `display:none` div with `dei:EntityCentralIndexKey` 0001987654, `dei:DocumentFiscalYearFocus` 2021, `dei:DocumentPeriodEndDate` 2021-12-31 and a hidden fact holding English DT terms (must not count); table of contents; `Item 7.` and `Item 7A.`; "see Item 7" references; words split by ix tags (`SAMPLE DATA SYS<ix:nonNumeric>TEMS, INC.</ix:nonNumeric>`, `machine <ix:nonNumeric>learning</ix:nonNumeric>`) |
| `reports/smpl-20201231.xml` | **XBRL instance** with dei facts and a `us-gaap:NatureOfOperations` text block holding escaped HTML |
| `reports/sample_data_systems_10k_fy2019.htm` | **legacy upper-case 10-K HTML** (`<FONT>`, `&nbsp;`), smaller reporting company **without Item 7A** (MD&A ends at `ITEM 8.`); neither its name nor XBRL facts identify it: `manifest.csv` does |
| `manifest.csv` | the manifest route of firm/year identification (`file,firm,year`, paths relative to `samples/`) |
| `bad/000003_2020_损坏示例.html.gz` | a **corrupt file** (gzip stream cut after a third): must be quarantined without stopping the others. Not under `reports/`, so the default pipeline does not read it |
| `financial/*.csv`, `financial/companyfacts_CIK0001987654.json` | financial inputs, below |
| `expected/reports.csv`, `expected/planted_counts.csv`, `expected/us_terms.csv` | what the generator planted (below) |

Decoys in every Chinese HTML file (never visible text): keywords in `<meta name=keywords>`, `<title>` (inside
`<head>`), `<style>`, `<script>` (with `<p>` and `&&` in the script body), an HTML comment and a
`<div style="display:none">`. Vocabulary that is *not* among the 76 words (边缘计算, 知识图谱, 智能制造, 智能风控)
appears in some reports and must not count; ＡＩ does not appear.

## Encodings

| encoding | files |
|---|---|
| UTF-8, `<meta http-equiv … charset=utf-8>` | most Chinese HTML |
| UTF-8, HTML5 `<meta charset="utf-8">` | `002415_2021_样例视觉.html` |
| GBK, declared `gbk` | `000651_2020_示例电器.html` |
| GBK, declared `gb2312`, with GBK-only characters (镕 喆 昇) | `000858_*`, `002415_2020_*`, `000651_2021_*` |
| UTF-8 plain text (one with BOM, one with CRLF) | `002230-*.txt`, `600000-*.txt`, `000002-2020.txt` (in the zip) |
| UTF-8 XHTML / XML | `smpl-*.htm`, `smpl-*.xml` |
| ASCII (declared nothing) | `sample_data_systems_10k_fy2019.htm` |
| GBK CSV | `financial/FS_Comins.csv` (all other CSVs UTF-8 without BOM) |

## Financial data (`financial/`)

CSMAR-style CSV exports: **three header rows** (field code, Chinese label, unit), then data. Codes are 6-digit
strings with leading zeros. Statement tables hold `Accper` = `YYYY-12-31` rows **and `YYYY-06-30` rows that must be
filtered out**, and `Typrep` **A (consolidated) and B (parent) rows** (keep A). Balance sheets include **2018** so
lags and average assets work for 2019. Banks (J66) have no R&D-by-nature rows and an empty `B001216000`; only one
bank (600000) reports R&D staff. Numbers are invented but internally consistent (the reports quote the same figures).

| file | field code | label (row 2) | unit | feeds |
|---|---|---|---|---|
| `FS_Combas.csv` (UTF-8) | `Stkcd` | 证券代码 | | key |
| | `Accper` | 会计期间 | | key (keep `-12-31`) |
| | `Typrep` | 报表类型 | | keep `A` |
| | `A001000000` | 资产总计 | 元 | denominator of FixedAssetsRatio, IntangibleAssetsRatio, EquityMultiplierRec; mean_lag → AssetTurnover |
| | `A001212000` | 固定资产净额 | 元 | FixedAssetsRatio |
| | `A001218000` | 无形资产净额 | 元 | IntangibleAssetsRatio |
| | `A003000000` | 所有者权益合计 | 元 | EquityMultiplierRec |
| `FS_Comins.csv` (**GBK**) | `Stkcd`, `Accper`, `Typrep` | 证券代码, 会计期间, 报表类型 | | keys, as above |
| | `B001100000` | 营业总收入 | 元 | (alternative revenue) |
| | `B001101000` | 营业收入 | 元 | denominator of the R&D ratios; AssetTurnover numerator |
| | `B001216000` | 研发费用 | 元 | R&D intensity (optional) |
| `PT_LCRDSPENDING.csv` | `Symbol` | 股票代码 | | key |
| | `EndDate` | 统计截止日期 | | key |
| | `Source` | 数据来源 | | |
| | `StateTypeCode` | 报表类型编码 | | keep `1` (consolidated; `2` = parent) |
| | `RDPerson` | 研发人员数量 | 人 | RDPersonRatio numerator (with StaffNum) |
| | `RDPersonRatio` | 研发人员数量占比 | % | RDPersonRatio directly (percent) |
| | `RDSpendSum` | 研发投入金额 | 元 | |
| | `RDSpendSumRatio` | 研发投入占营业收入比例 | % | |
| | `RDExpenses` | 研发投入费用化金额 | 元 | |
| | `RDInvest` | 研发投入资本化金额 | 元 | |
| | `Currency` | 货币代码 | | |
| `FN_RDExpenseNature.csv` (table name invented) | `Stkcd`, `Accper`, `Typrep` | | | keys |
| | `RDSalary` | 研发费用-职工薪酬 | 元 | RDPSalaryRatio (÷ B001101000) |
| | `RDDepAmort` | 研发费用-折旧摊销 | 元 | RDPDepAmortRatio |
| | `RDLease` | 研发费用-租赁费 | 元 | RDPLeaseCostsRatio |
| | `RDDirect` | 研发费用-直接投入 | 元 | DirectInvestment |
| | `RDOther`, `RDTotal` | 研发费用-其他, 研发费用合计 | 元 | (check: parts sum to the total) |
| `CG_StaffEducation.csv` (table name invented) | `Stkcd`, `Reptdt` | 证券代码, 统计截止日期 | | keys (`YYYY-12-31`) |
| | `StaffNum` | 在职员工的数量合计 | 人 | denominator of RDPersonRatio, HighEduPersonRatio |
| | `BachelorAbove` | 本科及以上学历人数 | 人 | HighEduPersonRatio |
| | `MasterAbove`, `Doctor`, `BelowBachelor` | 硕士及以上, 博士, 本科以下 | 人 | |
| `FS_Comscf.csv` (cash-flow lines; combined table, name invented) | `Stkcd`, `Accper`, `Typrep` | | | keys |
| | `C001200000` | 经营活动现金流出小计 | 元 | ManufacturCostsRatio (outflow subtotal) |
| | `C001012000` | 购买商品、接受劳务支付的现金 (code invented) | 元 | ManufacturCostsRatio (subtracted) |
| | `C001013000` | 支付给职工以及为职工支付的现金 (code invented) | 元 | ManufacturCostsRatio (subtracted) |
| | `D000103000` | 固定资产折旧… | 元 | ManufacturCostsRatio (added) |
| | `D000104000`, `D000101000` | 无形资产摊销, 资产减值准备 (codes invented) | 元 | ManufacturCostsRatio (added) |
| `STK_IndustryST.csv` (table name invented) | `Stkcd`, `Year` | 证券代码, 年度 | | keys (2018–2021) |
| | `IndustryCode` | 行业代码(证监会行业分类2012年版) | | screens: drop `J*` (finance); manufacturing = `C13`–`C43` |
| | `IndustryName` | 行业名称 | | |
| | `STFlag` | 是否ST或*ST(1=是) | | screen: drop 1 (000858 in 2021) |
| | `ShortName` | 证券简称 | | label (ST firms get an `ST` prefix) |
| `companyfacts_CIK0001987654.json` | SEC companyfacts layout: `facts.us-gaap.{Assets, Revenues, ResearchAndDevelopmentExpense, PropertyPlantAndEquipmentNet, IntangibleAssetsNetExcludingGoodwill, StockholdersEquity}.units.USD[]` with `start`/`end`/`val`/`fy`/`fp`/`form`/`filed`/`frame`; each 10-K re-reports the prior year, so keep the entry whose `end` year is the fiscal year (or that has a `frame`) | | | US firm's financials (CIK `0001987654`, FY2018–2021) |

Industries: J66 banks 000001, 600000, 601398; K70 real estate 000002; C15 000858, 600519; C38 000651; C39 002415,
688981; I64 300059; I65 002230, 300617.

## Planted keywords (the generator's own semantics)

Counts are of the 76 words of Wu et al. (2021) in each report's whole match text (contract text rules: visible
text, NFKC, whitespace next to CJK removed), **leftmost-longest, non-overlapping** (移动互联网 counts once, not also
as 移动互联); `independent` counts each keyword on its own (移动互联网 also counts 移动互联). Categories, decided by
the generator's self-check on the text it wrote:
**negated** = one of 没 无 不 未 among the 6 characters before the keyword within the same clause
(没有使用人工智能, 未采用区块链, 不涉及…, 尚无…); **context** = 客户, 股东, 供应商 or 曾任 (executive biography)
earlier in the same sentence; **entity** = the keyword is part of a company name ending in 有限公司; everything
else is plain (incl. **fullwidth** forms, which NFKC maps to the keyword). `mdna` = planted inside the MD&A.
`split` (txt files) = mentions with a hard line break inside them. Per-keyword detail: `expected/planted_counts.csv`.
These are the generator's rules, not necessarily nqp's defaults (negation window, exclusion rules and match mode are
nqp settings); with `mode: longest` and no negation/context exclusion, nqp's full-report total should equal `total`.

"""


def write_readme(rows, us_rows):
    o = [README_HEAD]
    o.append("| file | firm | year | format | encoding | MD&A heading | total | independent | mdna | negated | "
             "context | entity | fullwidth | split | match chars |\n")
    o.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n")
    for x in sorted(rows, key=lambda x: (x["firm"], x["year"])):
        o.append("| `%s` | %s | %d | %s | %s | %s | %d | %d | %d | %d | %d | %d | %d | %s | %d |\n" % (
            x["file"].split("/")[-1], x["firm"], x["year"], x["format"], x["encoding"], x["mdna_heading"],
            x["total"], x["independent"], x["mdna"], x["negated"], x["context"], x["entity"], x["fullwidth"],
            x["split"] if x["format"] == "txt" else "–", x["chars"]))
    o.append("\nUS documents: English terms (case-insensitive whole words; our own list: %s), "
             "planted only in lower case mid-sentence (or their canonical spelling), never in the hidden `ix:header`.\n\n"
             % ", ".join(EN_TERMS))
    o.append("| file | document | terms (total) | in Item 7 |\n|---|---|---|---|\n")
    for path, desc, terms, mdna_terms in us_rows:
        o.append("| `%s` | %s | %d | %d |\n" % (path.split("/")[-1], desc, len(terms), len(mdna_terms)))
    o.append("\nThe XBRL instance has no Item 7; its terms are in the text block. Per-term detail: "
             "`expected/us_terms.csv`.\n")
    with open(os.path.join(HERE, "README.md"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("".join(o))


if __name__ == "__main__":
    main()
