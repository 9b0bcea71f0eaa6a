import Foundation
import SyncKit

/// What a sync pull request says: its title, its body (the specification's template, or a
/// section per rule for a shared one), its commit message with the trailers later runs read.
extension PullRequestDelivery {
    func title(_ works: [String: Reconciliation.Work]) -> String {
        let name = shared ? "\(rules.count) sync rule\(rules.count == 1 ? "" : "s")" : (works[rules[0].ruleID]?.specName ?? rules[0].ruleID)
        return PullRequestBody.title(namespace: layout.namespace, specName: name, version: context.plan.version)
    }

    /// One rule: the specification's template. Shared: a section per rule, each the template.
    func body(_ works: [String: Reconciliation.Work]) -> String {
        guard shared else { return works[rules[0].ruleID]?.body ?? "" }
        var sections = ["# Sync of \(rules.count) rule\(rules.count == 1 ? "" : "s") into \(repository)", "",
                        "This pull request holds every rule that syncs into this repository with `pull_request: per_target`; each section below is one rule."]
        var length = sections.joined(separator: "\n").count
        var folded: [String] = []
        for rule in rules {
            guard let work = works[rule.ruleID], !work.changes.isEmpty else {
                folded.append("- \(rule.ruleID): nothing new in this release")
                continue
            }
            // GitHub refuses a body over 65,536 characters: rules past the budget are listed by name.
            if length + work.body.count > Self.bodyBudget {
                folded.append("- \(rule.ruleID): \(work.fileChanges.count) file\(work.fileChanges.count == 1 ? "" : "s") (the section does not fit; see the commit)")
                continue
            }
            sections += ["", work.body]
            length += work.body.count + 2
        }
        if !folded.isEmpty { sections += ["", "### Other rules", ""] + folded }
        return sections.joined(separator: "\n") + "\n"
    }

    static let bodyBudget = 60_000

    func commitMessage(_ title: String) -> String {
        let source = "from \(context.plan.sourceRepository)" + (context.plan.sourceCommit.map { "@\($0.prefix(12))" } ?? "")
        let ids = rules.map(\.ruleID)
        let what = ids.count == 1 ? "Sync rule \(ids[0])" : "Sync rules \(ids.joined(separator: ", "))"
        return "\(title)\n\n\(what) at \(context.plan.version) \(source).\n\n\(DeliveryContext.trailer)\n"
            + ids.map { "Sync-Rule: \($0)\n" }.joined() + "Sync-Version: \(context.plan.version)"
    }

    static func declinedNote(_ declined: [DeclinedChange]) -> String {
        let names = declined.prefix(5).map(\.path).joined(separator: ", ") + (declined.count > 5 ? " and \(declined.count - 5) more" : "")
        return "\(declined.count) declined downstream, left as they are: \(names)"
    }
}
