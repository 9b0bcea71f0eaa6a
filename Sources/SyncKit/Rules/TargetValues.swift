import Diagnostics
import Foundation
import SyncCore

/// The values a rule knows about the repository it syncs into, for `{{target.<key>}}` in its
/// target_path and templates: the names every target has, and the ones its `sync_targets.yml`
/// entry gives it.
extension SyncRule {
    /// `owner`, `name` (also `repo`), `full_name`, then the entry's own values.
    package var targetValues: [String: String] {
        let parts = targetRepository.split(separator: "/", maxSplits: 1).map(String.init)
        var values = targetVariables
        values["owner"] = parts.first ?? ""
        values["name"] = parts.last ?? ""
        values["repo"] = parts.last ?? ""
        values["full_name"] = targetRepository
        return values
    }

    /// The rule with `{{target.<key>}}` in its target_path replaced by this target's values. The
    /// result is checked like any target_path; an unknown key is an error naming the rule.
    package func expandingTargetPath() throws(Diagnostic) -> SyncRule {
        guard targetPath.contains("{{") else { return self }
        let values = targetValues
        let scan = targetPathPlaceholders
        var expanded = ""
        for (text, name) in scan.placeholders {
            expanded += text
            guard name.hasPrefix("target."), let value = values[String(name.dropFirst("target.".count))] else {
                throw problem("target_path '\(targetPath)' uses {{\(name)}}, which \(targetRepository) has no value for.",
                              hint: "Use {{target.owner}}, {{target.name}}, {{target.full_name}}, or a value the repository's sync_targets.yml entry gives"
                                + (targetVariables.isEmpty ? "" : " (\(targetVariables.keys.sorted().joined(separator: ", ")))") + ".")
            }
            guard !value.isEmpty, !value.contains("/"), value != ".", value != "..", RepositoryPath.problem(value) == nil else {
                throw problem("target_path '\(targetPath)': {{\(name)}} is '\(value)' for \(targetRepository), which is not one folder name.")
            }
            expanded += value
        }
        guard let rest = scan.rest else { throw problem("target_path '\(targetPath)' has '{{' without '}}'.") }
        expanded += rest
        var rule = self
        if !expanded.isEmpty, !expanded.hasSuffix("/") { expanded += "/" }
        if let problem = RepositoryPath.problem(String(expanded.dropLast())) {
            throw self.problem("target_path '\(targetPath)' becomes '\(expanded)' for \(targetRepository): \(problem).")
        }
        rule.targetPathTemplate = targetPath
        rule.targetPath = expanded
        return rule
    }

    /// target_path cut at its `{{ … }}` placeholders: the text before each and its trimmed name,
    /// in order, then the text after the last (`rest`), nil when a `{{` is left open.
    private var targetPathPlaceholders: (placeholders: [(text: Substring, name: String)], rest: Substring?) {
        var placeholders: [(text: Substring, name: String)] = []
        var rest = Substring(targetPath)
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { return (placeholders, nil) }
            placeholders.append((rest[..<open.lowerBound], rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)))
            rest = rest[close.upperBound...]
        }
        return (placeholders, rest)
    }

    /// The keys of target_path's `{{target.<key>}}` placeholders, or nil when target_path is
    /// written wrong whatever the target (a `{{` left open, a placeholder that is not
    /// `{{target.<key>}}`): a problem of the rule, not of one repository's values.
    package var targetPathKeys: [String]? {
        let scan = targetPathPlaceholders
        guard scan.rest != nil, scan.placeholders.allSatisfy({ $0.name.hasPrefix("target.") }) else { return nil }
        return scan.placeholders.map { String($0.name.dropFirst("target.".count)) }
    }

    /// Whether a selector chose this rule's target (not a repository listed by name).
    package var isChosenBySelector: Bool {
        selectedBy.map { $0 != "listed" } ?? false
    }

    private func problem(_ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic.configuration(file: file, line: line, message: message, hint: hint)
    }
}
