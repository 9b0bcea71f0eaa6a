import Diagnostics
import Foundation
import SyncCore

/// The exemptions file:
///
///     exemptions:
///       - path: "agents/legacy/**"
///         rule: agent-frontmatter
///         reason: Legacy agents are migrated in Q1 (JIRA-123).
///         expires: 2027-03-31
package enum ExemptionsFile {
    static let entryKeys = ["path", "rule", "reason", "expires"]

    /// Parses the file; every rule id must name a rule of `policy`. Problems are reported together.
    package static func parse(_ text: String, file: String, policy: Policy) throws(DiagnosticGroup) -> [Exemption] {
        let items: [ConfigNode]
        do throws(Diagnostic) {
            guard let document = try ConfigNode.parse(text, file: file) else { return [] }
            items = try document.mapping(allowed: ["exemptions"])["exemptions"]?.sequence() ?? []
        } catch {
            throw DiagnosticGroup([error])
        }
        var exemptions: [Exemption] = []
        var errors: [Diagnostic] = []
        for item in items {
            do throws(Diagnostic) {
                exemptions.append(try parseEntry(item, file: file, policy: policy))
            } catch {
                errors.append(error)
            }
        }
        guard errors.isEmpty else { throw DiagnosticGroup(errors) }
        return exemptions
    }

    private static func parseEntry(_ item: ConfigNode, file: String, policy: Policy) throws(Diagnostic) -> Exemption {
        let mapping = try item.mapping(allowed: entryKeys)
        let pathNode = try mapping.required("path")
        let pattern = try pathNode.string()
        let glob: Glob
        do {
            glob = try Glob(pattern)
        } catch {
            throw pathNode.error("'\(pattern)' is not a valid glob: \(error).", hint: "See docs/globs.md.")
        }
        let ruleNode = try mapping.required("rule")
        let ruleId = try ruleNode.string()
        guard policy.rule(ruleId) != nil else {
            let suggestion = Suggestion.closest(to: ruleId, in: policy.rules.map(\.id))
            throw ruleNode.error(
                "the exemption names rule '\(ruleId)', which the policy does not have." + (suggestion.map { " Did you mean '\($0)'?" } ?? ""),
                hint: "Rules: \(policy.rules.map(\.id).joined(separator: ", "))."
            )
        }
        let reasonNode = try mapping.required("reason")
        let reason = try reasonNode.string()
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw reasonNode.error("the exemption needs a reason: why the rule does not apply, and until when.")
        }
        let expiresNode = try mapping.required("expires")
        let expiresText = try expiresNode.string()
        guard let expires = ExemptionDate(expiresText) else {
            throw expiresNode.error("'expires' must be a date (YYYY-MM-DD); found '\(expiresText)'.")
        }
        return Exemption(path: glob, ruleId: ruleId, reason: reason, expires: expires, file: file, line: item.line ?? 1)
    }
}
