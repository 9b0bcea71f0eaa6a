/// The plan: per target and rule, every file to write, with where it comes from, its checksum
/// and why it was selected. Contents live in a content-addressed blob store beside the plan.
package struct Plan: Sendable, Codable, Equatable {
    package static let currentFormat = "flash-sync-plan/1"

    package var format = Plan.currentFormat
    package var version: String
    package var tag: String
    package var sourceRepository: String
    package var sourceCommit: String?
    package var source: String
    package var event: String
    package var mode: SyncMode
    package var force: Bool
    package var namespace: String
    /// The upstream source root (overrides are keyed by paths relative to it).
    package var sourceRoot: String
    /// The release notes of the event, when it was a release (for the PR's changelog excerpt).
    package var releaseNotes: String?
    package var createdAt: String
    package var targets: [PlannedTarget]
    package var skippedRules: [SkippedRule]
    package var notes: [String]

    enum CodingKeys: String, CodingKey {
        case format, version, tag, source, event, mode, force, namespace, targets, notes
        case sourceRepository = "source_repository"
        case sourceCommit = "source_commit"
        case sourceRoot = "source_root"
        case releaseNotes = "release_notes"
        case createdAt = "created_at"
        case skippedRules = "skipped_rules"
    }

    package var fileCount: Int { targets.reduce(0) { $0 + $1.fileCount } }
    package var hasChanges: Bool { targets.contains { $0.rules.contains { !$0.files.isEmpty || !$0.orphans.isEmpty } } }
}

package struct PlannedTarget: Sendable, Codable, Equatable {
    package var repository: String
    package var rules: [PlannedRule]

    package var fileCount: Int { rules.reduce(0) { $0 + $1.files.count } }
}

package struct PlannedRule: Sendable, Codable, Equatable {
    package var ruleID: String
    package var ruleFile: String
    package var strategy: SyncStrategy
    package var frequency: SyncFrequency
    package var branch: String
    package var targetBranch: String?
    package var selectedBecause: String
    package var dependsOn: [String]
    package var labels: [String]
    package var reviewers: [String]
    package var autoMerge: Bool?
    package var deleteOrphaned: Bool
    /// What the first sync does with a file the target already has (absent: `conflict`).
    package var adopt: AdoptPolicy?
    package var checksum: Bool
    package var schemaCheck: Bool
    package var schemas: [String: String]
    package var files: [PlannedFile]
    /// The five checks, once validate-sync has run.
    package var validation: RuleValidation?
    /// Files the target's state says this rule wrote and upstream no longer produces.
    package var orphans: [String]
    package var skippedFiles: [SkippedFile]
    /// The rule's folder in the target (`""` for the root): every destination must be inside it.
    package var targetPath: String?
    /// Why the orphans are kept although the rule deletes orphans (a selection that shrank sharply).
    package var orphansKept: String?
    /// For a rule with `target_repos`: what chose this target (`listed`, or the selector).
    package var targetSelectedBy: String?
    /// `per_target`: delivered in the target's shared pull request (on `branch`, shared by every
    /// such rule with the same base); nil: a pull request of its own.
    package var pullRequest: PullRequestGrouping?

    enum CodingKeys: String, CodingKey {
        case strategy, frequency, branch, labels, reviewers, files, orphans, schemas, checksum, validation, adopt
        case targetPath = "target_path"
        case orphansKept = "orphans_kept"
        case targetSelectedBy = "target_selected_by"
        case pullRequest = "pull_request"
        case ruleID = "rule_id"
        case ruleFile = "rule_file"
        case targetBranch = "target_branch"
        case selectedBecause = "selected_because"
        case dependsOn = "depends_on"
        case autoMerge = "auto_merge"
        case deleteOrphaned = "delete_orphaned"
        case schemaCheck = "schema_check"
        case skippedFiles = "skipped_files"
    }
}

package struct PlannedFile: Sendable, Codable, Equatable {
    package var source: String
    package var destination: String
    package var sha256: String
    package var size: Int
    package var binary: Bool
    /// The version stamp it carries, or why it has none.
    package var stamp: String
    package var reason: String
    /// SHA-256 of the upstream file before transforms and stamps: what a downstream team
    /// declines (`upstream_sha256`), unchanged from release to release while the file is.
    package var sourceSHA256: String?

    enum CodingKeys: String, CodingKey {
        case source, destination, sha256, size, binary, stamp, reason
        case sourceSHA256 = "source_sha256"
    }
}

package struct SkippedFile: Sendable, Codable, Equatable {
    package var source: String
    /// Where the file is in the target when it is already there (unchanged files).
    package var destination: String?
    package var reason: String

    package init(source: String, destination: String? = nil, reason: String) {
        self.source = source
        self.destination = destination
        self.reason = reason
    }
}

package struct SkippedRule: Sendable, Codable, Equatable {
    package var ruleID: String
    package var repository: String
    package var reason: String

    package init(ruleID: String, repository: String, reason: String) {
        self.ruleID = ruleID
        self.repository = repository
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case reason, repository
        case ruleID = "rule_id"
    }
}
