import Foundation
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

        public var description: String {
            switch self {
            case .exists(let path):
                "\(path): already exists; nqp init never overwrites a file — move it away, or run nqp init in an empty folder"
            case let .cannotWrite(path, reason):
                "\(path): cannot write the starter file (\(reason)); check the folder's permissions and free space"
            }
        }
    }

    /// The example report's file name: the default file-name pattern reads firm 999999 (no listed company has
    /// that code) and fiscal year 2023 from it.
    public static let exampleReportName = "999999_2023_example.html"

    /// The files of the starter, relative to its folder, in writing order.
    public static var files: [(path: String, text: String)] {
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
        return [
            "\(cd)nqp run                      # reads reports/, writes out/ (panel.dta, panel.csv, counts.csv, …)",
            "nqp count reports --kwic 10   # every keyword hit with 10 characters of context",
            "nqp validate                  # after editing pipeline.yml: checks every key, file and formula",
        ]
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
          sort_columns: \(list(output.export.sortColumns))
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
        <p>三、公司未来发展的展望。公司将继续加大研发投入，推动电子商务渠道建设与移动互联网营销。</p>
        <h2>第四节 公司治理</h2>
        <p>公司严格按照法律法规的要求规范运作。</p>
        </body>
        </html>

        """
}
