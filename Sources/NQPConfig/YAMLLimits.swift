import Foundation
import Yams

/// Bounds on what a configuration file may make nqp do (README "Limits").
enum YAMLLimits {
    /// Most nodes the configuration may expand to once aliases are followed. A real pipeline.yml has a few
    /// thousand; a 9 KB "billion laughs" file (aliases of aliases, ×9 per level) would expand to a billion.
    static let maxExpandedNodes = 100_000

    /// The problem when aliases make `root` expand beyond the limit, nil otherwise. Linear in the file: an aliased
    /// node is the anchored node itself (same mark), so each distinct node is sized once.
    static func aliasExpansionProblem(_ root: Node, file: String) -> ConfigProblem? {
        var memo: [String: Int] = [:]
        let total = expandedSize(root, memo: &memo)
        guard total > maxExpandedNodes else { return nil }
        // Point at the smallest node that alone exceeds the limit: where the aliases multiply.
        var node = root
        while let child = children(of: node).max(by: { expandedSize($0, memo: &memo) < expandedSize($1, memo: &memo) }),
              expandedSize(child, memo: &memo) > maxExpandedNodes {
            node = child
        }
        return ConfigProblem(file: file, line: node.mark?.line, column: node.mark?.column,
                             message: "YAML aliases expand the configuration to more than \(maxExpandedNodes) nodes "
                                 + "(an alias of aliases multiplies; a \"billion laughs\" file)",
                             hint: "write the values out or use fewer levels of aliases")
    }

    private static func children(of node: Node) -> [Node] {
        switch node {
        case .mapping(let mapping): return mapping.flatMap { [$0.key, $0.value] }
        case .sequence(let sequence): return Array(sequence)
        default: return []
        }
    }

    private static func expandedSize(_ node: Node, memo: inout [String: Int]) -> Int {
        let kids = children(of: node)
        guard !kids.isEmpty else { return 1 }
        let key = node.mark.map { "\($0.line):\($0.column)" } ?? ""
        if !key.isEmpty, let known = memo[key] { return known }
        var size = 1
        for kid in kids {
            size = min(size + expandedSize(kid, memo: &memo), maxExpandedNodes + 1)
        }
        if !key.isEmpty { memo[key] = size }
        return size
    }

    /// `file:line:column` of a duplicated key: Yams reports the first occurrence; the repeat is the next line
    /// with the same key at the same column.
    static func duplicateKeyProblem(_ keys: [String], mark: Mark, yaml: String, file: String) -> ConfigProblem {
        let lines = yaml.components(separatedBy: "\n")
        var line = mark.line, column = mark.column
        if let key = keys.first, mark.line >= 1 {
            for index in mark.line..<lines.count {
                let scalars = Array(lines[index].unicodeScalars)
                guard scalars.count >= mark.column else { continue }
                let rest = String(String.UnicodeScalarView(scalars[(mark.column - 1)...]))
                let before = String(String.UnicodeScalarView(scalars[..<(mark.column - 1)]))
                if before.allSatisfy({ $0 == " " || $0 == "-" }),
                   rest.hasPrefix(key + ":") || rest.hasPrefix("\"\(key)\":") || rest.hasPrefix("'\(key)':") {
                    line = index + 1
                    column = mark.column
                    break
                }
            }
        }
        let names = keys.map { "'\(String($0.prefix(60)))'" }.joined(separator: ", ")
        return ConfigProblem(file: file, line: line, column: column,
                             message: "duplicate key \(names) in one mapping (first at line \(mark.line), column \(mark.column))",
                             hint: "each key may appear once per mapping: remove or merge the repeated one")
    }
}
