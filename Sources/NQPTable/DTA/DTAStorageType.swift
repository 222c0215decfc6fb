/// Stata storage types of formats 117–119, with their type codes, missing-value codes and default display formats.
public enum DTAStorageType: Sendable, Hashable, CustomStringConvertible {
    case byte, int, long, float, double
    /// Fixed-width string; the width counts UTF-8 **bytes** (1…2045): a four-character Chinese name is `str12`.
    case str(Int)
    /// Long string stored in the `<strls>` section (used only for values over 2045 bytes).
    case strL

    /// Largest `str#` width.
    public static let maxStrWidth = 2045

    /// Type code in `<variable_types>` (117/118/119).
    public var code: UInt16 {
        switch self {
        case .byte: 65530
        case .int: 65529
        case .long: 65528
        case .float: 65527
        case .double: 65526
        case .str(let width): UInt16(width)
        case .strL: 32768
        }
    }

    public init?(code: UInt16) {
        switch code {
        case 65530: self = .byte
        case 65529: self = .int
        case 65528: self = .long
        case 65527: self = .float
        case 65526: self = .double
        case 32768: self = .strL
        case 1...2045: self = .str(Int(code))
        default: return nil
        }
    }

    /// Bytes per value in a data record (strL: the 8-byte (v,o) reference).
    public var width: Int {
        switch self {
        case .byte: 1
        case .int: 2
        case .long, .float: 4
        case .double, .strL: 8
        case .str(let width): width
        }
    }

    public var isNumeric: Bool {
        switch self {
        case .byte, .int, .long, .float, .double: true
        case .str, .strL: false
        }
    }

    /// Display format the writer assigns: `%8.0g` byte and int, `%12.0g` long, `%9.0g` float, `%10.0g` double,
    /// `%-Ns` (left-aligned) for `strN`, `%9s` for strL.
    public var defaultFormat: String {
        switch self {
        case .byte, .int: "%8.0g"
        case .long: "%12.0g"
        case .float: "%9.0g"
        case .double: "%10.0g"
        case .str(let width): "%-\(width)s"
        case .strL: "%9s"
        }
    }

    /// Stata's name for the type: `byte`, `int`, `long`, `float`, `double`, `str12`, `strL`.
    public var description: String {
        switch self {
        case .byte: "byte"
        case .int: "int"
        case .long: "long"
        case .float: "float"
        case .double: "double"
        case .str(let width): "str\(width)"
        case .strL: "strL"
        }
    }
}

/// Missing-value codes and valid ranges of formats 113+ (Stata `.` = system missing; `.a`…`.z` follow it).
public enum DTAMissing {
    public static let byteRange: ClosedRange<Int> = -127...100
    public static let intRange: ClosedRange<Int> = -32767...32740
    public static let longRange: ClosedRange<Int> = -2_147_483_647...2_147_483_620
    public static let byteMissing: Int8 = 101
    public static let intMissing: Int16 = 32741
    public static let longMissing: Int32 = 2_147_483_621
    public static let doubleMissingBits: UInt64 = 0x7FE0_0000_0000_0000
    /// Largest storable double magnitude (bit pattern 0x7FDFFFFFFFFFFFFF, ≈ 8.988e307).
    public static let doubleMax = Double(bitPattern: 0x7FDF_FFFF_FFFF_FFFF)
    /// Largest storable float magnitude (bit pattern 0x7EFFFFFF, ≈ 1.701e38).
    public static let floatMax = Float(bitPattern: 0x7EFF_FFFF)
}
