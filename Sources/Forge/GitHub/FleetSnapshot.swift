import Foundation

/// What one GraphQL fleet read saw of a repository at its default branch's head commit. Every
/// answer it gives is about that commit, so a read at another commit goes to REST as before.
struct FleetEntry: Sendable {
    struct StateFile: Sendable {
        var blobID: String
        /// The file as text, or nil when GitHub did not send it (binary or truncated): then it is
        /// read by its blob id.
        var text: String?
    }

    /// Nil when GitHub did not say whether the token may push (then REST is asked).
    var repository: ForgeRepository?
    var defaultBranch: String
    /// Nil for an empty repository.
    var head: ForgeCommit?
    var stateFolder: String
    /// The files directly in the state folder, by path; empty when the folder does not exist.
    var stateFiles: [String: StateFile]
    /// Open issues with a label, by label, when all of them were read.
    var issues: [String: [ForgeIssue]] = [:]
    /// The blob id of each path asked for that is a file at the head; `blobIDsAsked` says which
    /// paths were asked, so a path asked and absent is known to be absent.
    var blobIDs: [String: String] = [:]
    var blobIDsAsked: Set<String> = []

    /// Whether `path` is a file directly in the state folder: the snapshot knows whether it exists.
    func holds(_ path: String) -> Bool {
        path.hasPrefix(stateFolder) && !path.dropFirst(stateFolder.count).contains("/")
    }
}

/// The fleet reads of a run, by repository (case-insensitive, as GitHub names are).
final class FleetSnapshot: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: FleetEntry] = [:]

    subscript(repository: String) -> FleetEntry? {
        get { lock.withLock { entries[repository.lowercased()] } }
        set { lock.withLock { entries[repository.lowercased()] = newValue } }
    }

    /// The open issues with `label` the fleet read saw, handed out once: the step writes issues
    /// after reading them, and any later read must ask GitHub.
    func takeIssues(_ repository: String, label: String) -> [ForgeIssue]? {
        lock.withLock { entries[repository.lowercased()]?.issues.removeValue(forKey: label) }
    }

    /// The entry when it describes `commit`.
    func entry(_ repository: String, at commit: String) -> FleetEntry? {
        guard let entry = self[repository], entry.head?.id == commit else { return nil }
        return entry
    }
}
