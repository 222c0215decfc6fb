/// What `DTAReader` returns: the data as a `Table` plus the Stata metadata around it.
///
/// Conventions: every numeric type (byte, int, long, float, double) becomes `Double`; system and extended missing
/// values (`.`, `.a`…`.z`) become nil; empty strings (Stata's missing string) become nil. Variable labels go to
/// `Column.label`, value labels to `Column.valueLabels` (via the column's label-set name).
public struct DTAFile: Sendable, Equatable {
    /// 117, 118 or 119.
    public var release: Int
    public var table: Table
    public var storageTypes: [DTAStorageType]
    public var formats: [String]
    /// Columns named in the sortlist, in order.
    public var sortColumns: [String]
    /// Per column, the name of its value-label set ("" = none).
    public var valueLabelNames: [String]
    /// All value-label sets in the file by name.
    public var valueLabelSets: [String: [Int32: String]]
    /// The file's timestamp text ("" when absent).
    public var timestamp: String
}
