import Diagnostics

/// A plan delivery may take: every rule in it was checked by the five checks and none is blocked.
/// The rules validation blocked are held apart, each with its checks, so they are reported and
/// never delivered, whatever the plan file says. Built only by validation, or from a plan file
/// by `init(reading:requireChecks:)`, which refuses rules nobody checked.
package struct ValidatedPlan: Sendable {
    /// A rule validation blocked, with the checks that blocked it.
    package struct BlockedRule: Sendable {
        package var repository: String
        package var rule: PlannedRule
        package var validation: RuleValidation
    }

    /// The deliverable rules; with `requireChecks`, each carries its validation.
    package private(set) var plan: Plan
    /// Rules of the plan file that validation blocked.
    package private(set) var blocked: [BlockedRule]

    /// Built by validation: `plan` holds only the rules that passed, `blocked` the others.
    init(passed plan: Plan, blocked: [BlockedRule]) {
        self.plan = plan
        self.blocked = blocked
    }

    /// The plan as read from a plan file. With `requireChecks`, a rule without validation results
    /// is refused (the file did not come from validate-sync); without, unchecked rules are
    /// delivered as they are (a deliberate `require-validation: false`). Blocked rules leave the plan.
    package init(reading plan: Plan, requireChecks: Bool, shownAs file: String) throws(Diagnostic) {
        if requireChecks {
            let unchecked = plan.targets.flatMap { target in target.rules.filter { $0.validation == nil }.map { "\(target.repository) \($0.ruleID)" } }
            if !unchecked.isEmpty {
                throw .configuration(
                    "\(file) has rules validate-sync did not check (\(unchecked.prefix(5).joined(separator: ", "))\(unchecked.count > 5 ? ", …" : "")): "
                        + "pass validate-sync's validated plan, or set require-validation: false to deliver it unchecked."
                )
            }
        }
        var deliverable = plan
        var blocked: [BlockedRule] = []
        for index in deliverable.targets.indices {
            let repository = deliverable.targets[index].repository
            deliverable.targets[index].rules.removeAll { rule in
                guard let validation = rule.validation, validation.blocked else { return false }
                blocked.append(BlockedRule(repository: repository, rule: rule, validation: validation))
                return true
            }
        }
        self.init(passed: deliverable, blocked: blocked)
    }
}
