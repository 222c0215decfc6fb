import NQPExtract
import NQPLexicon
import NQPScore

// The `pipeline.yml` keys of the extract, lexicon and score stages' option types. The stage modules keep their
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
