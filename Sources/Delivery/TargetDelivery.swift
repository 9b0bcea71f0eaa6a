import Foundation
import Forge
import SyncKit

/// Delivers every rule of one target in dependency order; a failing rule skips the rules that
/// depend on it and never stops the other targets. Rules with `pull_request: per_target` share
/// one pull request per base branch, delivered where the first of them comes in the order.
package struct TargetDelivery: Sendable {
    package let context: DeliveryContext

    package init(context: DeliveryContext) {
        self.context = context
    }

    package func deliver(_ target: PlannedTarget) async -> [TargetResult] {
        var results: [TargetResult] = []
        var gate = DependencyGate()
        var delivered = Set<String>()
        for rule in target.rules where !delivered.contains(rule.ruleID) {
            let group = rule.pullRequest == .perTarget
                ? target.rules.filter { $0.pullRequest == .perTarget && $0.branch == rule.branch && !delivered.contains($0.ruleID) }
                : [rule]
            var ready: [PlannedRule] = []
            for member in group {
                delivered.insert(member.ruleID)
                if let blocker = gate.blocker(of: member.ruleID, dependsOn: member.dependsOn) {
                    results.append(TargetResult(repository: target.repository, ruleID: member.ruleID, status: .skipped, message: "skipped: depends on '\(blocker)', which failed"))
                } else {
                    ready.append(member)
                }
            }
            guard !ready.isEmpty else { continue }
            do {
                for result in try await PullRequestDelivery(context: context, repository: target.repository, rules: ready).run() {
                    if result.status == .failed { gate.stop(result.ruleID) }
                    results.append(result)
                }
            } catch {
                for member in ready {
                    gate.stop(member.ruleID)
                    results.append(TargetResult(repository: target.repository, ruleID: member.ruleID, status: .failed, message: "\(error)"))
                }
            }
        }
        await closeAbandonedSharedPullRequests(target, results: &results)
        return results
    }

    /// A target whose rules all went back to `per_rule`: an open shared pull request whose commit
    /// holds only rules that now have pull requests of their own is closed, pointing to them.
    private func closeAbandonedSharedPullRequests(_ target: PlannedTarget, results: inout [TargetResult]) async {
        let perRule = Set(target.rules.filter { $0.pullRequest != .perTarget }.map(\.ruleID))
        let opened = results.filter { perRule.contains($0.ruleID) && [.opened, .updated, .conflict].contains($0.status) }
        guard !opened.isEmpty, !context.dryRun else { return }
        let forge = context.forge
        do {
            let pulls = try await forge.openPullRequests(target.repository, headPrefix: context.layout.branchPrefix)
            for pull in pulls where PullRequestDelivery.isShared(pull.head) {
                guard let head = try await forge.head(target.repository, branch: pull.head), head.message.contains(DeliveryContext.trailer) else { continue }
                let held = head.message.split(separator: "\n").compactMap { line in
                    line.hasPrefix("Sync-Rule: ") ? String(line.dropFirst("Sync-Rule: ".count)) : nil
                }
                guard !held.isEmpty, held.allSatisfy(perRule.contains) else { continue }
                let replacements = opened.filter { held.contains($0.ruleID) }.compactMap { $0.pullRequest.map { "#\($0.number)" } }
                try await forge.closePullRequest(target.repository, number: pull.number,
                                                 comment: "Superseded: these rules now have a pull request each (pull_request: per_rule)"
                                                    + (replacements.isEmpty ? "." : ": \(replacements.joined(separator: ", "))."))
            }
        } catch {
            if let index = results.firstIndex(where: { $0.ruleID == opened[0].ruleID }) {
                let note = "warning: the shared pull request these rules left could not be closed (\(error)); close it by hand"
                results[index].message = results[index].message.map { "\($0); \(note)" } ?? note
            }
        }
    }
}
