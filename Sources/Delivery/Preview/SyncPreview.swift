import Foundation
import SyncKit

/// What a sync would do to the fleet, worked out without writing anything: per target and rule,
/// the files added, modified and removed (with line counts), the conflicts a real merge with the
/// target's override or drifted edit would leave (with their line ranges), the checks that would
/// block a rule, and how many targets would be left unchanged.
package struct SyncPreview: Sendable, Equatable {
    package struct File: Sendable, Equatable {
        package var path: String
        package var kind: FileChange.Kind
        /// Nil for a binary file.
        package var stat: DiffStat?
        package var conflicts: [LineSpan]
        /// Merged with an override (its path) or a drifted edit.
        package var mergedWith: String?

        package init(path: String, kind: FileChange.Kind, stat: DiffStat?, conflicts: [LineSpan] = [], mergedWith: String? = nil) {
            self.path = path
            self.kind = kind
            self.stat = stat
            self.conflicts = conflicts
            self.mergedWith = mergedWith
        }
    }

    package struct Rule: Sendable, Equatable {
        package var repository: String
        package var ruleID: String
        package var files: [File] = []
        package var validation: RuleValidation?
        /// Validation would block it: nothing of it would be delivered.
        package var blocked = false
        package var declined: [DeclinedChange] = []
        package var adopted: [AdoptedFile] = []
        package var notes: [String] = []
        /// The target could not be read for it.
        package var error: String?

        package init(repository: String, ruleID: String) {
            self.repository = repository
            self.ruleID = ruleID
        }

        package var conflicts: Int { files.reduce(0) { $0 + $1.conflicts.count } }
        /// Whether the rule would change anything, or has something to say.
        package var isNoteworthy: Bool { !files.isEmpty || blocked || error != nil || !declined.isEmpty || !adopted.isEmpty }
    }

    /// The rules whose sources the change touches, by id.
    package var touchedRules: [String]
    /// Rules with something to show, in target order.
    package var rules: [Rule]
    /// Targets the change would leave exactly as they are.
    package var unchangedTargets: Int
    package var targets: Int

    package init(touchedRules: [String], rules: [Rule], unchangedTargets: Int, targets: Int) {
        self.touchedRules = touchedRules
        self.rules = rules
        self.unchangedTargets = unchangedTargets
        self.targets = targets
    }

    package var blockedRules: [Rule] { rules.filter(\.blocked) }
    package var conflicts: Int { rules.reduce(0) { $0 + $1.conflicts } }
    package var changedFiles: Int { rules.reduce(0) { $0 + $1.files.count } }
}

/// Builds a `SyncPreview` from a validated plan: every rule is reconciled against its target's
/// current state exactly as open-sync-pr would (same reads, same three-way merge), and nothing is
/// written.
package struct PreviewBuilder: Sendable {
    package var context: DeliveryContext

    package init(context: DeliveryContext) {
        self.context = context
    }

    package func preview(plan: Plan, blocked: [ValidatedPlan.BlockedRule], touchedRules: [String]) async -> SyncPreview {
        var byTarget: [String: [(rule: PlannedRule, blocked: Bool)]] = [:]
        var order: [String] = []
        for target in plan.targets {
            if byTarget[target.repository] == nil { order.append(target.repository) }
            byTarget[target.repository, default: []] += target.rules.map { ($0, false) }
        }
        for entry in blocked {
            if byTarget[entry.repository] == nil { order.append(entry.repository) }
            var rule = entry.rule
            rule.validation = entry.validation
            byTarget[entry.repository, default: []].append((rule, true))
        }
        var results: [[SyncPreview.Rule]] = []
        for repository in order {
            results.append(await previewTarget(repository, rules: byTarget[repository] ?? []))
        }
        let rules = results.flatMap { $0 }
        let unchanged = results.filter { $0.isEmpty }.count
        return SyncPreview(touchedRules: touchedRules, rules: rules, unchangedTargets: unchanged, targets: order.count)
    }

    /// The noteworthy rules of one target (none: the target would be unchanged).
    private func previewTarget(_ repository: String, rules: [(rule: PlannedRule, blocked: Bool)]) async -> [SyncPreview.Rule] {
        var previews: [SyncPreview.Rule] = []
        var baseCommits: [String: String] = [:]
        for (rule, blocked) in rules {
            var preview = SyncPreview.Rule(repository: repository, ruleID: rule.ruleID)
            preview.validation = rule.validation
            preview.blocked = blocked
            if !rule.files.isEmpty || !rule.orphans.isEmpty {
                do {
                    let info = try await context.forge.repository(repository)
                    let base = rule.targetBranch ?? info.defaultBranch
                    if baseCommits[base] == nil {
                        guard let head = try await context.forge.head(repository, branch: base) else {
                            throw PreviewError("the base branch '\(base)' does not exist in \(repository)")
                        }
                        baseCommits[base] = head.id
                    }
                    let work = try await Reconciliation(context: context, repository: repository, rule: rule, baseCommit: baseCommits[base]!).compute(decisions: false)
                    preview.files = work.fileChanges.map { change in
                        let new = work.changes[change.path] ?? nil
                        let binary = rule.files.first { $0.destination == change.path }?.binary ?? false
                        let stat = binary ? nil : DiffStat(old: Array(work.previous[change.path] ?? Data()), new: Array(new ?? Data()))
                        return SyncPreview.File(path: change.path, kind: change.kind, stat: stat, conflicts: change.conflicts,
                                                mergedWith: change.override ?? (change.drifted ? "the target's own edit (drift)" : nil))
                    }.sorted { $0.path < $1.path }
                    preview.declined = work.declined
                    preview.adopted = work.adopted
                    preview.notes = work.notices.map { "\($0.path): \($0.message)" }
                } catch {
                    preview.error = "\(error)"
                }
            }
            if preview.isNoteworthy { previews.append(preview) }
        }
        return previews
    }
}

struct PreviewError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
