import Yams

/// Finds where a setting is written in the configuration file, so checks made after decoding (missing files,
/// bad regular expressions, unknown variables) still point at `file:line:column`.
public struct ConfigLocator {
    public let file: String
    private let root: Node?

    public init(file: String, text: String) {
        self.file = file
        root = try? Yams.compose(yaml: text)
    }

    /// The node at a path of mapping keys (String) and list indices (Int); the deepest existing node otherwise.
    public func node(_ path: [any ConfigPathComponent]) -> Node? {
        var node = root
        for component in path {
            let next: Node?
            if let index = component as? Int {
                if case .sequence(let sequence)? = node, index < sequence.count { next = sequence[index] } else { next = nil }
            } else if let key = component as? String {
                next = node?[key]
            } else {
                next = nil
            }
            guard let next else { return node }
            node = next
        }
        return node
    }

    public func problem(_ path: [any ConfigPathComponent], _ message: String, hint: String? = nil) -> ConfigProblem {
        let mark = node(path)?.mark
        return ConfigProblem(file: file, line: mark?.line, column: mark?.column, message: message, hint: hint)
    }
}

public protocol ConfigPathComponent {}
extension String: ConfigPathComponent {}
extension Int: ConfigPathComponent {}
