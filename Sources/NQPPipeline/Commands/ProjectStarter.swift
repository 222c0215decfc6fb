import Foundation
import NQPConfig
import NQPEncoding
import NQPExtract
import NQPLexicon

/// `nqp init [FOLDER]`: a starter project — a commented `pipeline.yml` with every section and its defaults,
/// `reports/` (with one small fictitious example report, so `nqp run` works at once) and `financials/`, each
/// with a README line. Never overwrites: when any of its files exists, nothing is written.
public enum ProjectStarter {
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// A file the starter would write already exists.
        case exists(path: String)
        /// The folder cannot be created or a file cannot be written.
        case cannotWrite(path: String, reason: String)

        public var description: String { diagnostics.map(\.oneLine).joined(separator: "\n") }
    }

    /// The example report's file name: the default file-name pattern reads firm 999999 (no listed company has
    /// that code) and fiscal year 2023 from it.
    public static let exampleReportName = "999999_2023_example.html"

    /// The files of the starter, relative to its folder, in writing order.
    static var files: [(path: String, text: String)] {
        [
            ("pipeline.yml", pipelineYAML),
            ("reports/README.md", "Put annual reports here (HTML, XHTML/inline XBRL, XBRL, text, each possibly .gz; zip archives), named like 000001_2023_name.html so firm and year are found, or list them in a manifest CSV (reports.manifest); \(exampleReportName) is a fictitious example — delete it.\n"),
            ("reports/\(exampleReportName)", exampleReport),
            ("financials/README.md", "Put financial data here (CSV, TSV, Stata .dta, .xlsx or SEC companyfacts JSON) and list each file under financials.sources in ../pipeline.yml.\n"),
        ]
    }

    /// Writes the starter into `folder` (created when missing). Checks every file first, so an existing file
    /// stops the command before anything is written. Returns the paths written.
    @discardableResult
    public static func write(into folder: URL) throws(Failure) -> [String] {
        let manager = FileManager.default
        for file in files {
            let url = folder.appendingPathComponent(file.path)
            if manager.fileExists(atPath: url.path) { throw .exists(path: url.path) }
        }
        var written: [String] = []
        for file in files {
            let url = folder.appendingPathComponent(file.path)
            do {
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            } catch {
                throw .cannotWrite(path: url.deletingLastPathComponent().path, reason: FileErrorReason.describe(error))
            }
            do {
                try Data(file.text.utf8).write(to: url, options: .withoutOverwriting)
            } catch {
                if manager.fileExists(atPath: url.path) { throw .exists(path: url.path) }
                throw .cannotWrite(path: url.path, reason: FileErrorReason.describe(error))
            }
            written.append(url.path)
        }
        return written
    }

    /// The commands to run next, for a starter written into `folder` as the user typed it.
    public static func nextCommands(folder: String) -> [String] {
        let cd = folder == "." || folder.isEmpty ? "" : "cd \(shellQuoted(folder)) && "
        let commands = [
            ("\(cd)nqp run", "reads reports/, writes out/ (panel.dta, panel.csv, counts.csv, …)"),
            ("nqp count reports --kwic 10", "every keyword hit with 10 characters of context"),
            ("nqp validate", "after editing pipeline.yml: checks every key, file and formula"),
        ]
        let width = commands.map(\.0.count).max() ?? 0
        return commands.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "   # " + $0.1 }
    }

    static func shellQuoted(_ text: String) -> String {
        text.allSatisfy { $0.isLetter || $0.isNumber || "/._-".contains($0) } ? text
            : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    // MARK: file contents

    /// A YAML flow list of double-quoted strings (JSON string syntax is valid YAML).
    static func list(_ items: [String]) -> String {
        "[" + items.map(quoted).joined(separator: ", ") + "]"
    }

    static func quoted(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\\/", with: "/")
    }

    static var pipelineYAML: String {
        let reports = ReportsConfig()
        let sections = SectionPatterns()
        let counting = CountingConfig()
        let negation = counting.options.negation
        let exclusion = counting.options.exclusion
        let scoring = ScoringConfig().options
        let output = OutputConfig()
        let styles = sections.headingStyles.map { "\n    - {name: \(quoted($0.name)), pattern: \(quoted($0.pattern))}" }
            .joined()
        return """
        # nqp starter pipeline (written by `nqp init`). Every key is optional; the values below are the defaults
        # unless a comment says otherwise. Paths are relative to this file. README.md of nqp, "Configuration
        # reference", documents each key with its source. `nqp validate` checks this file; `nqp run` runs it.

        reports:
          paths: [reports]                  # report files or folders, searched recursively (default: [samples])
          include: \(list(reports.include))   # file-name patterns read
          exclude: []                       # file-name patterns skipped
          encoding: \(reports.encoding)                    # auto: BOM, declared charset, valid UTF-8, else GB18030; or a label such as gb18030
          parser: \(reports.parser.rawValue)                      # fast (nqp's HTML scanner) or libxml2 (the reference parser; same text)
          # manifest: manifest.csv          # CSV file,firm,year for reports whose name does not say firm and year
          filename_patterns: \(list(reports.filenamePatterns))
                                            # regular expressions with named groups firm and year, tried in order
          use_xbrl_facts: \(reports.useXBRLFacts)              # inline XBRL / XBRL dei: facts identify 10-K filings
          # firm_width: 6                   # zero-pad numeric firm ids (A-share codes that lost their zeros)
          duplicates: \(reports.duplicates.rawValue)                # several reports for one firm-year: latest, first or error
          minimum_mdna_chars: \(reports.minimumMdnaChars)          # a shorter MD&A counts as not found (with a warning)

        sections:                           # how the MD&A (management discussion and analysis) is found
          mdna_titles: \(list(sections.mdnaTitles))
          heading_styles:                   # chapter headings; the MD&A ends at the next heading of its own style\(styles)
          us_start_items: \(list(sections.usStartItems))             # 10-K item that starts the MD&A
          us_end_items: \(list(sections.usEndItems))          # 10-K items that end it
          cross_reference_markers: \(list(sections.crossReferenceMarkers))
                                            # text before a heading that makes it a cross-reference, not the chapter
          reference_words: \(list(sections.referenceWords))
                                            # words before "Item 7" that make it an in-text reference

        counting:
          dictionaries: [\(counting.dictionaries.joined(separator: ", "))]   # built-in names (`nqp dict list`; wu2021 = Wu et al. 2021) or file paths
          scope: \(counting.scope.rawValue)                       # full (the whole report, as Wu et al. 2021) or mdna
          mode: \(counting.options.mode.rawValue)                     # longest (nested keywords count once) or independent (each keyword like str.count)
          negation:
            enabled: \(negation.enabled)                   # hits preceded by a negation word are reported as negated, not counted
            words: \(list(negation.words))
            window: \(negation.window)                       # characters allowed between the negation word and the hit
            exceptions: \(list(negation.exceptions))
          exclusion:
            enabled: \(exclusion.enabled)                  # hits in sentences about customers, suppliers, shareholders
            sentence_words: \(list(exclusion.sentenceWords))
          strip: []                         # entity names masked before matching, e.g. [电子商务有限公司]
          excluded_chapters: []             # chapters whose hits are excluded, e.g. [董事、监事、高级管理人员和员工情况]
          kwic: \(counting.kwic)                           # characters of context per hit in kwic.csv; 0 = no kwic.csv
          columns: {}                       # rename output columns: {dictionary name: {category: column}}

        financials:
          sources: []                       # financial inputs; an example (CSMAR balance-sheet export):
          # - name: balance
          #   path: financials/FS_Combas.csv
          #   header: csmar                 # field code, Chinese label, unit rows
          #   firm: Stkcd
          #   firm_width: 6
          #   date: Accper                  # 2023-12-31 → fiscal year 2023
          #   filters: {Typrep: [A]}        # consolidated statements
          #   renames: {A001000000: total_assets}
          merge:
            how: left_text                  # inner, left_text, left_financials or outer
            # firm_column: stkcd            # names of the panel's key columns (default firm, year)
            # year_column: fyear
            # status_column: _merge         # add matched / text_only / financials_only
          indicators: {}                    # derived variables, e.g. {roa: {formula: "net_profit / total_assets", label: "ROA", unit: "ratio"}}
          # screens:                        # sample screens, applied in this order
          #   year_range: {from: 2019, to: 2023}
          #   industry: {column: industry, drop: [J]}
          #   special_treatment: {column: st, values: ["1"]}
          #   b_shares: {prefixes: ["200", "900"]}
          #   require_variables: [total_assets]
          #   winsorize: {variables: [roa], lower: 1, upper: 99, by: pooled}

        scoring:
          systems: []                       # entropy-weighted scores; an example:
          # - name: nqp
          #   label: "New quality productive forces"
          #   indicators: [{name: roa, direction: "+"}, {name: rd_intensity, direction: "+"}]
          method: \(scoring.method.rawValue)                   # or entropy_topsis
          weighting: \(scoring.weighting.rawValue)                 # pooled (all years together) or by_year
          # base_year: 2019                 # min and max of this year standardise every year
          standardize: \(scoring.standardize.rawValue)               # minmax, max, sum or none
          shift: \(scoring.shift)                     # added to standardised values before p
          shift_applies_to: \(scoring.shiftAppliesTo.rawValue)    # or none
          scale: \(formatNumber(scoring.scale))                          # multiply scores, e.g. 100
          aggregation: \(scoring.aggregation.rawValue)       # dimensions: sum_of_weights or entropy
          missing: \(scoring.missing.rawValue)          # or interpolate

        output:
          folder: \(output.folder)                       # where the panel and reports are written
          dataset_label: \(quoted(output.datasetLabel))
          value_labels: {}                  # Stata value labels, e.g. {st: {"0": "not ST", "1": "ST or *ST"}}
          sqlite: \(output.export.sqlite)                     # also write panel.sqlite
          base_name: \(output.export.baseName)                  # panel.dta, panel.csv, panel_import.do, …
          # sort_columns: [firm, year]     # .dta sort order; default: the merge key columns
          compact_integers: \(output.export.compactIntegers)            # byte/int/long columns in the .dta (else all double)
          neutralize_formulas: \(output.export.neutralizeFormulas)         # prefix text cells starting with = + - @ with ' in panel.csv

        run:
          jobs: \(RunConfig().jobs)                           # workers for extract and count; 0 = the number of cores

        """
    }

    static func formatNumber(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// A small fictitious annual report (UTF-8 HTML) with a table of contents, an MD&A chapter, a few keywords of
    /// the default dictionary and one negated mention, so the first `nqp run` has something to count.
    static let exampleReport = """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head><meta charset="utf-8"><title>示例数智股份有限公司 2023年年度报告（虚构示例）</title></head>
        <body>
        <p>示例数智股份有限公司 2023年年度报告</p>
        <p>本文件是 nqp init 生成的虚构示例，公司、人物与数字均为虚构。This is a fictitious example report.</p>
        <h2>第一节 重要提示、目录和释义</h2>
        <p>本公司董事会保证年度报告内容的真实、准确、完整。</p>
        <h2>第二节 公司简介和主要财务指标</h2>
        <p>公司主要从事工业软件与设备的研发、生产和销售。</p>
        <h2>第三节 管理层讨论与分析</h2>
        <p>一、报告期内公司从事的主要业务。报告期内，公司持续推进数字化转型，将人工智能与机器学习用于生产排程，\
        建设工业互联网平台，并以大数据分析支持质量管理。公司的云计算平台已覆盖全部生产基地，设备状态通过物联网实时采集。</p>
        <p>二、核心竞争力分析。公司在智能制造领域积累了较强的研发能力，数据中心与云服务的投入逐年增加。\
        公司目前没有区块链相关业务。</p>
        <p>三、主营业务分析。报告期内，公司实现营业收入十二亿元，同比增长百分之八；营业成本九亿元，同比增长百分之六，\
        毛利率较上年提高一点五个百分点。收入增长主要来自华东与华南地区的新增订单，其中装备类产品收入占比过半，\
        配套服务收入稳步增长。销售费用、管理费用与上年基本持平，财务费用因借款减少而下降。</p>
        <p>四、资产及负债状况分析。报告期末，公司总资产二十五亿元，较上年末增长百分之五；归属于上市公司股东的净资产\
        十六亿元。应收账款余额随收入增长有所增加，公司已加强客户信用管理与回款考核。存货周转天数较上年缩短，\
        在建工程主要为新厂房建设项目，预计明年第二季度投入使用。公司资产负债率保持在合理水平。</p>
        <p>五、投资状况分析。报告期内，公司新设一家全资子公司，负责华南地区的销售与售后服务；对原有生产线进行了\
        节能改造，改造完成后单位产品能耗明显下降。公司未进行证券投资与衍生品投资，募集资金按计划使用。</p>
        <p>六、公司面临的风险和应对措施。原材料价格波动可能影响毛利率，公司通过长期协议与集中采购控制成本；\
        行业竞争加剧可能影响订单价格，公司将以产品质量与交付能力保持竞争优势；汇率变动可能影响出口业务利润，\
        公司将根据业务需要审慎开展外汇套期保值。</p>
        <p>七、主要控股参股公司分析。华南销售子公司报告期内实现营业收入一点八亿元，净利润一千二百万元；华东制造子公司\
        实现营业收入四点六亿元，净利润五千三百万元，其产能利用率较上年提高。参股的零部件企业经营稳定，\
        报告期内按权益法确认投资收益三百万元。公司对子公司的财务、采购与质量实行统一管理，定期开展内部审计。</p>
        <p>八、研发投入与人员情况。报告期内，公司研发投入九千万元，占营业收入的百分之七点五；研发人员二百一十人，\
        占员工总数的百分之十八，其中硕士及以上学历六十人。公司新获授权发明专利十二项、实用新型专利三十项，\
        参与起草行业标准两项。研发项目主要围绕产品轻量化、降低噪声与延长使用寿命展开，部分成果已实现量产。</p>
        <p>九、公司未来发展的展望。公司将继续加大研发投入，推动电子商务渠道建设与移动互联网营销，完善售后服务网络，\
        提升产品的可靠性与交付效率，力争下一年度营业收入保持稳定增长。</p>
        <h2>第四节 公司治理</h2>
        <p>公司严格按照法律法规的要求规范运作。</p>
        </body>
        </html>

        """
}
