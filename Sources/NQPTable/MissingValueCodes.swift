/// The cell texts read as a missing value wherever nqp reads numbers from text cells: the financial sources of
/// `nqp run` (`default_missing_codes: true`) and the input of `nqp score` (README "Missing-value codes"). One list,
/// so the same spreadsheet cell is missing in both commands: what Stata (`.`), R (`NA`), pandas (`NaN`, `None`),
/// SQL exports (`NULL`), Excel (`#N/A`) and Chinese data vendors (`--`) write for "no value".
public enum MissingValueCodes {
    /// Compared after trimming surrounding whitespace; the empty text is one of them.
    public static let all: Set<String> = ["", ".", "NA", "N/A", "#N/A", "na", "n/a", "NaN", "nan", "NULL", "null",
                                          "None", "--"]
}
