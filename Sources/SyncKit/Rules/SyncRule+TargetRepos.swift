/// `target_repos`: one rule written once, expanded into one rule per repository before planning.
extension SyncRule {
    /// Whether some entry of `target_repos` is a selector (the forge must list the owner).
    package var hasSelectors: Bool {
        targetEntries.contains { if case .selector = $0 { true } else { false } }
    }

    /// The repositories `target_repos` names one by one.
    package var listedRepositories: [String] {
        targetEntries.compactMap { if case .repository(let name, _) = $0 { name } else { nil } }
    }

    /// A copy of the rule for each repository, with what chose it.
    package func expanded(to repositories: [(name: String, selectedBy: String)]) -> [SyncRule] {
        repositories.map { repository in
            var rule = self
            rule.targetRepository = repository.name
            rule.selectedBy = repository.selectedBy
            return rule
        }
    }
}
