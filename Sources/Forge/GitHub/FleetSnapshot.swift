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
    /// The recent pull requests whose head starts with a prefix, by prefix, newest first.
    var pullRequests: [String: [PullRequest]] = [:]
    /// The blob id of each path asked for that is a file at the head; `blobIDsAsked` says which
    /// paths were asked, so a path asked and absent is known to be absent.
    var blobIDs: [String: String] = [:]
    var blobIDsAsked: Set<String> = []

    /// The single files read besides the state folder, by path: nil when there is no such file.
    var otherFiles: [String: StateFile?] = [:]

    /// Whether the snapshot knows whether `path` exists: a file directly in the state folder, or
    /// one of the other files read.
    func holds(_ path: String) -> Bool {
        otherFiles.keys.contains(path) || (path.hasPrefix(stateFolder) && !path.dropFirst(stateFolder.count).contains("/"))
    }

    /// What the read saw at `path`: the file, or nil when it does not exist.
    func file(_ path: String) -> StateFile? {
        if let other = otherFiles[path] { return other }
        return stateFiles[path]
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

    /// The recent pull requests with `headPrefix` the fleet read saw, handed out once, like the issues.
    func takePullRequests(_ repository: String, headPrefix: String) -> [PullRequest]? {
        lock.withLock { entries[repository.lowercased()]?.pullRequests.removeValue(forKey: headPrefix) }
    }

    /// The entry when it describes `commit`.
    func entry(_ repository: String, at commit: String) -> FleetEntry? {
        guard let entry = self[repository], entry.head?.id == commit else { return nil }
        return entry
    }
}
