/// A node of a score system flattened for evaluation; index 0 is the composite, nodes are in pre-order.
struct TreeNode: Sendable {
    var name: String
    var path: [String]
    var column: String
    var label: String
    /// 0 for the composite, 1 for its dimensions, …
    var depth: Int
    /// Indicator indices (leaves only).
    var indicators: [Int]
    /// Child node indices (internal nodes only).
    var children: [Int]
    var aggregation: Aggregation

    var isLeaf: Bool { children.isEmpty }
}

/// A validated score system: nodes in pre-order and indicators in configured order.
struct ScoreTree: Sendable {
    private(set) var nodes: [TreeNode] = []
    private(set) var indicators: [Indicator] = []

    init(_ system: ScoreSystem, defaultAggregation: Aggregation) throws(ScoreError) {
        let compositeColumn = system.compositeColumn
        try add(name: system.name, column: compositeColumn, label: system.label ?? system.name,
                aggregation: system.aggregation ?? defaultAggregation, indicators: system.indicators,
                dimensions: system.dimensions, path: [], depth: 0, compositeColumn: compositeColumn,
                defaultAggregation: defaultAggregation)
        try checkUniqueness()
    }

    @discardableResult
    private mutating func add(name: String, column: String, label: String, aggregation: Aggregation,
                              indicators: [Indicator], dimensions: [ScoreDimension], path: [String], depth: Int,
                              compositeColumn: String, defaultAggregation: Aggregation) throws(ScoreError) -> Int {
        let path = path + [name]
        let where_ = path.joined(separator: "/")
        guard !name.trimmingWhitespace.isEmpty else {
            throw .invalidSystem(path: where_, reason: "a system or dimension needs a non-empty name")
        }
        switch (indicators.isEmpty, dimensions.isEmpty) {
        case (true, true):
            throw .invalidSystem(path: where_, reason: "has neither indicators nor dimensions; give one of them")
        case (false, false):
            throw .invalidSystem(path: where_, reason: "has both indicators and dimensions; put the indicators "
                + "into a dimension of their own so every level is weighted among like items")
        default:
            break
        }
        let index = nodes.count
        nodes.append(TreeNode(name: name, path: path, column: column, label: label, depth: depth, indicators: [],
                              children: [], aggregation: aggregation))
        for indicator in indicators {
            guard !indicator.name.trimmingWhitespace.isEmpty else {
                throw .invalidSystem(path: where_, reason: "an indicator has an empty name")
            }
            nodes[index].indicators.append(self.indicators.count)
            self.indicators.append(indicator)
        }
        for dimension in dimensions {
            let child = try add(name: dimension.name, column: dimension.column ?? "\(compositeColumn)_\(dimension.name)",
                                label: dimension.label ?? dimension.name,
                                aggregation: dimension.aggregation ?? defaultAggregation,
                                indicators: dimension.indicators, dimensions: dimension.dimensions, path: path,
                                depth: depth + 1, compositeColumn: compositeColumn,
                                defaultAggregation: defaultAggregation)
            nodes[index].children.append(child)
        }
        return index
    }

    private func checkUniqueness() throws(ScoreError) {
        var seen = Set<String>()
        for indicator in indicators where !seen.insert(indicator.name).inserted {
            throw .invalidSystem(path: nodes[0].name, reason: "indicator `\(indicator.name)` is listed twice; "
                + "each indicator may appear once in a system")
        }
        seen = []
        for node in nodes where !seen.insert(node.name).inserted {
            throw .invalidSystem(path: node.path.joined(separator: "/"),
                                 reason: "the dimension name `\(node.name)` is used twice; names identify rows of "
                                     + "the weights table, so make them unique")
        }
        seen = []
        for node in nodes where !seen.insert(node.column).inserted {
            throw .invalidSystem(path: node.path.joined(separator: "/"),
                                 reason: "output column `\(node.column)` is used twice; set `column:` to a unique name")
        }
    }
}

extension String {
    var trimmingWhitespace: Substring {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let end = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return self[start...end]
    }
}
