import SyncCore
/// How a rule turns an upstream file into a downstream file.
package enum SyncStrategy: String, Sendable, Codable, CaseIterable {
    /// The file itself, after transforms.
    case copy
    /// The file rendered as a Mustache template with rule, target and release variables.
    case template
    /// A stub that links back to the canonical file at the release tag; no content copied.
    case reference
}

/// When a rule runs.
package enum SyncFrequency: String, Sendable, Codable, CaseIterable {
    case onRelease = "on_release"
    case onChange = "on_change"
    case manual
}

/// What the first sync does with a file the target already holds at a synced path (no sync
/// state records it yet).
package enum AdoptPolicy: String, Sendable, Codable, CaseIterable {
    /// Three-way merge against an empty base: conflict markers where the two differ, never auto-merged.
    case conflict
    /// The downstream file becomes the override; upstream changes merge into it from then on.
    case keep
    /// Upstream's file replaces it.
    case overwrite
}

/// How a rule's changes reach a target: a pull request of its own, or one shared by every rule
/// of the target that asks for it.
package enum PullRequestGrouping: String, Sendable, Codable, CaseIterable {
    case perRule = "per_rule"
    case perTarget = "per_target"

    /// The `{rule-id}` of the branch template for a target's shared pull request: a leading `_`
    /// no rule id can have, so it never names a rule's own branch.
    package static func sharedBranchID(base: String?) -> String {
        guard let base else { return "_target" }
        let kept = { (character: Character) in character.isASCII && (character.isLetter || character.isNumber || character == "-" || character == ".") }
        guard !base.allSatisfy(kept) else { return "_target-" + base }
        // Two bases that read the same once simplified (release/1.x, release_1.x) never share a branch.
        return "_target-" + String(base.map { kept($0) ? $0 : "-" }) + "-" + Checksum.sha256Hex(base).prefix(8)
    }
}

/// A content transform, applied in the order the rule lists them.
package enum SyncTransform: Sendable, Equatable {
    /// Removes links to internal-only documents, keeping their text.
    case stripInternalLinks
    /// Rewrites path references that start with `from` to start with `to`.
    case rewritePaths(from: String, to: String)
}

/// One `sync_rule`: which upstream files go to which repository, where, and how.
package struct SyncRule: Sendable {
    package var id: String
    package var name: String?
    package var source: Glob
    package var targetRepository: String
    /// Folder in the target, always ending in `/` (or empty for the repository root).
    package var targetPath: String
    package var strategy: SyncStrategy
    package var frequency: SyncFrequency
    package var include: [Glob]
    package var exclude: [Glob]
    package var transforms: [SyncTransform]
    package var checksum: Bool
    package var schemaCheck: Bool
    // Extensions
    package var variables: [String: String]
    package var dependsOn: [String]
    package var targetBranch: String?
    package var labels: [String]
    package var reviewers: [String]
    package var autoMerge: Bool?
    package var deleteOrphaned: Bool
    package var adopt: AdoptPolicy = .conflict
    package var pullRequest: PullRequestGrouping = .perRule
    /// Glob of a synced file (source path) → JSON Schema file in the upstream repository.
    package var schemas: [(glob: Glob, schema: String)]
    /// `target_repos` as written (empty for `target_repo`): the rule is expanded into one rule
    /// per repository before planning.
    package var targetEntries: [TargetEntry] = []
    /// For a rule expanded from `target_repos`: what chose this repository (`listed`, or the selector).
    package var selectedBy: String?
    /// Made from sync_targets.yml (the settings' default rule for a listed repository).
    package var isDefaultRule = false
    /// The target's own values from its `sync_targets.yml` entry (`{{target.<key>}}`).
    package var targetVariables: [String: String] = [:]
    /// target_path as written, when it named target values (`docs/{{target.name}}/`).
    package var targetPathTemplate: String?
    /// Where the rule is written, for messages and annotations.
    package var file: String
    package var line: Int?

    package var filter: GlobFilter { GlobFilter(source: source, include: include, exclude: exclude) }

    /// Where a selected source file lands in the target.
    package func destination(of sourcePath: String) -> String? {
        guard let relative = source.placementPath(of: sourcePath) else { return nil }
        return targetPath + relative
    }

    package var location: String { file + (line.map { ":\($0)" } ?? "") }

    /// Letters, digits, `.`, `_` and `-`, at most 100, starting with a letter or digit: an id names a branch.
    package static func isValidID(_ id: String) -> Bool {
        id.range(of: #"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}\z"#, options: .regularExpression) != nil
    }
}

extension SyncRule {
    /// A rule with the spec's required fields; extensions take their defaults.
    package init(
        id: String, source: Glob, targetRepository: String, targetPath: String, strategy: SyncStrategy, frequency: SyncFrequency,
        include: [Glob] = [], exclude: [Glob] = [], transforms: [SyncTransform] = [], dependsOn: [String] = [],
        variables: [String: String] = [:], file: String, line: Int?
    ) {
        self.init(
            id: id, source: source, targetRepository: targetRepository, targetPath: targetPath, strategy: strategy, frequency: frequency,
            include: include, exclude: exclude, transforms: transforms, checksum: true, schemaCheck: true, variables: variables,
            dependsOn: dependsOn, labels: [], reviewers: [], deleteOrphaned: false, schemas: [], file: file, line: line
        )
    }
}
