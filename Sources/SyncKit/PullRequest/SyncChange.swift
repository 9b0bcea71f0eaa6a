/// What a sync does to one file of a target, for the PR body, the results and DECISIONS.md.
package struct FileChange: Sendable, Equatable {
    package enum Kind: String, Sendable, Equatable {
        case added, modified, removed
    }

    package var path: String
    package var kind: Kind
    /// The downstream override was merged in (`.agent33-overrides/...`).
    package var override: String?
    /// The downstream copy had been edited outside overrides; it was merged as "ours".
    package var drifted: Bool
    /// Conflicts left with markers, as line ranges of the written file.
    package var conflicts: [LineSpan]

    package init(path: String, kind: Kind, override: String? = nil, drifted: Bool = false, conflicts: [LineSpan] = []) {
        self.path = path
        self.kind = kind
        self.override = override
        self.drifted = drifted
        self.conflicts = conflicts
    }
}

/// Things the PR says that are not file changes.
package struct SyncNotice: Sendable, Equatable {
    package enum Kind: String, Sendable, Equatable {
        /// Upstream removed the file; it stays because it changed downstream or delete_orphaned is off.
        case orphanKept
        /// An override whose upstream file is gone: kept, and reported.
        case overrideWithoutSource
        /// A binary file that changed on both sides: the downstream version is kept.
        case binaryKept
        /// The target has a symbolic link where the rule writes (or at its override): left alone.
        case symbolicLinkKept
        case note
    }

    package var kind: Kind
    package var path: String
    package var message: String

    package init(_ kind: Kind, path: String, message: String) {
        self.kind = kind
        self.path = path
        self.message = message
    }
}
