/// Which targets of a plan one delivery job takes: all of them, the ones it names, or one shard
/// of the matrix plan-sync printed. Repository names compare without regard to case, as on GitHub.
package enum TargetSelection: Sendable, Equatable {
    case all
    case named([String])
    /// Shard `index` of `PlanMatrix.shards(plan, maxShards:)`.
    case shard(index: Int, maxShards: Int)

    /// What the job delivers from `plan`, and the names it was given that the plan does not have
    /// (neither as a target nor as a rule it skipped): those are worth a warning, not a failure.
    package func select(from plan: Plan) -> (targets: [PlannedTarget], unknown: [String]) {
        switch self {
        case .all:
            return (plan.targets, [])
        case .named(let names):
            let wanted = Set(names.map { $0.lowercased() })
            let known = Set(plan.targets.map { $0.repository.lowercased() } + plan.skippedRules.map { $0.repository.lowercased() })
            return (plan.targets.filter { wanted.contains($0.repository.lowercased()) }, names.filter { !known.contains($0.lowercased()) })
        case .shard(let index, let maxShards):
            guard let selected = PlanMatrix.shards(plan, maxShards: maxShards).first(where: { $0.index == index }) else { return ([], []) }
            let members = Set(selected.targets)
            return (plan.targets.filter { members.contains($0.repository) }, [])
        }
    }

    /// Whether this job reports the plan's rule that validation blocked in `repository`: a job
    /// with named targets reports its own; otherwise the job with no filter, or shard 0, reports
    /// them all, so each is reported once.
    package func reportsBlockedRule(in repository: String) -> Bool {
        switch self {
        case .all: true
        case .named(let names): names.contains { $0.lowercased() == repository.lowercased() }
        case .shard(let index, _): index == 0
        }
    }
}
