/// `sync_targets.yml`: the brief's shorthand, `repository: [org/repo, ...]`.
package struct SyncTargets: Sendable, Equatable {
    package var repositories: [String]
    package var file: String
    package var lines: [String: Int]

    package static func parse(_ text: String, file: String) throws(ConfigError) -> SyncTargets {
        guard let root = try ConfigNode.parse(text, file: file) else {
            return SyncTargets(repositories: [], file: file, lines: [:])
        }
        let list = try root.mapping(allowed: ["repository"]).required("repository")
        var repositories: [String] = []
        var lines: [String: Int] = [:]
        for item in try list.sequence() {
            let name = try item.string()
            guard RepositoryNames.isValid(name) else {
                throw item.error("'\(name)' is not a repository name; write it as org/repo.")
            }
            if lines[name] != nil {
                throw item.error("'\(name)' is listed twice (first at line \(lines[name]!)).")
            }
            repositories.append(name)
            lines[name] = item.line
        }
        return SyncTargets(repositories: repositories, file: file, lines: lines)
    }

    /// A default rule (from the settings) for each listed repository without a rule of its own.
    package func defaultRules(settings: SyncSettings, skipping covered: Set<String>) -> [SyncRule] {
        repositories.filter { !covered.contains($0) }.compactMap { repository in
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
