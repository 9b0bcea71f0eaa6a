import Diagnostics
import Foundation
import SyncCore

/// One policy file as written, before `extends` is resolved: where it extends from and its
/// rule entries. An entry without `type` overrides the rule with the same id of the parent.
struct PolicyDocument {
    struct Entry {
        var id: String
        var node: ConfigNode
        var level: RuleLevel?
        var scope: [Glob]?
        var type: RuleType?
        var options: ConfigNode?
        var description: String?
        var policyURL: String?
        var remediation: String?
    }

    static let topLevelKeys = ["extends", "rules"]
    static let ruleKeys = ["id", "level", "where", "type", "options", "description", "policy_url", "remediation"]

    var file: String
    var extends: ConfigNode?
    var entries: [Entry]

    /// Parses a policy file; every problem found is reported together.
    static func parse(_ text: String, file: String) throws(DiagnosticGroup) -> PolicyDocument {
        let root: ConfigMapping
        do throws(Diagnostic) {
            guard let document = try ConfigNode.parse(text, file: file) else {
                throw Diagnostic.configuration(file: file, line: 1, message: "the policy is empty.", hint: "Add 'rules:' with at least one rule, or 'extends:'.")
            }
            root = try document.mapping(allowed: topLevelKeys)
        } catch {
            throw DiagnosticGroup([error])
        }
        var errors: [Diagnostic] = []
        var entries: [Entry] = []
        var seen: [String: Int] = [:]
        do throws(Diagnostic) {
            for item in try root["rules"]?.sequence() ?? [] {
                do throws(Diagnostic) {
                    let entry = try parseEntry(item)
                    if let first = seen[entry.id] {
                        throw item.error("rule id '\(entry.id)' is defined twice in this file (first at line \(first)).", hint: "Give each rule its own id.")
                    }
                    seen[entry.id] = item.line ?? 0
                    entries.append(entry)
                } catch {
                    errors.append(error)
                }
            }
        } catch {
            errors.append(error)
        }
        if root["rules"] == nil, root["extends"] == nil {
            errors.append(root.owner.error("the policy has neither 'rules' nor 'extends'.", hint: "Add 'rules:' with at least one rule."))
        }
        guard errors.isEmpty else { throw DiagnosticGroup(errors) }
        return PolicyDocument(file: file, extends: root["extends"], entries: entries)
    }

    private static func parseEntry(_ node: ConfigNode) throws(Diagnostic) -> Entry {
        let mapping = try node.mapping(allowed: ruleKeys)
        let id = try mapping.required("id").string()
        guard id.range(of: #"^[A-Za-z0-9][A-Za-z0-9._-]*\z"#, options: .regularExpression) != nil else {
            throw try mapping.required("id").error("rule id '\(id)' must be letters, digits, '.', '_' or '-'.")
        }
        var entry = Entry(id: id, node: node)
        if let levelNode = mapping["level"] {
            let text = try levelNode.string()
            guard let level = RuleLevel(rawValue: text) else {
                throw levelNode.error("'level' must be error, warning or off; found '\(text)'.")
            }
            entry.level = level
        }
        if let typeNode = mapping["type"] {
            let text = try typeNode.string()
            guard let type = RuleType(rawValue: text) else {
                let suggestion = Suggestion.closest(to: text, in: RuleType.allCases.map(\.rawValue))
                throw typeNode.error(
                    "unknown rule type '\(text)'." + (suggestion.map { " Did you mean '\($0)'?" } ?? ""),
                    hint: "Types: \(RuleType.allCases.map(\.rawValue).joined(separator: ", "))."
                )
            }
            entry.type = type
        }
        if let whereNode = mapping["where"] {
            if let type = entry.type, !type.usesScope {
                throw whereNode.error(
                    "'where' has no effect on a rule of type '\(type.rawValue)': it checks the repository as a whole.",
                    hint: "Remove 'where'; put the paths in 'options'."
                )
            }
            entry.scope = try RuleCheck.globs(whereNode)
        }
        entry.options = mapping["options"]
        entry.description = try mapping["description"]?.string()
        entry.policyURL = try mapping["policy_url"]?.string()
        entry.remediation = try mapping["remediation"]?.string()
        if entry.type != nil, (entry.remediation ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw node.error("rule '\(id)' needs a 'remediation': the text that tells people how to fix a finding.")
        }
        if let url = entry.policyURL, !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
            throw mapping["policy_url"]!.error("'policy_url' must be an http(s) URL; found '\(url)'.")
        }
        return entry
    }
}
