/// The merge key of the panel: a firm id (always text, e.g. "000001", a CIK or a gvkey) and a fiscal year.
/// Ordered by firm then year — the order of every table this module returns.
public struct PanelKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var firm: String
    public var year: Int

    public init(firm: String, year: Int) {
        self.firm = firm
        self.year = year
    }

    public static func < (lhs: PanelKey, rhs: PanelKey) -> Bool {
        lhs.firm != rhs.firm ? lhs.firm < rhs.firm : lhs.year < rhs.year
    }

    public var description: String { "\(firm) \(year)" }
}
