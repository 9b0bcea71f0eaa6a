import Foundation
import SyncCore

extension GitHubForge {
    /// One commit through the Git Data API: a tree on top of the parent's (text inline, binary
    /// files as blobs, deletions as null entries), a commit without a custom author so GitHub
    /// signs it, then the branch created, fast-forwarded, or moved when the sync rebuilt it.
    package func commit(_ repository: String, _ request: CommitRequest) async throws -> ForgeCommit {
        try ForgeError.checkPaths(request.changes.keys, repository: repository)
        let base = try base(repository)
        let parent = request.parent.isEmpty ? nil : try await commitPayload(repository, request.parent)
        if !request.parent.isEmpty && parent == nil {
            throw ForgeError("The parent commit \(request.parent) was not found in \(repository).")
        }
        var existing: [String: GitTreeReader.Entry] = [:]
        if let parent { existing = try await GitTreeReader(forge: self, repository: repository).entries(at: parent.sha) }
        if let parent, commitMutation, let made = try await commitByMutation(repository, request, parent: parent, existing: existing) {
            return made
        }
        let known = Set(existing.values.map(\.sha))

        var entries: [[String: Any]] = []
        for (path, data) in request.changes.sorted(by: { $0.key < $1.key }) {
            let mode = existing[path].map { $0.mode }.flatMap { ["100644", "100755"].contains($0) ? $0 : nil } ?? "100644"
            guard let data else {
                if existing[path] != nil { entries.append(["path": path, "mode": mode, "type": "blob", "sha": NSNull()]) }
                continue
            }
            let id = Checksum.gitBlobID(data)
            if existing[path]?.sha == id { continue }
            // Git names a blob by its bytes: what we write now we will never need to read back.
            if let payload = try? JSONEncoder().encode(GitHubPayload.Blob(content: data.base64EncodedString(), encoding: "base64")) {
                cache.storeObject("blob:" + id, payload)
            }
            if known.contains(id) {
                entries.append(["path": path, "mode": mode, "type": "blob", "sha": id])
            } else if let text = Self.inlineText(data) {
                entries.append(["path": path, "mode": mode, "type": "blob", "content": text])
            } else {
                let blob = try await write("POST", base + "/git/blobs", ["content": data.base64EncodedString(), "encoding": "base64"], as: GitHubPayload.SHA.self)
                entries.append(["path": path, "mode": mode, "type": "blob", "sha": blob.sha])
            }
        }
        let treeSHA: String
        if let parent, entries.isEmpty {
            treeSHA = parent.tree.sha
        } else {
            var body: [String: Any] = ["tree": entries]
            if let parent { body["base_tree"] = parent.tree.sha }
            treeSHA = try await write("POST", base + "/git/trees", body, as: GitHubPayload.SHA.self).sha
        }
        let parents = parent.map { [$0.sha] } ?? []
        let made = try await write("POST", base + "/git/commits", ["message": request.message, "tree": treeSHA, "parents": parents], as: GitHubPayload.SHA.self)
        if let encoded = try? JSONEncoder().encode(GitHubPayload.Commit(sha: made.sha, message: request.message, tree: .init(sha: treeSHA), parents: parents.map { .init(sha: $0) })) {
            cache.storeObject("commit:" + made.sha, encoded)
        }
        try await point(repository, branch: request.branch, at: made.sha, fastForwardFrom: request.parent)
        return ForgeCommit(id: made.sha, message: request.message.trimmingCharacters(in: .newlines), parents: parents)
    }

    /// Creates the branch, or moves it: a plain update when it is a fast-forward from where it
    /// stood, a forced one when the sync rebuilt the branch on a new base. Where the branch
    /// stands comes from this run's last read of it; if that is stale, GitHub refuses the
    /// creation or the fast-forward, and nothing moves.
    func point(_ repository: String, branch: String, at sha: String, fastForwardFrom parent: String) async throws {
        let base = try base(repository)
        let current: String?
        if let seen = lastSeenHead(repository, branch: branch) { current = seen } else { current = try await head(repository, branch: branch)?.id }
        if current == sha { return }
        if current == nil {
            let path = base + "/git/refs"
            let response = try await client.send("POST", path, body: try JSONSerialization.data(withJSONObject: ["ref": "refs/heads/\(branch)", "sha": sha]))
            if response.status == 422, response.errorMessage?.lowercased().contains("already exists") == true {
                // Created meanwhile (or by this request, whose answer was lost): move it instead.
                return try await update(repository, branch: branch, to: sha, force: true)
            }
            try Self.require(response, path)
            saw(repository, branch: branch, at: sha)
        } else {
            try await update(repository, branch: branch, to: sha, force: current != parent)
        }
    }

    private func update(_ repository: String, branch: String, to sha: String, force: Bool) async throws {
        let path = try base(repository) + "/git/refs/heads/" + Self.escape(path: branch)
        let response = try await client.send("PATCH", path, body: try JSONSerialization.data(withJSONObject: ["sha": sha, "force": force]))
        try Self.require(response, path)
        saw(repository, branch: branch, at: sha)
    }

    /// Text GitHub can take inline in a tree: valid UTF-8 without NUL bytes.
    package static func inlineText(_ data: Data) -> String? {
        guard !data.contains(0), let text = String(validating: data, as: UTF8.self), Data(text.utf8) == data else { return nil }
        return text
    }
}
