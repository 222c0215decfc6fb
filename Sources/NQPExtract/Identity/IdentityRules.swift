import Foundation
import NQPEncoding

/// Where a report's firm and year come from (README "Firm and year"; `reports:` keys in pipeline.yml), tried in this order:
/// 1. `manifest` — the pipeline's manifest CSV (`file,firm,year`), keyed by file path or file name;
/// 2. `filenamePatterns` — regular expressions (NSRegularExpression syntax) with named groups `firm` and
///    `year`, matched against the file name (the first that matches wins);
/// 3. XBRL `dei:` facts when `useXBRLFacts`: `EntityCentralIndexKey` → firm, `DocumentFiscalYearFocus` → year,
///    else the year of `DocumentPeriodEndDate`.
/// Firm ids are strings, never numbers (`000001` stays `000001`).
public struct IdentityRules: Equatable, Sendable {
    /// File path or file name → firm and year. Filled by the pipeline from the manifest CSV (the configuration
    /// names the CSV). The other rules are `reports:` keys, declared in NQPConfig's schema.
    public var manifest: [String: ManifestEntry]
    public var filenamePatterns: [String]
    public var useXBRLFacts: Bool
    /// Left-pads all-digit firm ids from the manifest or the file name with zeros to this width (6 for A-share
    /// codes that lost their zeros in a spreadsheet); nil keeps them as given. CIKs are always 10 digits.
    public var firmWidth: Int?
    /// How an SEC header's period of report (or a 10-K cover's fiscal-year end) becomes the year
    /// (`reports.fiscal_year_rule`; the financial sources' rule of the same name, so both sides merge).
    public var fiscalYearRule: FiscalYearRule = .compustat

    /// `000001_2019_…`, `000001-2019…`, `600000_2019.html`, `300617_AKZD_2019_annual_report.html`, and cninfo
    /// download names `2020-01-21__公司名__300617__简称__2019年__年度报告.html` (the fiscal year, not the
    /// publication date).
    public static let defaultFilenamePatterns = [
        "__(?<firm>[0-9]{6})__[^_]*__(?<year>(19|20)[0-9]{2})年?__",
        "^(?<firm>[0-9]{6})[_-](?<year>(19|20)[0-9]{2})(?![0-9])",
        "^(?<firm>[0-9]{6})[_-][A-Za-z][A-Za-z0-9]*[_-](?<year>(19|20)[0-9]{2})(?![0-9])",
    ]

    public init(manifest: [String: ManifestEntry] = [:],
                filenamePatterns: [String] = IdentityRules.defaultFilenamePatterns,
                useXBRLFacts: Bool = true, firmWidth: Int? = nil) {
        self.manifest = manifest
        self.filenamePatterns = filenamePatterns
        self.useXBRLFacts = useXBRLFacts
        self.firmWidth = firmWidth
    }

    /// Problems a user must fix, each naming the key, what is wrong and what to do; empty when valid.
    public func problems() -> [String] {
        var problems: [String] = []
        for (index, pattern) in filenamePatterns.enumerated() {
            let key = "filename_patterns[\(index)]"
            do {
                let regex = try NSRegularExpression(pattern: pattern)
                if RegexBudget.catastrophic(regex) {
                    problems.append("\(key): \(pattern) backtracks catastrophically (nested quantifiers such as "
                        + "(\\w+)+ need exponential time on a name that almost matches); rewrite it without nested repetition")
                }
            } catch {
                problems.append("\(key): \(pattern) is not a valid regular expression; fix its syntax "
                    + "(ICU / NSRegularExpression, named groups are written (?<name>…))")
                continue
            }
            for group in ["firm", "year"] where !pattern.contains("(?<\(group)>") {
                problems.append("\(key): \(pattern) has no named group (?<\(group)>…); add one, e.g. "
                    + (group == "firm" ? "(?<firm>[0-9]{6})" : "(?<year>(19|20)[0-9]{2})"))
            }
        }
        return problems
    }
}

/// One manifest row: the firm id (a string) and the fiscal year of a report.
public struct ManifestEntry: Codable, Equatable, Sendable {
    public var firm: String
    public var year: Int

    public init(firm: String, year: Int) {
        self.firm = firm
        self.year = year
    }
}

/// Which firm and fiscal year a report belongs to, and which rule decided.
public struct ReportIdentity: Sendable, Codable, Equatable {
    public var firm: String?
    public var year: Int?
    /// The SEC form type (`10-K`, `10-K405`, `10-K/A`) from the SEC header or the `dei:DocumentType` fact.
    public var formType: String?
    /// The company name from the SEC header (`COMPANY CONFORMED NAME`) or `dei:EntityRegistrantName`.
    public var company: String?
    /// The filing date (`FILED AS OF DATE`, `YYYY-MM-DD`); orders amendments and duplicates.
    public var filed: String?
    /// Which rules gave firm and year (`filename`, `filename+xbrl`, `none` …).
    public var route: IdentityRoute

    public init(firm: String?, year: Int?, route: IdentityRoute) {
        self.firm = firm
        self.year = year
        self.route = route
    }

    /// Both firm and year are known.
    public var isComplete: Bool { firm != nil && year != nil }
}
