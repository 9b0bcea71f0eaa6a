import Foundation

/// What a step reads from every target of a fleet, named up front so a forge that can read many
/// repositories in one request (GitHub's GraphQL API) does: the default branch and its head, the
/// sync state files, the open issues with a label, and the blob ids of files the state lists.
package struct FleetRead: Sendable {
    /// The sync state folder (`.agent33-sync-state/`): its files are read with their content.
    package var stateFolder: String
    /// Open issues with this label are read too (the drift issue), when set.
    package var issueLabel: String?
    /// When set, the blob id of every path it finds in a state file is read too (drift detection
    /// compares them with the ids the state recorded). It is given the state file's bytes.
    package var syncedPaths: (@Sendable (Data) -> [String])?

    package init(stateFolder: String, issueLabel: String? = nil, syncedPaths: (@Sendable (Data) -> [String])? = nil) {
        self.stateFolder = stateFolder.hasSuffix("/") ? stateFolder : stateFolder + "/"
        self.issueLabel = issueLabel
        self.syncedPaths = syncedPaths
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
