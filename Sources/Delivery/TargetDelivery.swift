import Foundation
import Forge
import SyncKit

/// Delivers every rule of one target in dependency order; a failing rule skips the rules that
/// depend on it and never stops the other targets.
package struct TargetDelivery: Sendable {
    package let context: DeliveryContext

    package init(context: DeliveryContext) {
        self.context = context
    }

    package func deliver(_ target: PlannedTarget) async -> [TargetResult] {
        var results: [TargetResult] = []
        var gate = DependencyGate()
        for rule in target.rules {
            if let blocker = gate.blocker(of: rule.ruleID, dependsOn: rule.dependsOn) {
                results.append(TargetResult(repository: target.repository, ruleID: rule.ruleID, status: .skipped, message: "skipped: depends on '\(blocker)', which failed"))
                continue
            }
            do {
                let result = try await RuleDelivery(context: context, repository: target.repository, rule: rule).run()
                if result.status == .failed { gate.stop(rule.ruleID) }
                results.append(result)
            } catch {
                gate.stop(rule.ruleID)
                results.append(TargetResult(repository: target.repository, ruleID: rule.ruleID, status: .failed, message: "\(error)"))
            }
        }
        return results
    }
}
