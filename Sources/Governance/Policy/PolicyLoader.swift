import Diagnostics
import Foundation
import SyncCore

/// Loads a policy file and the files it `extends`, and merges them into one `Policy`.
///
/// `extends` names a file relative to the extending file's folder (inside the repository), or
/// `builtin:default` for the built-in default policy. A cycle is an error naming every file in
/// it. A child entry with a `type` replaces the parent's rule of the same id; an entry without
/// `type` changes only the fields it sets (for example `level: off`).
package struct PolicyLoader: Sendable {
    package static let builtInName = "builtin:default"

    package let repositoryRoot: URL

    package init(repositoryRoot: URL) {
        self.repositoryRoot = repositoryRoot
    }

    /// Loads the policy at the repository-relative `path`.
    package func load(_ path: String) throws(DiagnosticGroup) -> Policy {
        var chain: [String] = []
        let rules = try resolve(path, chain: &chain, extendedFrom: nil)
        return Policy(file: path, chain: chain, rules: rules)
    }

    /// The built-in default policy (see `DefaultPolicy`).
    package static func builtInDefault() -> Policy {
        var chain: [String] = []
        // The built-in text is tested; it cannot fail to load.
        let rules = try! PolicyLoader(repositoryRoot: URL(fileURLWithPath: "/")).resolve(builtInName, chain: &chain, extendedFrom: nil)
        return Policy(file: builtInName, chain: chain, rules: rules)
    }

    private func resolve(_ path: String, chain: inout [String], extendedFrom: ConfigNode?) throws(DiagnosticGroup) -> [PolicyRule] {
        if chain.contains(path) {
            let cycle = (chain.drop { $0 != path } + [path]).joined(separator: " → ")
            throw DiagnosticGroup([(extendedFrom?.error("'extends' makes a cycle: \(cycle).", hint: "Remove 'extends' from one of these files."))
                ?? Diagnostic.configuration(file: path, message: "'extends' makes a cycle: \(cycle).")])
        }
        chain.append(path)
        let text: String
        if path == Self.builtInName {
            text = DefaultPolicy.text
        } else {
            do throws(Diagnostic) {
                text = try ConfigFile.read(repositoryRoot.appendingPathComponent(path), shownAs: path)
            } catch {
                var failure = error
                if let extendedFrom {
                    failure = extendedFrom.error("the policy '\(path)' it extends cannot be read: \(error.message)", hint: error.hint)
                }
                throw DiagnosticGroup([failure])
            }
        }
        let document = try PolicyDocument.parse(text, file: path)
        var rules: [PolicyRule] = []
        if let extends = document.extends {
            let parentPath: String
            do throws(Diagnostic) {
                parentPath = try parentLocation(extends, from: path)
            } catch {
                throw DiagnosticGroup([error])
            }
            rules = try resolve(parentPath, chain: &chain, extendedFrom: extends)
        }
        var errors: [Diagnostic] = []
        for entry in document.entries {
            do throws(Diagnostic) {
                try merge(entry, into: &rules, file: path)
            } catch {
                errors.append(error)
            }
        }
        guard errors.isEmpty else { throw DiagnosticGroup(errors) }
        return rules
    }

    private func parentLocation(_ node: ConfigNode, from path: String) throws(Diagnostic) -> String {
        let target = try node.string()
        if target == Self.builtInName { return target }
        guard !target.hasPrefix("/") else {
            throw node.error("'extends' must be a path relative to this file, or '\(Self.builtInName)'; found '\(target)'.")
        }
        var segments = path == Self.builtInName ? [] : path.split(separator: "/").dropLast().map(String.init)
        for segment in target.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..":
                guard !segments.isEmpty else {
                    throw node.error("'extends: \(target)' points outside the repository.", hint: "Policies must live in the repository.")
                }
                segments.removeLast()
            default: segments.append(String(segment))
            }
        }
        return segments.joined(separator: "/")
    }

    private func merge(_ entry: PolicyDocument.Entry, into rules: inout [PolicyRule], file: String) throws(Diagnostic) {
        let line = entry.node.line ?? 1
        if let index = rules.firstIndex(where: { $0.id == entry.id }), entry.type == nil {
            var rule = rules[index]
            if let options = entry.options { rule.check = try RuleCheck.parse(rule.type, options: options, at: entry.node) }
            rule.level = entry.level ?? rule.level
            rule.scope = entry.scope ?? rule.scope
            rule.description = entry.description ?? rule.description
            rule.policyURL = entry.policyURL ?? rule.policyURL
            rule.remediation = entry.remediation ?? rule.remediation
            rule.file = file
            rule.line = line
            rules[index] = rule
            return
        }
        guard let type = entry.type else {
            throw entry.node.error(
                "rule '\(entry.id)' has no 'type' and overrides no rule of the policy it extends.",
                hint: "Add 'type:' (one of \(RuleType.allCases.map(\.rawValue).joined(separator: ", "))), or fix the id."
            )
        }
        let rule = PolicyRule(
            id: entry.id, level: entry.level ?? .error, scope: entry.scope ?? [], type: type,
            check: try RuleCheck.parse(type, options: entry.options, at: entry.node),
            description: entry.description, policyURL: entry.policyURL, remediation: entry.remediation ?? "", file: file, line: line
        )
        if let index = rules.firstIndex(where: { $0.id == entry.id }) {
            rules[index] = rule
        } else {
            rules.append(rule)
        }
    }
}
