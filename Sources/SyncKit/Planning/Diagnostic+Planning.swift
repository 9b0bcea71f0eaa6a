import Diagnostics

extension Diagnostic {
    /// A problem in upstream content found while planning (a template that does not render, a
    /// destination refused): an error on the upstream file, titled with the rule it blocks.
    package static func planProblem(file: String, ruleID: String, message: String) -> Diagnostic {
        Diagnostic(.error, message, title: "Rule \(ruleID)", file: file, ruleID: ruleID)
    }
}
