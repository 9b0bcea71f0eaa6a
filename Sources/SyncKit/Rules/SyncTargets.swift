import Diagnostics
import SyncCore
/// `sync_targets.yml`: the brief's shorthand, `repository: [org/repo, ...]`.
///
/// An entry may carry the target's own values, used by `{{target.<key>}}` in target_path and
/// templates of every rule that syncs into it:
///
/// ```yaml
/// repository:
///   - example-org/handbook
///   - example-org/webapp: { team: web, docs_folder: handbook }
/// ```
package struct SyncTargets: Sendable, Equatable {
    package var repositories: [String]
    package var file: String
    package var lines: [String: Int]
    /// Per-target values, by repository as listed.
    package var variables: [String: [String: String]] = [:]

    /// Names every target has already (`{{target.owner}}`...); an entry may not redefine them.
    package static let builtInKeys = ["owner", "name", "repo", "full_name", "default_branch"]

    package init(repositories: [String], file: String, lines: [String: Int], variables: [String: [String: String]] = [:]) {
        self.repositories = repositories
        self.file = file
        self.lines = lines
        self.variables = variables
    }

    /// The values of `repository` (names compared without regard to case).
    package func variables(of repository: String) -> [String: String] {
        variables.first { $0.key.lowercased() == repository.lowercased() }?.value ?? [:]
    }

    package static func parse(_ text: String, file: String) throws(Diagnostic) -> SyncTargets {
        guard let root = try ConfigNode.parse(text, file: file) else {
            return SyncTargets(repositories: [], file: file, lines: [:])
        }
        let list = try root.mapping(allowed: ["repository"]).required("repository")
        var repositories: [String] = []
        var lines: [String: Int] = [:]
        // GitHub compares repository names without regard to case: Org/Repo and org/repo are one.
        var firstSpelling: [String: (name: String, line: Int?)] = [:]
        var variables: [String: [String: String]] = [:]
        for item in try list.sequence() {
            var values: [String: String]?
            let name: String
            if case .mapping = item.node {
                let entry = try item.mapping()
                guard entry.entries.count == 1, let (key, value) = entry.entries.first else {
                    throw item.error("an entry with values is one repository and its values: '- org/repo: {key: value}'.")
                }
                name = key
                values = [:]
                for (variable, text) in try value.mapping().entries {
                    guard variable.range(of: #"^[A-Za-z_][A-Za-z0-9_]{0,63}\z"#, options: .regularExpression) != nil else {
                        throw text.error("'\(variable)' is not a value name: letters, digits and '_', starting with a letter.")
                    }
                    guard !Self.builtInKeys.contains(variable) else {
                        throw text.error("'\(variable)' is a value every target has ({{target.\(variable)}}); choose another name.")
                    }
                    guard !text.isNull else {
                        throw text.error("'\(variable)' of \(key) has no value (YAML reads it as null); give it one, quoted if it is the word null.")
                    }
                    let value = try text.string()
                    guard value == value.trimmingCharacters(in: .whitespacesAndNewlines) else {
                        throw text.error("'\(variable)' of \(key) starts or ends with spaces: \(value.debugDescription).")
                    }
                    values?[variable] = value
                }
            } else {
                name = try item.string()
            }
            guard RepositoryNames.isValid(name) else {
                throw item.error("'\(name)' is not a repository name; write it as org/repo.")
            }
            if let earlier = firstSpelling[name.lowercased()] {
                let spelling = earlier.name == name ? "" : " as '\(earlier.name)'; GitHub names are not case-sensitive"
                throw item.error("'\(name)' is listed twice (first at line \(earlier.line.map(String.init) ?? "?")\(spelling)).")
            }
            repositories.append(name)
            lines[name] = item.line
            if let values { variables[name] = values }
            firstSpelling[name.lowercased()] = (name, item.line)
        }
        return SyncTargets(repositories: repositories, file: file, lines: lines, variables: variables)
    }

    /// A default rule (from the settings) for each listed repository without a rule of its own.
    package func defaultRules(settings: SyncSettings, skipping covered: Set<String>) -> [SyncRule] {
        let coveredNames = Set(covered.map { $0.lowercased() })
        return repositories.filter { !coveredNames.contains($0.lowercased()) }.compactMap { repository in
            guard let source = try? Glob(settings.defaultRule.source) else { return nil }
            var rule = SyncRule(
                id: "default-" + repository.replacingOccurrences(of: "/", with: "-"),
                source: source, targetRepository: repository, targetPath: settings.defaultRule.targetPath,
                strategy: settings.defaultRule.strategy, frequency: settings.defaultRule.frequency,
                include: [], exclude: [], transforms: [], checksum: true, schemaCheck: true,
                variables: [:], dependsOn: [], labels: [], reviewers: [], deleteOrphaned: false, schemas: [],
                file: file, line: lines[repository]
            )
            rule.isDefaultRule = true
            return rule
        }
    }
}
