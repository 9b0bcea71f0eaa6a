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
                let delivery = PullRequestDelivery(context: context, repository: target.repository, rules: ready,
                                                   perRuleIDs: Set(target.rules.filter { $0.pullRequest != .perTarget }.map(\.ruleID)))
                for result in try await delivery.run() {
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
        return results
    }
}
