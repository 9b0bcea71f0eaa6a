/// A synced file the downstream team declined (`.agent33-overrides/declined.yml`): left as it is.
package struct DeclinedChange: Sendable, Equatable {
    package var path: String
    package var reason: String
    /// The declined upstream version's SHA-256 prefix; nil when every version is declined.
    package var upstreamSHA256: String?

    package init(path: String, reason: String, upstreamSHA256: String? = nil) {
        self.path = path
        self.reason = reason
        self.upstreamSHA256 = upstreamSHA256
    }
}

/// A file the target held before any sync recorded it, and what the first sync did with it.
package struct AdoptedFile: Sendable, Equatable {
    package var path: String
    package var policy: AdoptPolicy
    /// The override the kept file became (`adopt: keep`).
    package var override: String?

    package init(path: String, policy: AdoptPolicy, override: String? = nil) {
        self.path = path
        self.policy = policy
        self.override = override
    }

    /// What the PR body says about it.
    package var explanation: String {
        switch policy {
        case .conflict: "was already here, not written by a sync: merged with upstream's version against an empty base (adopt: conflict); resolve the markers, or set `adopt` on the rule"
        case .keep: "was already here: kept as it is, and copied to the override `\(override ?? "")` (adopt: keep); later syncs merge upstream's changes into it"
        case .overwrite: "was already here: replaced by upstream's version (adopt: overwrite); the previous content is in the base branch's history"
        }
    }
}
