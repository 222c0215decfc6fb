import NQPExport
import NQPExtract
import NQPLexicon
import NQPScore

// The `pipeline.yml` keys of the extract, lexicon, score and export stages' option types. The stage modules keep their
// types free of the configuration format (they are used without a file too); their defaults are their initialisers'.

extension SectionPatterns: ConfigSchemaDescribed, Decodable {
    public init(from decoder: any Decoder) throws { self = try Self.decoded(from: decoder) }

    public static var schema: ConfigSchema<SectionPatterns> {
        ConfigSchema(defaults: SectionPatterns(), [
            .key("mdna_titles", \.mdnaTitles, doc: "chapter names that mark the MD&A"),
            .key("heading_styles", \.headingStyles, doc: "`{name, pattern}` regular expressions of chapter headings; "
                + "the MD&A ends at the next heading of its own style", shown: "第X节, 第X章, `7.` style"),
            .key("us_start_items", \.usStartItems, doc: "10-K items that start the MD&A"),
            .key("us_end_items", \.usEndItems, doc: "10-K items that end the MD&A; the first found after the start wins"),
            .key("cross_reference_markers", \.crossReferenceMarkers,
                 doc: "text before a heading that makes it a cross-reference"),
            .key("reference_words", \.referenceWords, doc: "words before \"Item 7\" that make it an in-text reference"),
        ])
    }
}

extension HeadingStyle: ConfigSchemaDescribed, Decodable {
    public init(from decoder: any Decoder) throws { self = try Self.decoded(from: decoder) }

    public static var schema: ConfigSchema<HeadingStyle> {
        ConfigSchema(defaults: HeadingStyle(name: "", pattern: ""), [
            .required("pattern", \.pattern, doc: "regular expression matched at the start of a heading line"),
            // A style without a name is named by its pattern in messages.
            .custom(["name"], rows: [ConfigReferenceRow(key: "name", shown: "the pattern", doc: "name in messages")]) {
                style, fields in style.name = try fields.optional(String.self, "name") ?? style.pattern
            },
        ])
    }
}

extension CountingOptions: ConfigSchemaDescribed, Decodable {
    public init(from decoder: any Decoder) throws { self = try Self.decoded(from: decoder) }

    public static var schema: ConfigSchema<CountingOptions> {
        ConfigSchema(defaults: CountingOptions(), [
            .key("mode", \.mode, doc: "`longest` or `independent` (see [Counting](#counting))"),
            .mapping("negation", \.negation),
            .mapping("exclusion", \.exclusion),
            .key("strip", \.strip, doc: "entity names masked before matching (e.g. `电子商务有限公司`)"),
        ])
    }
}

extension NegationRule: ConfigSchemaDescribed, Decodable {
    public init(from decoder: any Decoder) throws { self = try Self.decoded(from: decoder) }

    public static var schema: ConfigSchema<NegationRule> {
        ConfigSchema(defaults: NegationRule(), [
            .key("enabled", \.enabled, doc: "hits preceded by a negation word are reported as negated, not counted"),
            .key("words", \.words, doc: "negation words"),
            .key("window", \.window, doc: "characters allowed between the negation word and the hit (same clause)"),
            .key("exceptions", \.exceptions, doc: "words in which a negation character does not negate"),
        ])
    }
}

extension ExclusionRule: ConfigSchemaDescribed, Decodable {
    public init(from decoder: any Decoder) throws { self = try Self.decoded(from: decoder) }

    public static var schema: ConfigSchema<ExclusionRule> {
        ConfigSchema(defaults: ExclusionRule(), [
            .key("enabled", \.enabled, doc: "exclude hits in sentences about others"),
            .key("sentence_words", \.sentenceWords, doc: "a sentence naming one of these is not about the firm itself"),
        ])
    }
}

extension EntropyOptions: ConfigSchemaDescribed, Decodable {
    public init(from decoder: any Decoder) throws { self = try Self.decoded(from: decoder) }

    public static var schema: ConfigSchema<EntropyOptions> {
        ConfigSchema(defaults: EntropyOptions(), [
            .key("method", \.method, doc: "or `entropy_topsis`"),
            .key("weighting", \.weighting, doc: "or `by_year`"),
            .optional("base_year", \.baseYear, doc: "min/max from this year for every year"),
            .key("standardize", \.standardize, doc: "`minmax`, `max`, `sum`, `none`"),
            .key("shift", \.shift, doc: "added to standardised values"),
            .key("shift_applies_to", \.shiftAppliesTo, doc: "or `none`"),
            .key("scale", \.scale, doc: "multiply scores (e.g. `100`)"),
            .key("aggregation", \.aggregation, doc: "how dimensions combine: `sum_of_weights` or `entropy`"),
            .key("missing", \.missing, doc: "or `interpolate`"),
        ])
    }
}

extension ScoreSystem: ConfigSchemaDescribed, Decodable {
    public init(from decoder: any Decoder) throws { self = try Self.decoded(from: decoder) }

    /// A system and each of its dimensions (a dimension is the composite of its own sub-tree) have these keys.
    public static var schema: ConfigSchema<ScoreSystem> {
        ConfigSchema(defaults: ScoreSystem(name: ""), [
            .required("name", \.name, doc: "the score's name"),
            .optional("column", \.column, doc: "output column",
                      shown: "a system: its `name`; a dimension: `<system column>_<name>`"),
            .optional("label", \.label, doc: "variable label"),
            .optional("aggregation", \.aggregation, doc: "how this node's dimensions combine: `sum_of_weights` or "
                + "`entropy`; ignored for a node that holds indicators", shown: "`scoring.aggregation`"),
            .key("indicators", \.indicators, doc: "the indicators of a flat system or a leaf dimension (below)"),
            .key("dimensions", \.dimensions, doc: "dimensions (or sub-dimensions), each with these same keys; give "
                + "either `indicators` or `dimensions`"),
        ])
    }
}

extension Indicator: ConfigSchemaDescribed, Decodable {
    public init(from decoder: any Decoder) throws { self = try Self.decoded(from: decoder) }

    public static var schema: ConfigSchema<Indicator> {
        ConfigSchema(defaults: Indicator(name: ""), [
            .required("name", \.name, doc: "the panel column"),
            .key("direction", \.direction, doc: "`+` (a larger value is better) or `-` (a cost indicator); also "
                + "`positive`/`negative`"),
            .optional("label", \.label, doc: "description for the weights table and codebook"),
        ])
    }
}

extension PanelExportOptions: ConfigSchemaDescribed, Decodable {
    public init(from decoder: any Decoder) throws { self = try Self.decoded(from: decoder) }

    public static var schema: ConfigSchema<PanelExportOptions> {
        ConfigSchema(defaults: PanelExportOptions(), [
            .key("sqlite", \.sqlite, doc: "also write `panel.sqlite`"),
            .key("base_name", \.baseName, doc: "base name of the data files (`panel.dta`, `panel.csv`, "
                + "`panel_import.do` …)"),
            // Unset, the run fills in the panel's key columns.
            .optional("sort_columns", \.sortColumns, doc: "the sort order recorded in the `.dta`; default "
                + "`[merge.firm_column, merge.year_column]`", shown: "the key columns"),
            .key("compact_integers", \.compactIntegers, doc: "store integral columns as `byte`/`int`/`long` in the "
                + "`.dta` (else all `double`)"),
            .key("neutralize_formulas", \.neutralizeFormulas, doc: "prefix text cells starting with `=`, `+`, `-`, "
                + "`@`, tab or CR with `'` in `panel.csv`"),
        ])
    }
}
