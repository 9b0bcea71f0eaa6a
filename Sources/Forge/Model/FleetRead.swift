import Foundation

/// What a step reads from every target of a fleet, named up front so a forge that can read many
/// repositories in one request (GitHub's GraphQL API) does: the default branch and its head, the
/// sync state files, the open issues with a label, the blob ids of files the state lists, and the
/// recent sync pull requests.
package struct FleetRead: Sendable {
    /// The recent pull requests (open, merged, closed) carrying `label` whose head branch starts
    /// with `headPrefix`: what `Forge.recentPullRequests(_:headPrefix:)` answers from the read.
    package struct PullRequests: Sendable, Equatable {
        package var label: String
        package var headPrefix: String

        package init(label: String, headPrefix: String) {
            self.label = label
            self.headPrefix = headPrefix
        }
    }

    /// The sync state folder (`.agent33-sync-state/`): its files are read with their content.
    package var stateFolder: String
    /// Open issues with this label are read too (the drift issue), when set.
    package var issueLabel: String?
    /// When set, the blob id of every path it finds in a state file is read too (drift detection
    /// compares them with the ids the state recorded). It is given the state file's bytes.
    package var syncedPaths: (@Sendable (Data) -> [String])?
    /// The recent sync pull requests are read too (the registry's PR columns), when set.
    package var pullRequests: PullRequests?
    /// Single files read with their content besides the state folder (the team's declined list).
    package var files: [String]

    package init(stateFolder: String, issueLabel: String? = nil, syncedPaths: (@Sendable (Data) -> [String])? = nil, pullRequests: PullRequests? = nil,
                 files: [String] = []) {
        self.stateFolder = stateFolder.hasSuffix("/") ? stateFolder : stateFolder + "/"
        self.issueLabel = issueLabel
        self.syncedPaths = syncedPaths
        self.pullRequests = pullRequests
        self.files = files
    }
}

/// What a prefetch did: the requests it made, the repositories it read, and the ones it could not
/// (read one by one afterwards, as without a prefetch).
package struct FleetPrefetch: Sendable, Equatable {
    package var requests: Int
    package var read: Int
    package var notRead: [String]

    package init(requests: Int = 0, read: Int = 0, notRead: [String] = []) {
        self.requests = requests
        self.read = read
        self.notRead = notRead
    }

    /// A forge that reads each repository alone: nothing read up front, nothing to fall back from.
    package static let none = FleetPrefetch()
}
