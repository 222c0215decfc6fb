import Foundation

/// A configuration type whose `pipeline.yml` mapping is described by a `ConfigSchema`: each key once, with its doc
/// line (the README's configuration reference is rendered from it) and its check. The default of every key is the
/// schema's default-constructed value, so the type's initialiser is the only place a default is written.
public protocol ConfigSchemaDescribed {
    static var schema: ConfigSchema<Self> { get }
}

extension ConfigSchemaDescribed {
    /// Schema-driven decoding, for the types' `Decodable` conformances.
    public static func decoded(from decoder: any Decoder) throws -> Self { try schema.decode(from: decoder) }
}

/// The keys of one configuration mapping, in the order the README lists them.
public struct ConfigSchema<Root> {
    /// The value an empty mapping decodes to; every key absent from the file keeps its value here.
    public let defaults: Root
    public let entries: [ConfigEntry<Root>]

    public init(defaults: Root, _ entries: [ConfigEntry<Root>]) {
        self.defaults = defaults
        self.entries = entries
    }

    /// Every key of this mapping, including those of types inlined into it.
    public var names: [String] { entries.flatMap(\.names) }

    /// Decodes the mapping: keys absent keep the defaults; a wrong value under an optional key is recorded by
    /// `ConfigDecoder` and the default is kept, so one run lists every problem.
    public func decode(from decoder: any Decoder) throws -> Root {
        let fields = ConfigFields(container: try decoder.container(keyedBy: SchemaKey.self), decoder: decoder)
        var value = defaults
        do {
            for entry in entries { try entry.decode(&value, fields) }
        } catch {
            // Decoding of this mapping stops here; its other keys are this type's, not "unknown" ones.
            for name in names { _ = fields.container.contains(SchemaKey(name)) }
            throw error
        }
        return value
    }

    /// The README rows of this mapping; nested mappings are flattened as `name.key`.
    public func rows(prefix: String = "") -> [ConfigReferenceRow] {
        entries.flatMap { $0.rows(defaults, prefix) }
    }

    /// The problems of values that decoded but are out of range, each with its key path under this mapping.
    public func problems(in value: Root) -> [ConfigValueProblem] {
        entries.flatMap { $0.problems(value) }
    }
}

/// A value that decoded but cannot be used, at a key path such as `["pdf", "unreadable_limit"]`.
public struct ConfigValueProblem: Equatable, Sendable {
    public var path: [String]
    public var message: String
}

/// One row of the README's configuration reference: key, default (Markdown) and meaning.
public struct ConfigReferenceRow: Equatable, Sendable {
    public var key: String
    public var shown: String
    public var doc: String

    public init(key: String, shown: String, doc: String) {
        self.key = key
        self.shown = shown
        self.doc = doc
    }
}

/// One key (or, for `inline` and `custom`, several) of a configuration mapping.
public struct ConfigEntry<Root> {
    let names: [String]
    let decode: (inout Root, ConfigFields) throws -> Void
    let rows: (_ defaults: Root, _ prefix: String) -> [ConfigReferenceRow]
    let problems: (Root) -> [ConfigValueProblem]

    /// An optional key; when absent the default-constructed value's is kept.
    public static func key<Value: Decodable>(_ name: String, _ path: WritableKeyPath<Root, Value>, doc: String,
                                             shown: String? = nil,
                                             validate: ((Value) -> String?)? = nil) -> ConfigEntry {
        ConfigEntry(names: [name],
                    decode: { root, fields in
                        if let value = try fields.optional(Value.self, name) { root[keyPath: path] = value }
                    },
                    rows: { defaults, prefix in
                        [ConfigReferenceRow(key: prefix + name,
                                            shown: shown ?? ConfigText.shown(defaults[keyPath: path]), doc: doc)]
                    },
                    problems: { root in
                        validate?(root[keyPath: path]).map { [ConfigValueProblem(path: [name], message: $0)] } ?? []
                    })
    }

    /// An optional key without a default ("none"); `validate` sees only values that are set.
    public static func optional<Value: Decodable>(_ name: String, _ path: WritableKeyPath<Root, Value?>, doc: String,
                                                  shown: String? = nil,
                                                  validate: ((Value) -> String?)? = nil) -> ConfigEntry {
        ConfigEntry(names: [name],
                    decode: { root, fields in root[keyPath: path] = try fields.optional(Value.self, name) },
                    rows: { _, prefix in
                        let keys = ConfigText.subkeys(of: Value.self).map { "`{\($0)}`: " } ?? ""
                        return [ConfigReferenceRow(key: prefix + name, shown: shown ?? "none", doc: keys + doc)]
                    },
                    problems: { root in
                        guard let value = root[keyPath: path], let message = validate?(value) else { return [] }
                        return [ConfigValueProblem(path: [name], message: message)]
                    })
    }

    /// A key that must be written.
    public static func required<Value: Decodable>(_ name: String, _ path: WritableKeyPath<Root, Value>,
                                                  doc: String, shown: String = "required") -> ConfigEntry {
        ConfigEntry(names: [name],
                    decode: { root, fields in root[keyPath: path] = try fields.required(Value.self, name) },
                    rows: { _, prefix in [ConfigReferenceRow(key: prefix + name, shown: shown, doc: doc)] },
                    problems: { _ in [] })
    }

    /// A nested mapping with its own schema, listed in the README as `name.key` rows and checked key by key.
    public static func mapping<Value: ConfigSchemaDescribed & Decodable>(
        _ name: String, _ path: WritableKeyPath<Root, Value>) -> ConfigEntry {
        ConfigEntry(names: [name],
                    decode: { root, fields in
                        if let value = try fields.optional(Value.self, name) { root[keyPath: path] = value }
                    },
                    rows: { defaults, prefix in
                        ConfigSchema(defaults: defaults[keyPath: path], Value.schema.entries)
                            .rows(prefix: prefix + name + ".")
                    },
                    problems: { root in
                        Value.schema.problems(in: root[keyPath: path]).map {
                            ConfigValueProblem(path: [name] + $0.path, message: $0.message)
                        }
                    })
    }

    /// A type whose keys sit in this same mapping (e.g. the counting options at the level of `counting:`).
    public static func inline<Value: ConfigSchemaDescribed>(_ path: WritableKeyPath<Root, Value>) -> ConfigEntry {
        ConfigEntry(names: Value.schema.names,
                    decode: { root, fields in root[keyPath: path] = try Value.schema.decode(from: fields.decoder) },
                    rows: { defaults, prefix in
                        ConfigSchema(defaults: defaults[keyPath: path], Value.schema.entries).rows(prefix: prefix)
                    },
                    problems: { root in Value.schema.problems(in: root[keyPath: path]) })
    }

    /// Keys read by a hand-written decoder (a type that keeps its own, or a mapping read in file order); `rows`
    /// documents them.
    public static func custom(_ names: [String], rows: [ConfigReferenceRow],
                              decode: @escaping (inout Root, ConfigFields) throws -> Void) -> ConfigEntry {
        ConfigEntry(names: names, decode: decode,
                    rows: { _, prefix in
                        rows.map { ConfigReferenceRow(key: prefix + $0.key, shown: $0.shown, doc: $0.doc) }
                    },
                    problems: { _ in [] })
    }
}

/// The keys of the mapping being decoded, for `custom` entries.
public struct ConfigFields {
    let container: KeyedDecodingContainer<SchemaKey>
    /// The decoder of the whole mapping, for types that read keys at this same level.
    public let decoder: any Decoder

    /// The value under `name`, or nil when absent (a wrong value is recorded by `ConfigDecoder`, see there).
    public func optional<T: Decodable>(_ type: T.Type, _ name: String) throws -> T? {
        try container.decodeIfPresent(type, forKey: SchemaKey(name))
    }

    /// The value under `name`; absent is an error naming the key.
    public func required<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
        try container.decode(type, forKey: SchemaKey(name))
    }
}

/// The coding key of schema-driven decoding. Any name is one; which names the mapping knows is the schema's to
/// say (see `ConfigSchema.decode` and `NodeKeyedContainer.markKnownKeys`).
public struct SchemaKey: CodingKey {
    public let stringValue: String
    public var intValue: Int? { nil }
    public init(_ name: String) { stringValue = name }
    public init?(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { nil }
}

/// Defaults as the README shows them: YAML flow style in a code span (`[firm, year]`, `0.15`, `{}`).
enum ConfigText {
    static func shown(_ value: Any) -> String {
        yaml(value).map { "`\($0)`" } ?? "none"
    }

    /// YAML flow text of a default value; nil for an absent optional.
    static func yaml(_ value: Any) -> String? {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            return mirror.children.first.flatMap { yaml($0.value) }
        }
        switch value {
        case let text as String: return scalar(text)
        case let flag as Bool: return flag ? "true" : "false"
        case let number as Int: return String(number)
        case let number as Double:
            return number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case let raw as any RawRepresentable:
            return (raw.rawValue as? String).map(scalar) ?? "\(raw.rawValue)"
        default: break
        }
        switch mirror.displayStyle {
        case .collection?, .set?:
            return "[" + mirror.children.compactMap { yaml($0.value) }.joined(separator: ", ") + "]"
        case .dictionary?:
            let pairs = mirror.children.compactMap { pair -> String? in
                let parts = Array(Mirror(reflecting: pair.value).children)
                guard parts.count == 2, let key = yaml(parts[0].value), let value = yaml(parts[1].value) else { return nil }
                return "\(key): \(value)"
            }
            return "{" + pairs.sorted().joined(separator: ", ") + "}"
        default:
            return "\(value)"
        }
    }

    /// A string as a plain YAML scalar, or double-quoted when plain text would read as something else.
    static func scalar(_ text: String) -> String {
        let special = CharacterSet(charactersIn: "*\"',[]{}:#&!|>%@`")
        let plain = !text.isEmpty && text.unicodeScalars.allSatisfy { !special.contains($0) }
            && text.trimmingCharacters(in: .whitespaces) == text
            && Double(text) == nil && !["true", "false", "null", "yes", "no", "on", "off", "~"].contains(text.lowercased())
        guard !plain else { return text }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// `from, to` for a nested schema type, nil for other types.
    static func subkeys<Value>(of type: Value.Type) -> String? {
        guard let described = type as? any ConfigSchemaDescribed.Type else { return nil }
        return names(described).joined(separator: ", ")
    }

    private static func names<T: ConfigSchemaDescribed>(_ type: T.Type) -> [String] { T.schema.names }
}
