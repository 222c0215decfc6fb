import Foundation
import Yams
import NQPTable
import NQPEncoding

/// Decodes `Decodable` configuration types from YAML strictly, with positions.
///
/// Why not `YAMLDecoder`: users need every problem at once with `file:line:column`, unknown keys reported with a
/// did-you-mean hint, and untyped scalars such as `000001` kept as text. This decoder walks the composed
/// `Yams.Node` tree (which keeps marks), remembers which keys each mapping was asked for, and afterwards reports
/// the keys nobody asked for. A type error under an optional key is recorded and the default is used, so one run
/// lists every problem.
public struct ConfigDecoder {
    public init() {}

    /// Decodes `type` from YAML text; `file` names the source in messages.
    public func decode<T: Decodable>(_ type: T.Type, from yaml: String, file: String) throws(ConfigError) -> T {
        let root: Node
        do {
            guard let composed = try Yams.compose(yaml: yaml) else {
                root = Node.mapping(Node.Mapping([]))
                return try decode(type, from: root, file: file)
            }
            root = composed
        } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
            throw ConfigError(YAMLLimits.duplicateKeyProblem(duplicates, mark: context.mark, yaml: yaml, file: file))
        } catch let error as YamlError {
            throw ConfigError(Self.problem(from: error, file: file))
        } catch {
            throw ConfigError(ConfigProblem(file: file, message: "cannot parse YAML: \(FileErrorReason.describe(error))"))
        }
        if let problem = YAMLLimits.aliasExpansionProblem(root, file: file) { throw ConfigError(problem) }
        return try decode(type, from: root, file: file)
    }

    func decode<T: Decodable>(_ type: T.Type, from root: Node, file: String) throws(ConfigError) -> T {
        let context = ConfigDecodingContext(file: file)
        var value: T?
        do {
            value = try T(from: NodeDecoder(node: root, codingPath: [], context: context))
        } catch let error as ConfigDecodingFailure {
            context.problems.append(error.problem)
        } catch let error as DecodingError {
            context.problems.append(context.problem(from: error, root: root))
        } catch {
            context.problems.append(ConfigProblem(file: file, message: FileErrorReason.describe(error)))
        }
        context.reportUnknownKeys(in: root)
        if let value, context.problems.isEmpty { return value }
        throw ConfigError(problems: context.sortedProblems)
    }

    static func problem(from error: YamlError, file: String) -> ConfigProblem {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _):
            let what = [context?.text, problem].compactMap { $0 }.joined(separator: " ")
            return ConfigProblem(file: file, line: mark.line, column: mark.column, message: "YAML syntax: \(what)",
                                 hint: "check indentation and quoting on this line")
        case let .composer(context, problem, mark, _):
            let what = [context?.text, problem].compactMap { $0 }.joined(separator: " ")
            return ConfigProblem(file: file, line: mark.line, column: mark.column, message: "YAML: \(what)")
        default:
            return ConfigProblem(file: file, message: "YAML: \(error)")
        }
    }
}

/// A problem raised while decoding, carrying its position.
struct ConfigDecodingFailure: Error {
    var problem: ConfigProblem
}

/// Shared state of one decode: problems found and the keys each mapping was asked about.
final class ConfigDecodingContext {
    let file: String
    var problems: [ConfigProblem] = []
    /// Keys requested per mapping node, keyed by the node's mark ("line:column").
    var requestedKeys: [String: Set<String>] = [:]
    /// Mappings whose keys are free-form (dictionaries keyed by user names): never report unknown keys there.
    var freeFormMappings: Set<String> = []

    init(file: String) { self.file = file }

    var sortedProblems: [ConfigProblem] {
        problems.sorted { ($0.line ?? 0, $0.column ?? 0, $0.message) < ($1.line ?? 0, $1.column ?? 0, $1.message) }
    }

    func problem(at node: Node?, _ message: String, hint: String? = nil) -> ConfigProblem {
        ConfigProblem(file: file, line: node?.mark?.line, column: node?.mark?.column, message: message, hint: hint)
    }

    func problem(from error: DecodingError, root: Node) -> ConfigProblem {
        switch error {
        case let .keyNotFound(key, context):
            let node = Self.node(at: context.codingPath, in: root)
            return problem(at: node, "missing required key '\(key.stringValue)'\(Self.under(context.codingPath))",
                           hint: "add '\(key.stringValue):' here; see the README's configuration reference")
        case let .typeMismatch(_, context), let .valueNotFound(_, context), let .dataCorrupted(context):
            let node = Self.node(at: context.codingPath, in: root)
            return problem(at: node, "\(Self.path(context.codingPath)): \(context.debugDescription)")
        @unknown default:
            return ConfigProblem(file: file, message: "\(error)")
        }
    }

    static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.isEmpty ? "(top level)" : codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            .joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
    }

    static func under(_ codingPath: [any CodingKey]) -> String {
        codingPath.isEmpty ? "" : " under '\(path(codingPath))'"
    }

    static func node(at codingPath: [any CodingKey], in root: Node) -> Node? {
        var node: Node? = root
        for key in codingPath {
            if let index = key.intValue, case .sequence(let sequence)? = node {
                node = index < sequence.count ? sequence[index] : nil
            } else {
                node = node?[key.stringValue]
            }
        }
        return node
    }

    func markKey(_ node: Node) -> String { node.mark.map(\.description) ?? "?" }

    /// Walks the tree and reports every mapping key that no decoder asked for.
    func reportUnknownKeys(in node: Node) {
        switch node {
        case .mapping(let mapping):
            let key = markKey(node)
            let free = freeFormMappings.contains(key)
            let requested = requestedKeys[key]
            for (keyNode, valueNode) in mapping {
                // A mapping never visited belongs to a part that failed earlier; don't pile on.
                if !free, let requested, let name = keyNode.string, !requested.contains(name) {
                    let suggestion = Suggestion.closest(to: name, among: requested)
                    let hint = suggestion.map { "did you mean '\($0)'?" }
                        ?? "known keys here: \(requested.sorted().joined(separator: ", "))"
                    problems.append(problem(at: keyNode, "unknown key '\(name)'", hint: hint))
                }
                reportUnknownKeys(in: valueNode)
            }
        case .sequence(let sequence):
            for element in sequence { reportUnknownKeys(in: element) }
        default:
            break
        }
    }
}

/// Marks a dictionary-valued setting whose keys are user-chosen names (e.g. indicator names), so that its keys
/// are not checked against a schema.
public protocol FreeFormKeys {}

struct NodeDecoder: Decoder {
    let node: Node
    let codingPath: [any CodingKey]
    let context: ConfigDecodingContext
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .mapping(let mapping) = node else {
            throw ConfigDecodingFailure(problem: context.problem(
                at: node, "\(ConfigDecodingContext.path(codingPath)) must be a mapping (key: value lines), found \(node.kindDescription)"))
        }
        let markKey = context.markKey(node)
        if context.requestedKeys[markKey] == nil { context.requestedKeys[markKey] = [] }
        return KeyedDecodingContainer(NodeKeyedContainer<Key>(
            node: node, mapping: mapping, markKey: markKey, codingPath: codingPath, context: context))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        switch node {
        case .sequence(let sequence):
            return NodeUnkeyedContainer(nodes: Array(sequence), codingPath: codingPath, context: context)
        case .scalar where node.isNull:
            return NodeUnkeyedContainer(nodes: [], codingPath: codingPath, context: context)
        default:
            throw ConfigDecodingFailure(problem: context.problem(
                at: node, "\(ConfigDecodingContext.path(codingPath)) must be a list, found \(node.kindDescription)",
                hint: "write a list as '[a, b]' or as lines starting with '- '"))
        }
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        NodeSingleValueContainer(node: node, codingPath: codingPath, context: context)
    }
}

extension Node {
    var isNull: Bool {
        guard case .scalar(let scalar) = self else { return false }
        return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    var kindDescription: String {
        switch self {
        case .scalar(let scalar): "the value \(ShortQuote.quote(scalar.string))"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}

struct NodeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let node: Node
    let mapping: Node.Mapping
    let markKey: String
    let codingPath: [any CodingKey]
    let context: ConfigDecodingContext

    var allKeys: [Key] {
        // Asking for all keys means the caller accepts any key (a dictionary keyed by user names).
        context.freeFormMappings.insert(markKey)
        return mapping.compactMap { $0.key.string.flatMap(Key.init(stringValue:)) }
    }

    private func request(_ key: Key) -> Node? {
        context.requestedKeys[markKey, default: []].insert(key.stringValue)
        // Compare key text, not nodes: a quoted "0" and a plain 0 are the same key to a user, while Yams' node
        // equality also compares tags.
        return mapping.first { $0.key.string == key.stringValue }?.value
    }

    func contains(_ key: Key) -> Bool { request(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool { request(key)?.isNull ?? true }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        guard let child = request(key) else {
            throw ConfigDecodingFailure(problem: context.problem(
                at: node, "missing required key '\(key.stringValue)'\(ConfigDecodingContext.under(codingPath))",
                hint: "add '\(key.stringValue):' to this mapping"))
        }
        do {
            return try T(from: NodeDecoder(node: child, codingPath: codingPath + [key], context: context))
        } catch {
            markKnownKeys()
            throw error
        }
    }

    /// Decoding of this mapping stops at an error: its other keys that the type knows are not "unknown".
    private func markKnownKeys() {
        // Any name is a `SchemaKey`: the schema marks its own keys instead (`ConfigSchema.decode`).
        guard Key.self != SchemaKey.self else { return }
        let known = mapping.compactMap { $0.key.string }.filter { Key(stringValue: $0) != nil }
        context.requestedKeys[markKey, default: []].formUnion(known)
    }

    /// Optional keys: a wrong value is recorded as a problem and the default is used, so decoding goes on and
    /// `nqp validate` can list every problem in one run.
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { try optional(type, key) }

    // The standard library's own overloads for the primitive types would otherwise be picked for `Int`, `String`,
    // `Bool`…, and they throw on the first wrong value — stopping the mapping and making its later keys "unknown".
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try optional(type, key) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try optional(type, key) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try optional(type, key) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try optional(type, key) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try optional(type, key) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try optional(type, key) }

    private func optional<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T? {
        guard let child = request(key), !child.isNull else { return nil }
        do {
            return try T(from: NodeDecoder(node: child, codingPath: codingPath + [key], context: context))
        } catch let failure as ConfigDecodingFailure {
            context.problems.append(failure.problem)
        } catch let error as DecodingError {
            context.problems.append(context.problem(at: child, Self.message(error, key: key)))
        } catch {
            context.problems.append(context.problem(at: child, "'\(key.stringValue)': \(FileErrorReason.describe(error))"))
        }
        return nil
    }

    static func message(_ error: DecodingError, key: Key) -> String {
        switch error {
        case let .typeMismatch(_, c), let .valueNotFound(_, c), let .dataCorrupted(c):
            "'\(key.stringValue)': \(c.debugDescription)"
        case let .keyNotFound(missing, _):
            "missing required key '\(missing.stringValue)' under '\(key.stringValue)'"
        @unknown default:
            "'\(key.stringValue)': \(error)"
        }
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey> {
        let child = request(key) ?? Node.mapping(Node.Mapping([]))
        return try NodeDecoder(node: child, codingPath: codingPath + [key], context: context)
            .container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        let child = request(key) ?? Node.sequence(Node.Sequence([]))
        return try NodeDecoder(node: child, codingPath: codingPath + [key], context: context).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { NodeDecoder(node: node, codingPath: codingPath, context: context) }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        NodeDecoder(node: request(key) ?? Node.mapping(Node.Mapping([])), codingPath: codingPath + [key],
                    context: context)
    }
}

struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { "\(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}

struct NodeUnkeyedContainer: UnkeyedDecodingContainer {
    let nodes: [Node]
    let codingPath: [any CodingKey]
    let context: ConfigDecodingContext
    var currentIndex = 0

    init(nodes: [Node], codingPath: [any CodingKey], context: ConfigDecodingContext) {
        self.nodes = nodes
        self.codingPath = codingPath
        self.context = context
    }

    var count: Int? { nodes.count }
    var isAtEnd: Bool { currentIndex >= nodes.count }

    private mutating func next() throws -> (Node, [any CodingKey]) {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath, debugDescription: "list too short"))
        }
        defer { currentIndex += 1 }
        return (nodes[currentIndex], codingPath + [IndexKey(currentIndex)])
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, nodes[currentIndex].isNull else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (node, path) = try next()
        return try T(from: NodeDecoder(node: node, codingPath: path, context: context))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey> {
        let (node, path) = try next()
        return try NodeDecoder(node: node, codingPath: path, context: context).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (node, path) = try next()
        return try NodeDecoder(node: node, codingPath: path, context: context).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let (node, path) = try next()
        return NodeDecoder(node: node, codingPath: path, context: context)
    }
}

struct NodeSingleValueContainer: SingleValueDecodingContainer {
    let node: Node
    let codingPath: [any CodingKey]
    let context: ConfigDecodingContext

    func decodeNil() -> Bool { node.isNull }

    private func scalar(_ expected: String) throws -> String {
        guard case .scalar(let scalar) = node else {
            throw ConfigDecodingFailure(problem: context.problem(
                at: node, "\(ConfigDecodingContext.path(codingPath)) must be \(expected), found \(node.kindDescription)"))
        }
        return scalar.string
    }

    private func mismatch(_ text: String, _ expected: String) -> ConfigDecodingFailure {
        ConfigDecodingFailure(problem: context.problem(
            at: node, "\(ConfigDecodingContext.path(codingPath)) must be \(expected), found '\(text)'"))
    }

    func decode(_ type: Bool.Type) throws -> Bool {
        let text = try scalar("true or false")
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw mismatch(text, "true or false")
        }
    }

    func decode(_ type: String.Type) throws -> String { try scalar("text") }

    func decode(_ type: Double.Type) throws -> Double {
        let text = try scalar("a number")
        guard let value = Double(text.replacingOccurrences(of: "_", with: "")) else { throw mismatch(text, "a number") }
        return value
    }

    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }

    private func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        let text = try scalar("a whole number")
        guard let value = T(text.replacingOccurrences(of: "_", with: "")) else {
            throw mismatch(text, "a whole number")
        }
        return value
    }

    func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try T(from: NodeDecoder(node: node, codingPath: codingPath, context: context))
    }
}

extension ConfigDecodingContext {
    /// Records a problem for a value that decoded but is not acceptable (e.g. an unknown enum case).
    func invalid(_ node: Node?, _ message: String, hint: String? = nil) {
        problems.append(problem(at: node, message, hint: hint))
    }
}
