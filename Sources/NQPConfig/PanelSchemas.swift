import NQPPanel

// The `pipeline.yml` keys of the panel stage's option types (`financials:`). NQPPanel keeps its types free of the
// configuration format; their defaults are their initialisers'.

extension FinancialSource: ConfigSchemaDescribed, Decodable {
    public init(from decoder: any Decoder) throws { self = try Self.decoded(from: decoder) }

    public static var schema: ConfigSchema<FinancialSource> {
        ConfigSchema(defaults: FinancialSource(name: "", path: ""), [
            .required("name", \.name, doc: "short name for reports"),
            .required("path", \.path, doc: "the file"),
            .optional("format", \.format, doc: "`csv`, `tsv`, `dta`, `xlsx`, `companyfacts`", shown: "by extension"),
            .optional("sheet", \.sheet, doc: "`.xlsx` sheet name", shown: "first"),
            .key("max_inflated_mb", \.maxInflatedMB, doc: "`.xlsx`: largest part of the package once inflated, in MiB; "
                + "beyond it the source is refused (a decompression bomb), see [Limits](#limits)"),
            .optional("delimiter", \.delimiter, doc: "one character, or `tab`, `comma`, `semicolon`, `pipe`, `soh`",
                      shown: "`,` (csv), tab (tsv)"),
            .optional("encoding", \.encoding, doc: "BOM, then valid UTF-8, else GB18030 (CSMAR and Wind exports are "
                + "often GBK)", shown: "sniffed"),
            .key("header", \.header, doc: "`single`, `csmar` (three header rows: field code, Chinese label, unit — kept "
                + "as labels and units) or `auto`"),
            .key("firm", \.firm, doc: "firm id column (not for companyfacts)", shown: "required"),
            .optional("firm_width", \.firmWidth, doc: "zero-pad numeric codes (`1` and `1.0` → `000001`); the count of "
                + "normalised codes is reported"),
            .optional("year", \.year, doc: "fiscal-year column; give one of `year` and `date`", shown: "one required"),
            .optional("date", \.date, doc: "period-end date column (`Accper` 2019-12-31 → 2019)", shown: "one required"),
            .key("fiscal_year_end_month", \.fiscalYearEndMonth, doc: "month the fiscal year ends"),
            .key("fiscal_year_rule", \.fiscalYearRule, doc: "for non-December year ends: `compustat` (`fyear` = year of "
                + "the end date, minus 1 when the month is January–May) or `end_year` (the year of the end date)"),
            .key("annual_only", \.annualOnly, doc: "with `date`: keep rows dated in the fiscal-year-end month only"),
            .key("filters", \.filters, doc: "column → kept values (`Typrep: [A]`, `StateTypeCode: [\"1\"]`)"),
            .key("renames", \.renames, doc: "source column → panel variable"),
            .optional("keep", \.keep, doc: "columns to keep", shown: "all"),
            .key("text_columns", \.textColumns, doc: "columns kept as text (industry codes, names)"),
            .key("scale", \.scale, doc: "variable → factor"),
            .key("missing_codes", \.missingCodes, doc: "extra missing-value codes (`\"-1\"`), added to the "
                + "[built-in list](#missing-value-codes)"),
            .key("column_missing_codes", \.columnMissingCodes, doc: "per-column missing codes"),
            .key("default_missing_codes", \.defaultMissingCodes, doc: "use the [built-in codes](#missing-value-codes)"),
            .key("duplicates", \.duplicates, doc: "a repeated (firm, year) key: `error` (lists them), `first`, `last` or "
                + "`mean`"),
            .key("labels", \.labels, doc: "override variable labels"),
            .key("units", \.units, doc: "override variable units"),
            .key("concepts", \.concepts, doc: "companyfacts: which facts to take"),
            .key("taxonomy", \.taxonomy, doc: "companyfacts: the taxonomy of the concepts"),
            .key("unit", \.unit, doc: "companyfacts: the unit of measure"),
            .key("forms", \.forms, doc: "companyfacts: forms whose facts count as annual"),
        ])
    }
}

extension MergeOptions: ConfigSchemaDescribed, Decodable {
    public init(from decoder: any Decoder) throws { self = try Self.decoded(from: decoder) }

    public static var schema: ConfigSchema<MergeOptions> {
        ConfigSchema(defaults: MergeOptions(), [
            .key("how", \.how, doc: "`inner`, `left_text`, `left_financials` or `outer`"),
            .key("firm_column", \.keyColumns.firm, doc: "name of the panel's firm key column (e.g. `stkcd`) in "
                + "`panel.dta`, `panel.csv`, `panel.sqlite`, `merge_unmatched.csv` and the `.dta` sort order "
                + "([Panel columns](#panel-columns))"),
            .key("year_column", \.keyColumns.year, doc: "name of the panel's year key column (e.g. `fyear`), in the "
                + "same files as `firm_column`"),
            .optional("status_column", \.statusColumn, doc: "add a `_merge`-like text column (`matched`, "
                + "`text_only`, `financials_only`)"),
        ])
    }
}

extension CrosswalkConfig: ConfigSchemaDescribed, Decodable {
    public init(from decoder: any Decoder) throws { self = try Self.decoded(from: decoder) }

    public static var schema: ConfigSchema<CrosswalkConfig> {
        ConfigSchema(defaults: CrosswalkConfig(path: ""), [
            .required("path", \.path, doc: "the crosswalk CSV"),
            .key("from", \.from, doc: "column with the id as it appears in the inputs"),
            .key("to", \.to, doc: "column with the id the panel should use"),
            .optional("start_year", \.startYear, doc: "column with the first year a mapping applies to"),
            .optional("end_year", \.endYear, doc: "column with the last year a mapping applies to"),
            .optional("from_width", \.fromWidth, doc: "zero-padding of all-digit ids on the `from` side"),
            .optional("to_width", \.toWidth, doc: "zero-padding of all-digit ids on the `to` side"),
            .optional("apply_to", \.applyTo, doc: "inputs the crosswalk applies to, by source name (`text` = the text "
                + "measures)", shown: "all"),
            .optional("delimiter", \.delimiter, doc: "as for sources"),
            .optional("encoding", \.encoding, doc: "as for sources"),
        ])
    }
}

extension IndicatorDefinition: ConfigSchemaDescribed, Decodable {
    public init(from decoder: any Decoder) throws { self = try Self.decoded(from: decoder) }

    public static var schema: ConfigSchema<IndicatorDefinition> {
        ConfigSchema(defaults: IndicatorDefinition(name: "", formula: ""), [
            .key("name", \.name, doc: "the indicator's name (the key, when indicators are a mapping)"),
            .required("formula", \.formula, doc: "the formula"),
            .key("label", \.label, doc: "variable label"),
            .key("unit", \.unit, doc: "unit"),
        ])
    }
}

extension ScreenOptions: ConfigSchemaDescribed, Decodable {
    public init(from decoder: any Decoder) throws { self = try Self.decoded(from: decoder) }

    public static var schema: ConfigSchema<ScreenOptions> {
        ConfigSchema(defaults: ScreenOptions(), [
            .optional("year_range", \.yearRange, doc: "keep these fiscal years"),
            .optional("industry", \.industry, doc: "CSRC-2012 codes: a letter (`J`, all finance), a division (`C27`) or "
                + "a range (`C13-C43`, manufacturing)"),
            .optional("special_treatment", \.specialTreatment, doc: "drop ST / *ST / PT firm-years (`exact` value or "
                + "`prefix` of a short name)"),
            .optional("b_shares", \.bShares, doc: "drop B shares by code prefix (default `200`, `900`)"),
            .key("require_variables", \.requireVariables, doc: "drop firm-years missing any of these"),
            .optional("winsorize", \.winsorize, doc: "winsorise at percentiles `lower`/`upper` (default 1/99), `by: "
                + "pooled` or `year`; cut points go to the manifest"),
        ])
    }
}

extension YearRange: ConfigSchemaDescribed, Decodable {
    public init(from decoder: any Decoder) throws { self = try Self.decoded(from: decoder) }

    public static var schema: ConfigSchema<YearRange> {
        ConfigSchema(defaults: YearRange(), [
            .optional("from", \.from, doc: "first fiscal year kept"),
            .optional("to", \.to, doc: "last fiscal year kept"),
        ])
    }
}

extension IndustryScreen: ConfigSchemaDescribed, Decodable {
    public init(from decoder: any Decoder) throws { self = try Self.decoded(from: decoder) }

    public static var schema: ConfigSchema<IndustryScreen> {
        ConfigSchema(defaults: IndustryScreen(column: ""), [
            .required("column", \.column, doc: "the industry-code column"),
            .key("keep", \.keep, doc: "patterns of codes kept"),
            .key("drop", \.drop, doc: "patterns of codes dropped"),
        ])
    }
}

extension FlagScreen: ConfigSchemaDescribed, Decodable {
    public init(from decoder: any Decoder) throws { self = try Self.decoded(from: decoder) }

    public static var schema: ConfigSchema<FlagScreen> {
        ConfigSchema(defaults: FlagScreen(column: ""), [
            .required("column", \.column, doc: "the flag or short-name column"),
            .key("values", \.values, doc: "flag values that drop a firm-year"),
            .key("match", \.match, doc: "`exact` or `prefix`"),
        ])
    }
}

extension BShareScreen: ConfigSchemaDescribed, Decodable {
    public init(from decoder: any Decoder) throws { self = try Self.decoded(from: decoder) }

    public static var schema: ConfigSchema<BShareScreen> {
        ConfigSchema(defaults: BShareScreen(), [
            .key("prefixes", \.prefixes, doc: "firm-code prefixes of B shares"),
        ])
    }
}

extension WinsorizeOptions: ConfigSchemaDescribed, Decodable {
    public init(from decoder: any Decoder) throws { self = try Self.decoded(from: decoder) }

    public static var schema: ConfigSchema<WinsorizeOptions> {
        ConfigSchema(defaults: WinsorizeOptions(variables: []), [
            .required("variables", \.variables, doc: "variables winsorised"),
            .key("lower", \.lower, doc: "lower percentile"),
            .key("upper", \.upper, doc: "upper percentile"),
            .key("by", \.by, doc: "`pooled` or `year`"),
            .optional("suffix", \.suffix, doc: "write `<variable><suffix>` instead of replacing", shown: "replace"),
        ])
    }
}
