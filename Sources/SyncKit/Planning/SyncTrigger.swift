/// What started the run, reduced to what selection needs.
package enum SyncTrigger: Sendable, Equatable {
    /// A release was published: `on_release` rules, version = tag.
    case release(tag: String)
    /// A push to the default branch changed these paths: `on_change` rules whose sources match.
    case change(paths: [String])
    /// An operator ran it: `manual` rules, plus the rules named (or every rule with `all`).
    case manual(rules: [String])
    /// The schedule: `on_release` rules whose targets are behind the latest release.
    case schedule
    /// An event that syncs nothing (a release that was only drafted, a push to another branch).
    case ignored(reason: String)

    package var name: String {
        switch self {
        case .release: "release"
        case .change: "push"
        case .manual: "workflow_dispatch"
        case .schedule: "schedule"
        case .ignored: "ignored"
        }
    }
}

/// Which files of a selected rule are planned.
package enum SyncMode: String, Sendable, Codable, CaseIterable {
    /// Every matched file.
    case full
    /// Files whose rendered checksum differs from the target's recorded sync state (the default).
    case incremental
    /// Files changed between the previous and the current release tag.
    case delta
}

/// What a target repository recorded at its last sync: per file, the checksum and rule.
package struct TargetState: Sendable, Codable, Equatable {
    package struct File: Sendable, Codable, Equatable {
        package var sha256: String
        package var rule: String

        package init(sha256: String, rule: String) {
            self.sha256 = sha256
            self.rule = rule
        }
    }

    package var version: String?
    package var defaultBranch: String?
    package var files: [String: File]

    package init(version: String? = nil, defaultBranch: String? = nil, files: [String: File] = [:]) {
        self.version = version
        self.defaultBranch = defaultBranch
        self.files = files
    }

    enum CodingKeys: String, CodingKey {
        case version
        case defaultBranch = "default_branch"
        case files
    }
}
