import SyncCore
/// Which rules a trigger selects, and why each of the others is not selected.
enum RuleSelection {
    static func decide(_ rule: SyncRule, request: PlanRequest, filter: GlobFilter) -> (selected: Bool, reason: String) {
        if let targets = request.targets, !targets.contains(where: { $0.lowercased() == rule.targetRepository.lowercased() }) {
            return (false, "target not in target-repos")
        }
        if let names = request.ruleFilter, !names.contains(rule.id) {
            return (false, "not in the rules input")
        }
        switch request.trigger {
        case .ignored(let reason):
            return (false, reason)
        case .release(let tag):
            return rule.frequency == .onRelease
                ? (true, "release \(tag) published")
                : (false, "frequency \(rule.frequency.rawValue): not run on releases")
        case .change(let paths):
            guard rule.frequency == .onChange else {
                return (false, "frequency \(rule.frequency.rawValue): not run on pushes")
            }
            let matched = paths.filter(filter.selects)
            guard let first = matched.first else { return (false, "no source of this rule changed in the push") }
            return (true, "push changed \(first)" + (matched.count > 1 ? " (+\(matched.count - 1) more)" : ""))
        case .manual(let named):
            if named.contains("all") { return (true, "workflow_dispatch with rules: all") }
            if named.contains(rule.id) { return (true, "named in the rules input") }
            return rule.frequency == .manual
                ? (true, "workflow_dispatch runs manual rules")
                : (false, "frequency \(rule.frequency.rawValue): not named in the rules input")
        case .schedule:
            guard rule.frequency == .onRelease else {
                return (false, "frequency \(rule.frequency.rawValue): schedules catch up on_release rules only")
            }
            guard let recorded = request.state(of: rule.targetRepository)?.version else {
                return (true, "catch-up: no sync recorded for the target")
            }
            if let current = SemanticVersion(recorded), let latest = SemanticVersion(request.version), current < latest {
                return (true, "catch-up: target at \(recorded), latest release \(request.version)")
            }
            return recorded == request.version
                ? (false, "target already at \(recorded)")
                : (true, "catch-up: target at \(recorded), latest release \(request.version)")
        }
    }
}
