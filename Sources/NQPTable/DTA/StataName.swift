/// Stata variable-name rules (format 118): 1–32 Unicode characters; letters (Unicode letters allowed since Stata
/// 14), digits and `_`; not starting with a digit; not a reserved word.
public enum StataName {
    public static let reservedWords: Set<String> = [
        "_all", "_b", "byte", "_coef", "_cons", "double", "float", "if", "in", "int", "long", "_n", "_N", "_pi",
        "_pred", "_rc", "_skip", "strL", "using", "with",
    ]

    /// Returns nil when `name` is valid, else the reason it is not.
    public static func problem(with name: String) -> String? {
        let scalars = Array(name.unicodeScalars)
        if scalars.isEmpty { return "the name is empty" }
        if scalars.count > 32 { return "it has \(scalars.count) characters; at most 32 are allowed" }
        for (i, s) in scalars.enumerated() {
            let isDigit = ("0"..."9").contains(s)
            let isLetter = s.properties.isAlphabetic && !isDigit
            if i == 0 && isDigit { return "it starts with a digit" }
            if !(isLetter || isDigit || s == "_") {
                return "character '\(s.escaped(asASCII: false))' is not a letter, digit or underscore"
            }
        }
        if reservedWords.contains(name) { return "'\(name)' is a reserved word in Stata" }
        if name.hasPrefix("str"), name.dropFirst(3).allSatisfy(\.isNumber), name.count > 3 {
            return "'\(name)' is a reserved storage-type name in Stata"
        }
        return nil
    }

    /// Throws `TableError.invalidName` when `name` breaks a rule.
    public static func validate(_ name: String) throws(TableError) {
        if let reason = problem(with: name) { throw .invalidName(name: name, reason: reason) }
    }

    /// Cuts `text` to at most `maxCharacters` Unicode scalars, never inside a UTF-8 sequence (Stata's limit for
    /// variable and dataset labels is 80 characters).
    public static func truncatedLabel(_ text: String, maxCharacters: Int = 80) -> String {
        let scalars = text.unicodeScalars
        if scalars.count <= maxCharacters { return text }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars.prefix(maxCharacters))
        return String(view)
    }
}
