/// Splits the targets into shards for a `strategy.matrix`, balanced by file count: the largest
/// target goes to the least-loaded shard, ties to the lowest shard number. Deterministic.
package enum PlanMatrix {
    package struct Shard: Sendable, Equatable {
        package var index: Int
        package var targets: [String]
        package var files: Int
    }

    package static func shards(_ plan: Plan, maxShards: Int) -> [Shard] {
        let targets = plan.targets.filter { $0.fileCount > 0 || $0.rules.contains { !$0.orphans.isEmpty } }
        guard !targets.isEmpty else { return [] }
        let count = max(1, min(maxShards, targets.count))
        var shards = (0..<count).map { Shard(index: $0, targets: [], files: 0) }
        let ordered = targets.sorted { ($0.fileCount, $1.repository) > ($1.fileCount, $0.repository) }
        for target in ordered {
            let lightest = shards.indices.min { (shards[$0].files, shards[$0].targets.count, $0) < (shards[$1].files, shards[$1].targets.count, $1) }!
            shards[lightest].targets.append(target.repository)
            shards[lightest].files += max(1, target.fileCount)
        }
        return shards.map { Shard(index: $0.index, targets: $0.targets.sorted(), files: $0.files) }
    }

    /// `{"include":[{"shard":"0","targets":"org/a,org/b"}]}`
    package static func json(_ shards: [Shard]) -> String {
        let items = shards.map { #"{"shard":"\#($0.index)","targets":"\#($0.targets.joined(separator: ","))"}"# }
        return #"{"include":["# + items.joined(separator: ",") + "]}"
    }
}
