// MARK: - Repos found in several inputs

extension SummaryMerger {
    /// A repository that more than one input holds; the last of them gives the merged result.
    public struct RepeatedRepository: Sendable, Equatable {
        /// The repository name.
        public var name: String
        /// The 1-based positions of the inputs holding it, in order.
        public var inputs: [Int]

        /// Makes a record.
        public init(name: String, inputs: [Int]) {
            self.name = name
            self.inputs = inputs
        }

        /// The input whose result ``SummaryMerger/merge(_:)`` keeps: the last one.
        public var winner: Int { inputs.last ?? 0 }
    }

    /// Every repository found in more than one of `summaries`, in the order they first appear, so `fleet report`
    /// can say which input won (two shards holding one repo usually means a mistake in the sharding).
    public static func repeatedRepositories(in summaries: [Summary]) -> [RepeatedRepository] {
        var order: [String] = []
        var inputs: [String: [Int]] = [:]
        for (offset, summary) in summaries.enumerated() {
            for name in Set(summary.repos.map(\.name)) {
                if inputs[name] == nil { order.append(name) }
                inputs[name, default: []].append(offset + 1)
            }
        }
        return order.compactMap { name in
            guard let found = inputs[name], found.count > 1 else { return nil }
            return RepeatedRepository(name: name, inputs: found)
        }
    }
}
