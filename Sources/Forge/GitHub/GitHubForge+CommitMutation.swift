import Foundation
import SyncCore

/// One commit in one write where GitHub allows it: the `createCommitOnBranch` mutation instead of a
/// tree, a commit and a ref update (three writes). GitHub signs the commit as it signs the Git Data
/// API's. The mutation commits on top of the branch's head, so it serves a new sync branch (created
/// at the parent first: two writes instead of three) and a fast-forward (one write). A branch the
/// sync rebuilds on a new base goes through the Git Data API: moving its head back onto the base
/// first would let GitHub mark its open pull request as merged. The mutation cannot set a file
/// mode either: a change to a file that is executable, a link or a submodule goes through the
/// Git Data API, as does a commit too large for one request.
extension GitHubForge {
    /// The base64 bytes one mutation may carry; larger commits go through the Git Data API.
    static let commitMutationLimit = 8 << 20

    /// Nil when the mutation cannot express the commit, or GitHub refused it before anything
    /// changed (an older GitHub Enterprise Server): the caller commits through the Git Data API.
    func commitByMutation(_ repository: String, _ request: CommitRequest, parent: GitHubPayload.Commit, existing: [String: GitTreeReader.Entry]) async throws -> ForgeCommit? {
        var additions: [[String: String]] = []
        var deletions: [[String: String]] = []
        var size = 0
        for (path, data) in request.changes.sorted(by: { $0.key < $1.key }) {
            if let entry = existing[path], entry.mode != "100644" { return nil }
            guard let data else {
                if existing[path] != nil { deletions.append(["path": path]) }
                continue
            }
            let id = Checksum.gitBlobID(data)
            if existing[path]?.sha == id { continue }
            let encoded = data.base64EncodedString()
            size += encoded.utf8.count
            guard size <= Self.commitMutationLimit else { return nil }
            additions.append(["path": path, "contents": encoded])
            // Git names a blob by its bytes: what we write now we will never need to read back.
            if let payload = try? JSONEncoder().encode(GitHubPayload.Blob(content: encoded, encoding: "base64")) {
                cache.storeObject("blob:" + id, payload)
            }
        }
        // A folder that would become a file, or a file under a path that is a file: the API says no
        // clearly only through trees.
        guard !additions.contains(where: { addition in existing.keys.contains { $0.hasPrefix(addition["path"]! + "/") } }) else { return nil }
        guard !additions.isEmpty || !deletions.isEmpty else { return nil }

        let current: String?
        if let seen = lastSeenHead(repository, branch: request.branch) { current = seen } else { current = try await head(repository, branch: request.branch)?.id }
        guard current == nil || current == parent.sha else { return nil }
        if current == nil { try await point(repository, branch: request.branch, at: parent.sha, fastForwardFrom: parent.sha) }
        let (headline, body) = Self.split(message: request.message)
        let input: [String: Any] = [
            "branch": ["repositoryNameWithOwner": repository, "branchName": request.branch],
            "expectedHeadOid": parent.sha,
            "message": body.isEmpty ? ["headline": headline] : ["headline": headline, "body": body],
            "fileChanges": ["additions": additions, "deletions": deletions],
        ]
        let mutation = """
            mutation FlashSyncCommit($input: CreateCommitOnBranchInput!) {
              createCommitOnBranch(input: $input) {
                commit { oid message tree { oid } parents(first: 2) { nodes { oid } } }
              }
            }
            """
        var outcome: Result<GitHubResponse, GitHubError>
        do {
            outcome = .success(try await client.graphQL(mutation, variables: ["input": input]))
        } catch {
            outcome = .failure(error)
        }
        if case .success(let response) = outcome, let (made, tree) = Self.mutationCommit(response) {
            return remember(repository, branch: request.branch, made: made, tree: tree, parents: [parent.sha])
        }
        // No commit in the answer (lost, or an error): what the branch holds now says what happened.
        // The mutation names the head it expects, so it can never have committed twice.
        // `head` asks GitHub (a conditional read), never this run's memory of the branch.
        guard let head = try await head(repository, branch: request.branch) else {
            throw ForgeError("The branch \(request.branch) of \(repository) disappeared while committing to it.")
        }
        if head.parents == [parent.sha], head.message == Self.stored(message: request.message) {
            return remember(repository, branch: request.branch, made: head, tree: nil, parents: [parent.sha])
        }
        if head.id == parent.sha {
            // Nothing was committed (GitHub refused the mutation, or it failed before acting):
            // the Git Data API takes over from the branch at the parent.
            let reason = switch outcome {
            case .success(let response): response.errorMessage ?? "HTTP \(response.status)"
            case .failure(let error): "\(error)"
            }
            notice("createCommitOnBranch did not commit in \(repository) (\(reason)); committed through the Git Data API instead.")
            return nil
        }
        if case .failure(let error) = outcome { throw error }
        throw ForgeError("The branch \(request.branch) of \(repository) moved while committing to it (now at \(head.id.prefix(12))); re-run the sync.")
    }

    /// The commit the mutation made, from its answer.
    static func mutationCommit(_ response: GitHubResponse) -> (commit: ForgeCommit, tree: String?)? {
        guard (200..<300).contains(response.status),
              let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any],
              let commit = ((object["data"] as? [String: Any])?["createCommitOnBranch"] as? [String: Any])?["commit"] as? [String: Any],
              let oid = commit["oid"] as? String, isObjectID(oid), let message = commit["message"] as? String
        else { return nil }
        let parents = ((commit["parents"] as? [String: Any])?["nodes"] as? [[String: Any]] ?? []).compactMap { $0["oid"] as? String }
        let tree = (commit["tree"] as? [String: Any])?["oid"] as? String
        return (ForgeCommit(id: oid, message: message.trimmingCharacters(in: .newlines), parents: parents), tree)
    }

    /// Records the new head and caches the commit for later reads.
    private func remember(_ repository: String, branch: String, made: ForgeCommit, tree: String?, parents: [String]) -> ForgeCommit {
        saw(repository, branch: branch, at: made.id)
        if let treeSHA = tree, let encoded = try? JSONEncoder().encode(GitHubPayload.Commit(sha: made.id, message: made.message, tree: .init(sha: treeSHA), parents: parents.map { .init(sha: $0) })) {
            cache.storeObject("commit:" + made.id, encoded)
        }
        return ForgeCommit(id: made.id, message: made.message, parents: parents)
    }

    /// The mutation's headline (the first line) and body (the rest, after the blank line).
    static func split(message: String) -> (headline: String, body: String) {
        let trimmed = message.trimmingCharacters(in: .newlines)
        guard let newline = trimmed.firstIndex(of: "\n") else { return (trimmed, "") }
        return (String(trimmed[..<newline]), trimmed[newline...].trimmingCharacters(in: .newlines))
    }

    /// The message as GitHub stores what the mutation sent: headline, a blank line, the body.
    static func stored(message: String) -> String {
        let (headline, body) = split(message: message)
        return body.isEmpty ? headline : headline + "\n\n" + body
    }
}
