/// Identifies a column whose base-year min/max is remembered across year groups.
enum ReferenceKey: Hashable, Sendable {
    case indicator(Int)
    case subScore(node: Int, child: Int)
}

/// Scores one weighting group (the pooled sample, or one year) through the whole tree, bottom-up.
struct GroupEvaluator {
    let tree: ScoreTree
    let options: EntropyOptions
    let year: Int?
    /// Input row indices of the group, sorted by firm then year.
    let rows: [Int]
    let firms: [String]
    let years: [Int]
    /// Indicator values over the group rows (configured indicator order).
    let columns: [[Double]]
    /// Positions (into `rows`) of base-year rows; `nil` without `base_year`. Empty when this group has none
    /// (a by-year group other than the base year), in which case the remembered base-year extrema are used.
    let basePositions: [Int]?

    /// Per node: its score over the group rows (unscaled).
    private(set) var scores: [[Double]]
    /// Per node: the weight rows of its items (indicators or children), in configured order.
    private(set) var itemWeights: [[WeightRow]]
    /// Per node: Σ d over every indicator below it (what `sum_of_weights` weights by).
    private var leafDivergence: [Double]
    private(set) var warnings: [ScoreWarning] = []
    /// Why the group could not be weighted, when it could not.
    private(set) var failure: String?

    init(tree: ScoreTree, options: EntropyOptions, year: Int?, rows: [Int], firms: [String], years: [Int],
         columns: [[Double]], basePositions: [Int]?) {
        self.tree = tree
        self.options = options
        self.year = year
        self.rows = rows
        self.firms = firms
        self.years = years
        self.columns = columns
        self.basePositions = basePositions
        scores = Array(repeating: [], count: tree.nodes.count)
        itemWeights = Array(repeating: [], count: tree.nodes.count)
        leafDivergence = Array(repeating: 0, count: tree.nodes.count)
    }

    /// Evaluates the tree. Returns false (and sets `failure`) when the group cannot be weighted.
    mutating func run(reference: inout [ReferenceKey: Extrema]) throws(ScoreError) -> Bool {
        try evaluate(node: 0, reference: &reference)
    }

    /// The weights table of this group in pre-order, with composite weights filled in.
    func weightRowsInPreOrder() -> [WeightRow] {
        var out: [WeightRow] = []
        func emit(_ node: Int, _ compositeWeight: Double) {
            for var row in itemWeights[node] {
                row.compositeWeight = compositeWeight * row.w
                out.append(row)
            }
            for (k, child) in tree.nodes[node].children.enumerated() {
                emit(child, compositeWeight * itemWeights[node][k].w)
            }
        }
        emit(0, 1)
        return out
    }

    private mutating func evaluate(node index: Int, reference: inout [ReferenceKey: Extrema]) throws(ScoreError) -> Bool {
        let node = tree.nodes[index]
        var inputs: [[Double]] = []
        var entropies: [Double?] = []
        var divergences: [Double] = []
        var items: [(name: String, direction: Direction, isIndicator: Bool)] = []

        if node.isLeaf {
            for j in node.indicators {
                let indicator = tree.indicators[j]
                guard let weighed = try weigh(columns[j], direction: indicator.direction, key: .indicator(j),
                                              dimension: node.name, item: indicator.name, reference: &reference)
                else { return false }
                inputs.append(weighed.standardized)
                entropies.append(weighed.e)
                divergences.append(weighed.d)
                items.append((indicator.name, indicator.direction, true))
                leafDivergence[index] += weighed.d
            }
        } else {
            for child in node.children {
                guard try evaluate(node: child, reference: &reference) else { return false }
                leafDivergence[index] += leafDivergence[child]
            }
            for (k, child) in node.children.enumerated() {
                let childScores = scores[child]
                inputs.append(childScores)  // sub-scores are combined as they are; only their weights use x′
                items.append((tree.nodes[child].name, .positive, false))
                switch node.aggregation {
                case .entropy:
                    guard let weighed = try weigh(childScores, direction: .positive,
                                                  key: .subScore(node: index, child: k), dimension: node.name,
                                                  item: tree.nodes[child].name, reference: &reference)
                    else { return false }
                    entropies.append(weighed.e)
                    divergences.append(weighed.d)
                case .sumOfWeights:
                    entropies.append(nil)
                    divergences.append(leafDivergence[child])
                }
            }
        }

        var total = 0.0
        for d in divergences { total += d }
        guard total > 0, total.isFinite else {
            failure = "every item of `\(node.name)` is constant, so no weights can be formed"
            return false
        }
        let weights = divergences.map { $0 / total }
        itemWeights[index] = items.indices.map { k in
            WeightRow(level: node.depth + 1, dimension: node.name, indicator: items[k].name,
                      isIndicator: items[k].isIndicator, direction: items[k].direction, year: year, n: rows.count,
                      e: entropies[k], d: divergences[k], w: weights[k], compositeWeight: 0)
        }
        switch options.method {
        case .entropy: scores[index] = EntropyKernel.weightedSum(inputs, weights: weights)
        case .entropyTopsis: scores[index] = EntropyKernel.closeness(inputs, weights: weights)
        }
        return true
    }

    /// Standardises one column (an indicator, or a child's sub-scores), adds the shift, and computes its entropy.
    /// Returns nil (with `failure` set) when the base-year reference is unavailable.
    private mutating func weigh(_ values: [Double], direction: Direction, key: ReferenceKey, dimension: String,
                                item: String, reference: inout [ReferenceKey: Extrema])
        throws(ScoreError) -> (standardized: [Double], e: Double, d: Double)? {
        let method = options.standardize
        let shift = options.effectiveShift
        if let (position, reason) = EntropyKernel.firstUnusableValue(values, direction: direction, method: method) {
            throw invalidValue(item, position, values[position], reason)
        }
        guard let extrema = referenceExtrema(values, key: key, reference: &reference) else {
            failure = "the base year \(options.baseYear.map(String.init) ?? "?") could not be scored, so its "
                + "min/max for `\(item)` are unknown"
            return nil
        }
        let isConstant = EntropyKernel.isConstant(values) || (method == .minmax && extrema.max == extrema.min)
        if isConstant {
            warnings.append(.zeroVariance(dimension: dimension, item: item, year: year))
            // Weight 0 by definition (e = 1); the constant value then contributes nothing to any score.
            return (Array(repeating: shift, count: values.count), 1, 0)
        }
        if method == .max {
            // Only reachable with base_year: the group's own extrema are positive after the value checks.
            let bound = direction == .positive ? extrema.max : extrema.min
            if bound <= 0 {
                throw .invalidOption(field: "base_year", reason: "the base-year "
                    + "\(direction == .positive ? "maximum" : "minimum") of `\(item)` is \(bound), but standardize: max "
                    + "divides by it and needs it positive. Choose another base_year or use standardize: minmax")
            }
        }
        var standardized = EntropyKernel.standardize(values, direction: direction, method: method, reference: extrema)
        if shift != 0 {
            for i in standardized.indices { standardized[i] += shift }
        }
        if let i = standardized.firstIndex(where: { $0 < 0 }) {
            throw invalidValue(item, i, values[i], "lies outside the base-year range and standardises to "
                + "\(standardized[i]) < 0, which has no entropy. Use a larger shift, winsorise, choose another "
                + "base_year, or drop base_year")
        }
        let e = EntropyKernel.entropy(standardized)
        return (standardized, e, 1 - e)
    }

    private func referenceExtrema(_ values: [Double], key: ReferenceKey,
                                  reference: inout [ReferenceKey: Extrema]) -> Extrema? {
        guard let basePositions else { return Extrema(of: values) }
        if basePositions.isEmpty { return reference[key] }
        let extrema = Extrema(of: values, at: basePositions)
        reference[key] = extrema
        return extrema
    }

    private func invalidValue(_ item: String, _ position: Int, _ value: Double, _ reason: String) -> ScoreError {
        let row = rows[position]
        return .invalidValue(indicator: item, firm: firms[row], year: years[row], value: value, reason: reason)
    }
}
