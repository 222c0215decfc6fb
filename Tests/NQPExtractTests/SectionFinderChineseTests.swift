import Testing
@testable import NQPExtract

@Suite("Sections: Chinese MD&A headings")
struct SectionFinderChineseTests {
    typealias T = SectionTestText

    @Test("第X节: the table-of-contents entry and a cross-reference are skipped; the chapter ends at the next 节")
    func chapterJie() throws {
        let layout = """
        某某股份有限公司 2021 年年度报告
        目录
        第一节 重要提示、目录和释义 .................... 2
        第三节 管理层讨论与分析 ........................ 10
        第四节 公司治理 ................................ 40
        第一节 重要提示、目录和释义
        公司经营风险，具体详见本报告
        第三节 管理层讨论与分析”中的“风险因素”。
        \(T.prose("提示", lines: 10))
        第三节 管理层讨论与分析
        一、概述
        \(T.prose("主营", lines: 40))
        第四节 公司治理
        \(T.prose("治理", lines: 10))
        """
        let (result, text, _) = T.find(layout)
        let section = try #require(result.section)
        #expect(result.warnings.isEmpty)
        #expect(section.heading == "第三节 管理层讨论与分析")
        let body = try #require(text)
        #expect(body.hasPrefix("第三节管理层讨论与分析一、概述本公司主营业务第1段"))
        #expect(body.hasSuffix("本公司主营业务第40段,报告期内持续推进数字化转型与智能制造升级,经营稳健发展。"))
        #expect(!body.contains("治理"))
        #expect(section.chars == section.end - section.start)
    }

    @Test("第X章 with the title on the next line; running page headers neither start nor end the section")
    func chapterZhangWithRunningHeaders() throws {
        let layout = """
        第三章
        管理层讨论与分析.......................... 23
        第四章
        公司治理.................................. 40
        第二章
        会计数据和财务指标
        \(T.prose("指标", lines: 5))
        第三章
        管理层讨论与分析
        23
        平安银行股份有限公司
        2024 年年度报告
        第三章
        管理层讨论与分析
        3.1 总体经营情况
        \(T.prose("零售", lines: 20))
        第三章
        管理层讨论与分析
        24
        平安银行股份有限公司
        2024 年年度报告
        \(T.prose("对公", lines: 20))
        第三章 管理层讨论与分析 25 平安银行股份有限公司 2024年年度报告
        \(T.prose("资金", lines: 5))
        第四章
        公司治理
        26
        平安银行股份有限公司
        2024 年年度报告
        第四章
        公司治理
        4.1 公司治理的基本状况
        \(T.prose("治理", lines: 5))
        """
        let (result, text, _) = T.find(layout)
        let section = try #require(result.section)
        #expect(section.heading == "第三章 管理层讨论与分析")
        let body = try #require(text)
        #expect(body.hasPrefix("第三章管理层讨论与分析3.1总体经营情况"))
        #expect(body.contains("对公业务第20段"))
        #expect(body.contains("资金业务第5段"))
        #expect(!body.contains("公司治理"), "the closing chapter's running header is left out")
        #expect(!body.contains("治理业务"))
    }

    @Test("a one-line running header is recognised as a running header")
    func inlineRunningHeader() throws {
        let layout = """
        第三章 管理层讨论与分析 23 平安银行股份有限公司 2024年年度报告
        \(T.prose("前言", lines: 40))
        第三章 管理层讨论与分析
        3.1 总体经营情况
        \(T.prose("零售", lines: 40))
        第四章 公司治理
        """
        let (result, text, _) = T.find(layout)
        #expect(result.section != nil)
        #expect(try #require(text).hasPrefix("第三章管理层讨论与分析3.1总体经营情况"))
    }

    @Test("H-share 7. style: subsections 7.1 and numbered list items do not end it; it ends at 8.")
    func arabicStyle() throws {
        let layout = """
        7. 讨论与分析 .......................... 23
        7.1 环境与展望 ......................... 23
        8. 股本变动及股东情况 ................... 96
        本行报告期内的利润情况详情参见“讨论与分析—
        财务报表分析”。
        参见“讨论与分析—风险管理”
        6. 领导致辞
        \(T.prose("致辞", lines: 5))
        7. 讨论与分析
        7.1 环境与展望
        \(T.prose("环境", lines: 20))
        1. 国家持股
        2. 加强风险管理
        7.2 财务报表分析
        8.60
        \(T.prose("财务", lines: 20))
        8. 股本变动及股东情况
        8.1 普通股情况
        \(T.prose("股本", lines: 5))
        11. 董事会报告
        \(T.prose("董事会", lines: 40))
        """
        let (result, text, _) = T.find(layout)
        let section = try #require(result.section)
        #expect(section.heading == "7. 讨论与分析")
        let body = try #require(text)
        #expect(body.hasPrefix("7.讨论与分析7.1环境与展望"))
        #expect(body.contains("2.加强风险管理7.2财务报表分析8.60"))
        #expect(!body.contains("股本"))
    }

    @Test("old reports: the whole 董事会报告 chapter is taken, including 公司未来发展的展望")
    func boardReport() throws {
        let layout = """
        第九节 董事会报告......................................2
        第十节 监事会报告......................................2
        第八节 股东大会情况简介
        \(T.prose("股东大会", lines: 3))
        第九节    董事会报告
        （一）报告期内经营情况的讨论与分析
        \(T.prose("经营", lines: 30))
        （二）公司未来发展的展望
        \(T.prose("展望", lines: 5))
        （三）董事会日常工作情况
        \(T.prose("董事会", lines: 3))
        第十节    监事会报告
        \(T.prose("监事会", lines: 5))
        """
        let (result, text, _) = T.find(layout)
        let section = try #require(result.section)
        #expect(section.heading == "第九节 董事会报告" || section.heading == "第九节    董事会报告")
        let body = try #require(text)
        #expect(body.hasPrefix("第九节董事会报告(一)报告期内经营情况的讨论与分析"))
        #expect(body.contains("公司未来发展的展望"))
        #expect(body.contains("董事会业务第3段"))
        #expect(!body.contains("监事会"))
    }

    @Test("经营情况讨论与分析 and 董事局报告 are MD&A titles; a later 董事会报告 chapter is not taken over the first")
    func otherTitles() throws {
        let first = "第四节 经营情况讨论与分析\n\(T.prose("经营", lines: 30))\n第五节 重要事项\n\(T.prose("事项", lines: 3))\n"
            + "第九节 董事会报告\n\(T.prose("董事会", lines: 30))\n第十节 监事会报告"
        #expect(T.find(first).0.section?.heading == "第四节 经营情况讨论与分析")
        let board = "第四节 董事局报告\n\(T.prose("经营", lines: 30))\n第五节 重要事项"
        #expect(T.find(board).0.section?.heading == "第四节 董事局报告")
    }

    @Test("a TOC entry without dot leaders, followed closely by the next heading, is skipped")
    func tocByProximity() throws {
        let layout = """
        第三节 管理层讨论与分析
        第四节 公司治理
        第五节 重要事项
        \(T.prose("提示", lines: 5))
        第三节 管理层讨论与分析
        一、概述
        \(T.prose("经营", lines: 30))
        第四节 公司治理
        """
        let (result, text, _) = T.find(layout)
        #expect(result.section != nil)
        #expect(try #require(text).hasPrefix("第三节管理层讨论与分析一、概述本公司经营"))
    }

    @Test("full-width numbering and spaces inside the heading are matched after normalisation")
    func fullWidthHeading() throws {
        let layout = "第 三 节\u{3000}管理层讨论与分析\n\(T.prose("经营", lines: 30))\n第四节　公司治理\n"
        #expect(T.find(layout).0.section?.heading == "第 三 节\u{3000}管理层讨论与分析")
        let arabic = "７．讨论与分析\n７．１环境\n\(T.prose("经营", lines: 30))\n８．股本变动\n"
        #expect(T.find(arabic).0.section != nil)
    }

    @Test("section offsets are match-text scalar offsets of the whole report")
    func offsets() throws {
        let layout = "第一节 重要提示\n（一）ＡＩ 说明\n第三节 管理层讨论与分析\n\(T.prose("经营", lines: 30))\n第四节 公司治理\n治理"
        let (result, _, normalized) = T.find(layout)
        let section = try #require(result.section)
        let scalars = Array(normalized.text.unicodeScalars)
        #expect(section.start == "第一节重要提示(一)AI说明".unicodeScalars.count)
        #expect(String(String.UnicodeScalarView(scalars[section.start..<section.start + 11])) == "第三节管理层讨论与分析")
        #expect(String(String.UnicodeScalarView(scalars[section.end...])) == "第四节公司治理治理")
    }

    @Test("no MD&A heading gives a warning and no section")
    func missing() {
        let (result, text, _) = T.find("第一节 重要提示\n\(T.prose("提示", lines: 30))\n第二节 公司简介\n")
        #expect(result.section == nil)
        #expect(text == nil)
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.contains("MD&A not found") == true)
    }

    @Test("an implausibly short MD&A gives a warning and no section")
    func tooShort() {
        let (result, _, _) = T.find("第三节 管理层讨论与分析\n\(T.prose("经营", lines: 3))\n第四节 公司治理\n")
        #expect(result.section == nil)
        #expect(result.warnings.first?.contains("implausibly short") == true)
    }

    @Test("an MD&A without a closing heading runs to the end of the text with a truncation warning")
    func unclosed() throws {
        let (result, text, _) = T.find("第三节 管理层讨论与分析\n\(T.prose("经营", lines: 30))")
        #expect(result.section != nil)
        #expect(try #require(text).hasSuffix("经营业务第30段,报告期内持续推进数字化转型与智能制造升级,经营稳健发展。"))
        #expect(result.warnings.first?.contains("no closing heading") == true)
    }
}
