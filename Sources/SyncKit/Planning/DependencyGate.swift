/// `depends_on` as planning, validation and delivery apply it: a rule whose dependency did not go
/// through (failed to render, was blocked by validation, failed to deliver) does not go through
/// either, and in turn stops the rules that depend on it.
package struct DependencyGate: Sendable {
    package private(set) var stopped: Set<String>

    package init(stopped: some Sequence<String> = [String]()) {
        self.stopped = Set(stopped)
    }

    /// Records that `ruleID` did not go through.
    package mutating func stop(_ ruleID: String) {
        stopped.insert(ruleID)
    }

    package func isStopped(_ ruleID: String) -> Bool {
        stopped.contains(ruleID)
    }

    /// The first dependency of the rule that was stopped, and then the rule is stopped too; nil
    /// when every dependency went through (or the rule has none).
    package mutating func blocker(of ruleID: String, dependsOn: [String]) -> String? {
        guard let blocker = dependsOn.first(where: stopped.contains) else { return nil }
        stopped.insert(ruleID)
        return blocker
    }
}
