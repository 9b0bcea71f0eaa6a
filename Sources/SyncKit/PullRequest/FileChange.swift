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
