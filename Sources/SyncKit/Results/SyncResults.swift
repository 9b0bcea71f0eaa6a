import Foundation

/// What one sync run did to every target: the contract between `open-sync-pr` (which writes it)
/// and `notify` (which reads it). JSON with snake_case keys; `SyncResults.decode` and
/// `encoded()` are the only ways either side should read or write it.
package struct SyncResults: Sendable, Equatable, Codable {
    /// The release version the run synced (`v2.4.0`).
    package var version: String
    /// The upstream repository (`org/agent33`).
    package var sourceRepository: String
    package var sourceSHA: String
    /// The event that started the run (`release`, `push`, `workflow_dispatch`, `schedule`).
    package var event: String
    /// `full`, `incremental` or `delta`.
    package var mode: String
    package var run: RunReference?
    package var startedAt: Date?
    package var finishedAt: Date?
    package var targets: [TargetResult]
    package var blockedRules: [BlockedRule]
    package var drift: [DriftReport]

    package init(
        version: String, sourceRepository: String, sourceSHA: String, event: String, mode: String,
        run: RunReference? = nil, startedAt: Date? = nil, finishedAt: Date? = nil,
        targets: [TargetResult] = [], blockedRules: [BlockedRule] = [], drift: [DriftReport] = []
    ) {
        self.version = version
        self.sourceRepository = sourceRepository
        self.sourceSHA = sourceSHA
        self.event = event
        self.mode = mode
        self.run = run
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.targets = targets
        self.blockedRules = blockedRules
        self.drift = drift
    }

    enum CodingKeys: String, CodingKey {
        case version, event, mode, run, targets, drift
        case sourceRepository = "source_repository"
        case sourceSHA = "source_sha"
        case startedAt = "started_at"
        case finishedAt = "finished_at"
        case blockedRules = "blocked_rules"
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decode(String.self, forKey: .version)
        sourceRepository = try container.decode(String.self, forKey: .sourceRepository)
        sourceSHA = try container.decodeIfPresent(String.self, forKey: .sourceSHA) ?? ""
        event = try container.decodeIfPresent(String.self, forKey: .event) ?? ""
        mode = try container.decodeIfPresent(String.self, forKey: .mode) ?? ""
        run = try container.decodeIfPresent(RunReference.self, forKey: .run)
        startedAt = try container.decodeIfPresent(Date.self, forKey: .startedAt)
        finishedAt = try container.decodeIfPresent(Date.self, forKey: .finishedAt)
        targets = try container.decodeIfPresent([TargetResult].self, forKey: .targets) ?? []
        blockedRules = try container.decodeIfPresent([BlockedRule].self, forKey: .blockedRules) ?? []
        drift = try container.decodeIfPresent([DriftReport].self, forKey: .drift) ?? []
    }
}

/// The workflow run that produced the results.
package struct RunReference: Sendable, Equatable, Codable {
    package var id: String
    package var url: String

    package init(id: String, url: String) {
        self.id = id
        self.url = url
    }
}

/// What happened to one rule's target repository.
package struct TargetResult: Sendable, Equatable, Codable {
    package enum Status: String, Sendable, Codable, CaseIterable {
        /// A new sync pull request was opened.
        case opened
        /// The existing sync pull request got new commits.
        case updated
        /// Nothing to write: the target already matches.
        case unchanged
        /// Merged with conflict markers; a human must resolve them (the PR is never auto-merged).
        case conflict
        /// Validation blocked the rule; nothing was written.
        case blocked
        /// The sync of this target failed (API error, push refused...).
        case failed
        /// Not attempted (a dependency failed, filtered out...).
        case skipped
    }

    package var repository: String
    package var ruleID: String
    package var status: Status
    package var pullRequest: PullRequestReference?
    package var files: FileCounts
    package var conflicts: [ConflictRange]
    package var driftedFiles: [String]
    package var message: String?

    package init(
        repository: String, ruleID: String, status: Status, pullRequest: PullRequestReference? = nil,
        files: FileCounts = FileCounts(), conflicts: [ConflictRange] = [], driftedFiles: [String] = [], message: String? = nil
    ) {
        self.repository = repository
        self.ruleID = ruleID
        self.status = status
        self.pullRequest = pullRequest
        self.files = files
        self.conflicts = conflicts
        self.driftedFiles = driftedFiles
        self.message = message
    }

    enum CodingKeys: String, CodingKey {
        case repository, status, files, conflicts, message
        case ruleID = "rule_id"
        case pullRequest = "pull_request"
        case driftedFiles = "drifted_files"
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        repository = try container.decode(String.self, forKey: .repository)
        ruleID = try container.decode(String.self, forKey: .ruleID)
        status = try container.decode(Status.self, forKey: .status)
        pullRequest = try container.decodeIfPresent(PullRequestReference.self, forKey: .pullRequest)
        files = try container.decodeIfPresent(FileCounts.self, forKey: .files) ?? FileCounts()
        conflicts = try container.decodeIfPresent([ConflictRange].self, forKey: .conflicts) ?? []
        driftedFiles = try container.decodeIfPresent([String].self, forKey: .driftedFiles) ?? []
        message = try container.decodeIfPresent(String.self, forKey: .message)
    }
}

package struct PullRequestReference: Sendable, Equatable, Codable {
    package var number: Int
    package var url: String
    package var autoMerge: Bool

    package init(number: Int, url: String, autoMerge: Bool = false) {
        self.number = number
        self.url = url
        self.autoMerge = autoMerge
    }

    enum CodingKeys: String, CodingKey {
        case number, url
        case autoMerge = "auto_merge"
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        number = try container.decode(Int.self, forKey: .number)
        url = try container.decode(String.self, forKey: .url)
        autoMerge = try container.decodeIfPresent(Bool.self, forKey: .autoMerge) ?? false
    }
}

/// How many files the sync added, modified and removed in the target.
package struct FileCounts: Sendable, Equatable, Codable {
    package var added: Int
    package var modified: Int
    package var removed: Int

    package init(added: Int = 0, modified: Int = 0, removed: Int = 0) {
        self.added = added
        self.modified = modified
        self.removed = removed
    }

    package var total: Int { added + modified + removed }
}

/// A conflict region written with markers, by line range in the target file.
package struct ConflictRange: Sendable, Equatable, Codable {
    package var path: String
    package var startLine: Int
    package var endLine: Int

    package init(path: String, startLine: Int, endLine: Int) {
        self.path = path
        self.startLine = startLine
        self.endLine = endLine
    }

    enum CodingKeys: String, CodingKey {
        case path
        case startLine = "start_line"
        case endLine = "end_line"
    }
}

/// A rule that validation blocked, with the reason.
package struct BlockedRule: Sendable, Equatable, Codable {
    package var ruleID: String
    package var reason: String

    package init(ruleID: String, reason: String) {
        self.ruleID = ruleID
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case reason
        case ruleID = "rule_id"
    }
}

/// Synced files edited downstream outside the overrides folder, per repository.
package struct DriftReport: Sendable, Equatable, Codable {
    package var repository: String
    package var files: [String]
    /// The drift issue opened in the downstream repository, when there is one.
    package var issueURL: String?

    package init(repository: String, files: [String], issueURL: String? = nil) {
        self.repository = repository
        self.files = files
        self.issueURL = issueURL
    }

    enum CodingKeys: String, CodingKey {
        case repository, files
        case issueURL = "issue_url"
    }
}
