/// The plain values the run report shows, aggregated from the output folder's files (README, "The run report").
/// Nothing here plots every row: per-year and per-keyword aggregates keep the page small for any panel size.
public struct ReportData: Sendable, Equatable {
    public var run: RunInfo?
    /// Set when the run stopped before the panel: the page is then marked incomplete.
    public var incomplete: IncompleteRun?
    public var coverage: Coverage?
    public var text: [DictionaryMeasures] = []
    public var funnel: Funnel?
    public var scores: [ScoreSystem] = []
    /// The most frequent kinds of warning (at most 40) and how many kinds there are in all.
    public var warnings: [WarningKind] = []
    public var warningKindsTotal = 0
    /// Files that were expected but could not be read, with the reason (shown on the page, never fatal).
    public var unreadable: [FileProblem] = []

    public init() {}
}

/// What `nqp run` records in `manifest.json` about itself.
public struct RunInfo: Sendable, Equatable {
    public var version: String
    public var configFile: String
    public var configSHA256: String
    public var startedAt: String
    public var finishedAt: String
    public var stageSeconds: [NamedValue]
    /// new, changed, unchanged, re-counted, retried, failed, removed, quarantined (in that order).
    public var reportCounts: [NamedCount]
    public var exitStatus: Int
    public var firmYears: Int
    /// The run found every input unchanged and kept the last run's outputs (only the manifest was refreshed).
    public var noChange: Bool
    public var scope: String
    public var dictionaries: [DictionaryInfo]

    public init(version: String, configFile: String, configSHA256: String, startedAt: String, finishedAt: String,
                stageSeconds: [NamedValue], reportCounts: [NamedCount], exitStatus: Int, firmYears: Int,
                noChange: Bool, scope: String, dictionaries: [DictionaryInfo]) {
        self.version = version
        self.configFile = configFile
        self.configSHA256 = configSHA256
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.stageSeconds = stageSeconds
        self.reportCounts = reportCounts
        self.exitStatus = exitStatus
        self.firmYears = firmYears
        self.noChange = noChange
        self.scope = scope
        self.dictionaries = dictionaries
    }
}

public struct DictionaryInfo: Sendable, Equatable {
    public var name: String
    /// Category name → panel column (e.g. 人工智能技术 → dt_ai).
    public var categoryColumns: [String: String]
    public init(name: String, categoryColumns: [String: String]) {
        self.name = name
        self.categoryColumns = categoryColumns
    }
}

/// A run that stopped before the panel was written: what is known about it comes from the caller, not a manifest.
public struct IncompleteRun: Sendable, Equatable {
    public var version: String
    public var configFile: String
    public var configSHA256: String
    public var startedAt: String
    public var finishedAt: String
    /// The error that stopped the run, as printed on standard error.
    public var error: String
    /// The process exit status the run ends with (1 failure, 2 configuration or input error).
    public var exitStatus: Int
    public var reportCounts: [NamedCount]

    public init(version: String, configFile: String, configSHA256: String, startedAt: String, finishedAt: String,
                error: String, exitStatus: Int, reportCounts: [NamedCount]) {
        self.exitStatus = exitStatus
        self.version = version
        self.configFile = configFile
        self.configSHA256 = configSHA256
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.error = error
        self.reportCounts = reportCounts
    }
}

public struct NamedValue: Sendable, Equatable {
    public var name: String
    public var value: Double
    public init(_ name: String, _ value: Double) {
        self.name = name
        self.value = value
    }
}

public struct NamedCount: Sendable, Equatable {
    public var name: String
    public var count: Int
    public init(_ name: String, _ count: Int) {
        self.name = name
        self.count = count
    }
}

public struct FileProblem: Sendable, Equatable {
    public var file: String
    public var reason: String
}

/// From `reports.csv` and `errors.csv`.
public struct Coverage: Sendable, Equatable {
    /// Reports with a fiscal year (quarantined ones excluded), per year and format. Formats come from the data.
    public var formats: [String] = []
    public var years: [Int] = []
    /// `perYearFormat[year]![format]` = reports.
    public var perYearFormat: [Int: [String: Int]] = [:]
    public var withoutYear = 0
    /// Identification route (`identified_by` of reports.csv) → reports.
    public var routes: [NamedCount] = []
    /// Reports with an MD&A section found, and all reports, per year.
    public var mdnaFound: [Int: Int] = [:]
    public var reportsPerYear: [Int: Int] = [:]
    public var reports = 0
    public var decodeErrorReports = 0
    public var decodeErrors = 0
    /// Up to 20 reports with the most decode errors.
    public var worstDecoded: [NamedCount] = []
    /// Report status in reports.csv (ok, duplicate …, quarantined) → rows.
    public var statuses: [NamedCount] = []
    /// Rows of errors.csv (up to `quarantineListLimit`) and how many there are in all.
    public var quarantine: [QuarantinedReport] = []
    public var quarantineTotal = 0

    public init() {}
}

public struct QuarantinedReport: Sendable, Equatable {
    public var file: String
    public var stage: String
    public var reason: String
}

/// Text measures of one dictionary.
public struct DictionaryMeasures: Sendable, Equatable {
    public var name: String
    /// The panel column of the index (`dt_index`) and of the total (`dt_total`); nil when not in panel.csv.
    public var indexColumn: String?
    public var totalColumn: String?
    /// Per year over the panel's firm-years with a value: n, mean, median, quartiles, any-mention share.
    public var perYear: [YearStats] = []
    /// Top 20 keywords by counted hits in counts.csv.
    public var keywords: [KeywordTotals] = []
    /// Category → year → counted hits (counts.csv).
    public var categoryYearTotals: [String: [Int: Int]] = [:]
    public var categories: [String] = []
}

public struct YearStats: Sendable, Equatable {
    public var year: Int
    public var n: Int
    public var mean: Double
    public var median: Double
    public var q1: Double
    public var q3: Double
    /// Firm-years with a total above zero (only for text measures).
    public var positive: Int
}

public struct KeywordTotals: Sendable, Equatable {
    public var keyword: String
    public var counted: Int
    public var negated: Int
    public var excluded: Int
}

/// The merge and the screens, from merge_report.csv and the manifest.
public struct Funnel: Sendable, Equatable {
    public var steps: [FunnelStep] = []
    public var cuts: [WinsorCut] = []
}

public struct FunnelStep: Sendable, Equatable {
    public var label: String
    public var count: Int
    public var note: String
}

public struct WinsorCut: Sendable, Equatable {
    public var variable: String
    public var lowerPercentile: Double
    public var lower: Double
    public var upperPercentile: Double
    public var upper: Double
    public var n: Int
    public var clippedLow: Int
    public var clippedHigh: Int
}

/// One score system: weights from weights.csv, distribution from panel.csv, rows left out from the manifest.
public struct ScoreSystem: Sendable, Equatable {
    public var name: String
    public var weights: [WeightLine] = []
    public var years: [String] = []
    public var perYear: [YearStats] = []
    public var scoredRows: Int?
    public var droppedRows: Int?
    /// Panel rows with no score (counted in panel.csv).
    public var missingInPanel = 0
}

/// One indicator or dimension row of weights.csv, its composite weight per weighting year ("" = pooled).
public struct WeightLine: Sendable, Equatable {
    public var level: Int
    public var dimension: String
    public var indicator: String
    public var direction: String
    public var isIndicator: Bool
    public var compositeWeight: [String: Double]
}

/// Warnings of one kind with their count and up to five examples.
public struct WarningKind: Sendable, Equatable {
    public var kind: String
    public var count: Int
    public var examples: [String]
}
