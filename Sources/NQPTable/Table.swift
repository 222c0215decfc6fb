/// A rectangular dataset with typed, labelled columns: what flows from the merge stage to the scorer and the
/// exporters. Values are plain Swift optionals; `nil` is missing (Stata `.`, an empty CSV field).
public struct Table: Sendable, Equatable {
    public var columns: [Column]
    /// Free text that describes the whole dataset (the `.dta` dataset label).
    public var label: String

    public init(columns: [Column] = [], label: String = "") {
        self.columns = columns
        self.label = label
    }

    /// Number of rows; every column has the same count (checked by `validateShape()`).
    public var rowCount: Int { columns.first?.count ?? 0 }

    public func column(named name: String) -> Column? { columns.first { $0.name == name } }
    public func columnIndex(named name: String) -> Int? { columns.firstIndex { $0.name == name } }
}

/// One variable of a `Table`.
public struct Column: Sendable, Equatable {
    public var name: String
    /// Variable label (Stata: at most 80 characters; the exporter cuts at a character boundary).
    public var label: String
    public var unit: String
    /// How the value was made: a formula, a dictionary category, a score system. Goes to the codebook.
    public var definition: String
    /// Source file(s) the values came from. Goes to the codebook.
    public var sources: [String]
    public var values: ColumnValues
    /// Value labels for an integral categorical numeric column (Stata value labels).
    public var valueLabels: [Int32: String]

    public init(name: String, label: String = "", unit: String = "", definition: String = "",
                sources: [String] = [], values: ColumnValues, valueLabels: [Int32: String] = [:]) {
        self.name = name
        self.label = label
        self.unit = unit
        self.definition = definition
        self.sources = sources
        self.values = values
        self.valueLabels = valueLabels
    }

    public var count: Int {
        switch values {
        case .text(let v): v.count
        case .number(let v): v.count
        }
    }
}

/// Column storage: text or numbers, each possibly missing.
public enum ColumnValues: Sendable, Equatable {
    case text([String?])
    case number([Double?])
}
