import NQPEncoding

/// The items of Form 10-K (and 10-KSB), each with its part, its title in the form's current wording and the
/// wordings of earlier periods that still count as that item's own title (README "10-K items").
///
/// Sources: SEC Form 10-K General Instructions and Regulation S-K (Items 101–701) as amended: Item 7A (market
/// risk, Release 33-7386: periods ending after 1997-06-15 for large filers, 1998-06-15 for all), interim Item 14 "Controls and Procedures" and Item 15 "Exhibits" (Release 33-8124, 2002), Items
/// 9A/14 (Release 33-8238, 2003), Item 9B (Release 33-8400, 2004), Items 1A/1B (Release 33-8591, fiscal years
/// ending on or after 2005-12-01), Item 4 "Removed and Reserved"/"Mine Safety Disclosures" (2010–2012), Item 16
/// "Form 10-K Summary" (optional, 2016), Item 6 "[Reserved]" (2021), Item 9C (2022), Item 1C (fiscal years ending on
/// or after 2023-12-15); Form 10-KSB (Regulation S-B, until 2009).
public struct TenKItemCatalog: Sendable {
    public struct Entry: Sendable {
        /// `1`, `1A`, `7A`.
        public var item: String
        public var part: String
        /// The title in the form's wording.
        public var title: String
        /// Normalised prefixes (`TenKItemCatalog.normalize`) any of which starts the item's own title.
        public var keys: [String]
        /// First fiscal-period end for which the form requires the item; nil = always. Items outside their
        /// period are still read when present, but not reported `absent` when missing.
        public var requiredFrom: CalendarDate?
        /// Last fiscal-period end for which the item is required; nil = still required.
        public var requiredUntil: CalendarDate?
        /// Optional items (16) are never reported absent.
        public var optional: Bool = false
    }

    public var entries: [Entry]
    /// The item that holds the MD&A (7 on Form 10-K, 6 on Form 10-KSB).
    public var mdnaItem: String
    /// Items that end the MD&A when they follow it.
    public var mdnaEndItems: [String]

    private static func date(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate? { CalendarDate(year: y, month: m, day: d) }

    /// Form 10-K.
    public static let tenK = TenKItemCatalog(entries: [
        Entry(item: "1", part: "I", title: "Business", keys: ["business", "description of business"]),
        Entry(item: "1A", part: "I", title: "Risk Factors", keys: ["risk factors"], requiredFrom: date(2005, 12, 1)),
        Entry(item: "1B", part: "I", title: "Unresolved Staff Comments", keys: ["unresolved staff comments"],
              requiredFrom: date(2005, 12, 1)),
        Entry(item: "1C", part: "I", title: "Cybersecurity", keys: ["cybersecurity"], requiredFrom: date(2023, 12, 15)),
        Entry(item: "2", part: "I", title: "Properties", keys: ["properties", "description of property", "description of properties"]),
        Entry(item: "3", part: "I", title: "Legal Proceedings", keys: ["legal proceedings"]),
        Entry(item: "4", part: "I", title: "Mine Safety Disclosures",
              keys: ["mine safety disclosure", "safety disclosure", "submission of matters to a vote",
                     "submissions of matters to a vote", "removed and reserved", "reserved"]),
        Entry(item: "5", part: "II",
              title: "Market for Registrant's Common Equity, Related Stockholder Matters and Issuer Purchases of Equity Securities",
              keys: ["market for"]),
        Entry(item: "6", part: "II", title: "[Reserved] (formerly Selected Financial Data)",
              keys: ["selected financial data", "selected consolidated financial data", "selected financial information",
                     "reserved"]),
        Entry(item: "7", part: "II",
              title: "Management's Discussion and Analysis of Financial Condition and Results of Operations",
              keys: ["managements discussion", "management discussion", "managements narrative analysis",
                     "management s discussion"]),
        Entry(item: "7A", part: "II", title: "Quantitative and Qualitative Disclosures About Market Risk",
              keys: ["quantitative and qualitative disclosure"], requiredFrom: date(1998, 6, 15)),
        Entry(item: "8", part: "II", title: "Financial Statements and Supplementary Data",
              keys: ["financial statements and supplementary data", "consolidated financial statements and supplementary data",
                     "financial statements and supplemental data", "financial statements"]),
        Entry(item: "9", part: "II",
              title: "Changes in and Disagreements with Accountants on Accounting and Financial Disclosure",
              keys: ["changes in and disagreements", "disagreements with accountants", "changes in accountants"]),
        Entry(item: "9A", part: "II", title: "Controls and Procedures", keys: ["controls and procedures"],
              requiredFrom: date(2003, 8, 14)),
        Entry(item: "9B", part: "II", title: "Other Information", keys: ["other information"], requiredFrom: date(2004, 8, 23)),
        Entry(item: "9C", part: "II", title: "Disclosure Regarding Foreign Jurisdictions that Prevent Inspections",
              keys: ["disclosure regarding foreign jurisdiction"], requiredFrom: date(2022, 1, 10)),
        Entry(item: "10", part: "III", title: "Directors, Executive Officers and Corporate Governance",
              keys: ["directors", "director"]),
        Entry(item: "11", part: "III", title: "Executive Compensation", keys: ["executive compensation"]),
        Entry(item: "12", part: "III",
              title: "Security Ownership of Certain Beneficial Owners and Management and Related Stockholder Matters",
              keys: ["security ownership"]),
        Entry(item: "13", part: "III", title: "Certain Relationships and Related Transactions, and Director Independence",
              keys: ["certain relationships"]),
        Entry(item: "14", part: "III", title: "Principal Accountant Fees and Services (until 2002: Exhibits, Financial Statement Schedules and Reports on Form 8-K)",
              keys: ["principal accountant fees", "principal accounting fees", "principal accountant", "exhibits",
                     "controls and procedures"]),
        Entry(item: "15", part: "IV", title: "Exhibits and Financial Statement Schedules",
              keys: ["exhibits", "exhibit"], requiredFrom: date(2002, 8, 29)),
        Entry(item: "16", part: "IV", title: "Form 10-K Summary", keys: ["form 10 k summary", "10 k summary"],
              optional: true),
    ], mdnaItem: "7", mdnaEndItems: ["7A", "8"])

    /// Form 10-KSB (small business issuers, Regulation S-B).
    public static let tenKSB = TenKItemCatalog(entries: [
        Entry(item: "1", part: "I", title: "Description of Business", keys: ["description of business", "business"]),
        Entry(item: "2", part: "I", title: "Description of Property", keys: ["description of propert", "properties"]),
        Entry(item: "3", part: "I", title: "Legal Proceedings", keys: ["legal proceedings"]),
        Entry(item: "4", part: "I", title: "Submission of Matters to a Vote of Security Holders",
              keys: ["submission of matters to a vote", "submissions of matters to a vote"]),
        Entry(item: "5", part: "II", title: "Market for Common Equity and Related Stockholder Matters", keys: ["market for"]),
        Entry(item: "6", part: "II", title: "Management's Discussion and Analysis or Plan of Operation",
              keys: ["managements discussion", "management discussion", "management s discussion", "plan of operation"]),
        Entry(item: "7", part: "II", title: "Financial Statements", keys: ["financial statements"]),
        Entry(item: "8", part: "II", title: "Changes in and Disagreements with Accountants on Accounting and Financial Disclosure",
              keys: ["changes in and disagreements", "disagreements with accountants"]),
        Entry(item: "8A", part: "II", title: "Controls and Procedures", keys: ["controls and procedures"],
              requiredFrom: date(2003, 8, 14)),
        Entry(item: "8B", part: "II", title: "Other Information", keys: ["other information"], requiredFrom: date(2004, 8, 23)),
        Entry(item: "9", part: "III", title: "Directors, Executive Officers, Promoters and Control Persons",
              keys: ["directors", "director"]),
        Entry(item: "10", part: "III", title: "Executive Compensation", keys: ["executive compensation"]),
        Entry(item: "11", part: "III", title: "Security Ownership of Certain Beneficial Owners and Management",
              keys: ["security ownership"]),
        Entry(item: "12", part: "III", title: "Certain Relationships and Related Transactions", keys: ["certain relationships"]),
        Entry(item: "13", part: "III", title: "Exhibits (and Reports on Form 8-K)", keys: ["exhibits", "exhibit"]),
        Entry(item: "14", part: "III", title: "Principal Accountant Fees and Services",
              keys: ["principal accountant fees", "principal accounting fees"], requiredFrom: date(2003, 12, 15)),
    ], mdnaItem: "6", mdnaEndItems: ["7"])

    public static func forForm(_ formType: String?) -> TenKItemCatalog {
        if let formType, TenKForm.isSmallBusiness(formType) { return tenKSB }
        return tenK
    }

    public func index(of item: String) -> Int? { entries.firstIndex { $0.item == item } }

    /// Whether the item's own title starts `normalizedTitle`.
    public func titleMatches(item: String, normalizedTitle: String) -> Bool {
        guard let entry = entries.first(where: { $0.item == item }) else { return false }
        return entry.keys.contains { normalizedTitle.hasPrefix($0) }
    }

    /// Items the form requires for a fiscal period ending `period` (all non-optional items without a date rule
    /// when the period is unknown).
    public func required(for period: CalendarDate?) -> [String] {
        entries.filter { entry in
            guard !entry.optional else { return false }
            guard let period else { return entry.requiredFrom == nil }
            if let from = entry.requiredFrom, period < from { return false }
            if let until = entry.requiredUntil, period > until { return false }
            return true
        }.map(\.item)
    }

    /// Lower case; apostrophes (’ ' ` and the C1 U+0092 of mis-decoded Windows-1252) removed; every other
    /// character that is not a letter or digit becomes a space; runs of spaces collapse. `Management’s
    /// Discussion` → `managements discussion`; `[Reserved]` → `reserved`; `10-K Summary` → `10 k summary`.
    public static func normalize(_ text: some StringProtocol) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.lowercased().unicodeScalars {
            switch scalar.value {
            case 0x27, 0x60, 0x2018, 0x2019, 0x92, 0xB4, 0x2032:
                continue
            default:
                if scalar.properties.isAlphabetic || (scalar.value >= 0x30 && scalar.value <= 0x39) {
                    if pendingSpace && !out.isEmpty { out.append(" ") }
                    pendingSpace = false
                    out.append(scalar)
                } else {
                    pendingSpace = true
                }
            }
        }
        return String(out)
    }
}
