import Diagnostics
import SyncCore
/// `sync_targets.yml`: the brief's shorthand, `repository: [org/repo, ...]`.
package struct SyncTargets: Sendable, Equatable {
    package var repositories: [String]
    package var file: String
    package var lines: [String: Int]

    package static func parse(_ text: String, file: String) throws(Diagnostic) -> SyncTargets {
        guard let root = try ConfigNode.parse(text, file: file) else {
            return SyncTargets(repositories: [], file: file, lines: [:])
        }
        let list = try root.mapping(allowed: ["repository"]).required("repository")
        var repositories: [String] = []
        var lines: [String: Int] = [:]
        // GitHub compares repository names without regard to case: Org/Repo and org/repo are one.
        var firstSpelling: [String: (name: String, line: Int?)] = [:]
        for item in try list.sequence() {
            let name = try item.string()
            guard RepositoryNames.isValid(name) else {
                throw item.error("'\(name)' is not a repository name; write it as org/repo.")
            }
            if let earlier = firstSpelling[name.lowercased()] {
                let spelling = earlier.name == name ? "" : " as '\(earlier.name)'; GitHub names are not case-sensitive"
                throw item.error("'\(name)' is listed twice (first at line \(earlier.line.map(String.init) ?? "?")\(spelling)).")
            }
            repositories.append(name)
            lines[name] = item.line
            firstSpelling[name.lowercased()] = (name, item.line)
        }
        return SyncTargets(repositories: repositories, file: file, lines: lines)
    }

    /// A default rule (from the settings) for each listed repository without a rule of its own.
    package func defaultRules(settings: SyncSettings, skipping covered: Set<String>) -> [SyncRule] {
        let coveredNames = Set(covered.map { $0.lowercased() })
        return repositories.filter { !coveredNames.contains($0.lowercased()) }.compactMap { repository in
            guard let source = try? Glob(settings.defaultRule.source) else { return nil }
            return SyncRule(
                id: "default-" + repository.replacingOccurrences(of: "/", with: "-"),
                source: source, targetRepository: repository, targetPath: settings.defaultRule.targetPath,
                strategy: settings.defaultRule.strategy, frequency: settings.defaultRule.frequency,
                include: [], exclude: [], transforms: [], checksum: true, schemaCheck: true,
                variables: [:], dependsOn: [], labels: [], reviewers: [], deleteOrphaned: false, schemas: [],
                file: file, line: lines[repository]
            )
        }
    }
}
