import Foundation

/// Branches (`/git/ref`, `/git/refs`) and the commit history (`GET /commits`).
extension FakeGitHub.State {
    func refJSON(_ branch: String, _ sha: String, repository: String) -> [String: Any] {
        [
            "ref": "refs/heads/\(branch)", "node_id": Self.nodeID("REF", "\(repository):\(branch)"),
            "url": "\(apiURL)/repos/\(repository)/git/refs/heads/\(branch)",
            "object": ["sha": sha, "type": "commit", "url": "\(apiURL)/repos/\(repository)/git/commits/\(sha)"],
        ]
    }

    func readRef(repository: String, branch: String) -> LoopbackServer.Reply {
        guard let sha = store(repository).branches[branch] else { return .notFound }
        return .json(200, refJSON(branch, sha, repository: repository))
    }

    mutating func createRef(_ request: FakeGitHub.APIRequest, repository: String) -> LoopbackServer.Reply {
        guard let ref = request.body["ref"] as? String, let sha = request.body["sha"] as? String else {
            return .unprocessable("Invalid request: ref and sha are required")
        }
        let branch = String(ref.dropFirst("refs/heads/".count))
        guard ref.hasPrefix("refs/heads/"), FakeGitStore.isValidPath(branch) else {
            return .unprocessable("Reference name is invalid: this fake GitHub takes refs/heads/<branch>")
        }
        guard store(repository).branches[branch] == nil else { return .unprocessable("Reference already exists") }
        guard store(repository).commits[sha] != nil else { return .unprocessable("Object does not exist") }
        setBranch(branch, to: sha, in: repository)
        return .json(201, refJSON(branch, sha, repository: repository))
    }

    mutating func updateRef(_ request: FakeGitHub.APIRequest, repository: String, branch: String) -> LoopbackServer.Reply {
        let current = store(repository)
        guard let old = current.branches[branch] else { return .unprocessable("Reference does not exist") }
        guard !(protectedBranches[repository]?.contains(branch) ?? false) else {
            return .unprocessable("Protected branch update failed for refs/heads/\(branch).")
        }
        guard let sha = request.body["sha"] as? String, current.commits[sha] != nil else { return .unprocessable("Object does not exist") }
        let force = request.body["force"] as? Bool ?? false
        guard force || current.isAncestor(old, of: sha) else { return .unprocessable("Update is not a fast forward") }
        setBranch(branch, to: sha, in: repository)
        return .json(200, refJSON(branch, sha, repository: repository))
    }

    mutating func deleteRef(repository: String, branch: String) -> LoopbackServer.Reply {
        guard store(repository).branches[branch] != nil else { return .unprocessable("Reference does not exist") }
        guard !(protectedBranches[repository]?.contains(branch) ?? false) else {
            return .unprocessable("Protected branch update failed for refs/heads/\(branch).")
        }
        setBranch(branch, to: nil, in: repository)
        return LoopbackServer.Reply(status: 204)
    }

    /// `GET /commits?sha=&path=&per_page=&page=`: every commit reachable from a branch or commit,
    /// newest first; with `path`, only those that changed a file at or below it.
    func commitList(_ request: FakeGitHub.APIRequest, repository: String) -> LoopbackServer.Reply {
        let current = store(repository)
        let start = request.query["sha"] ?? repositories[repository]?.defaultBranch ?? "main"
        guard let head = current.branches[start] ?? (current.commits[start] != nil ? start : nil) else {
            return current.branches.isEmpty ? .json(409, ["message": "Git Repository is empty."]) : .json(404, ["message": "No commit found for SHA: \(start)"])
        }
        var history = current.history(from: head)
        if let path = request.query["path"], !path.isEmpty {
            func files(_ sha: String?) -> [String: FakeGitStore.File] {
                guard let sha else { return [:] }
                return current.files(atCommit: sha).filter { $0.key == path || $0.key.hasPrefix(path + "/") }
            }
            history = history.filter { files($0.sha) != files($0.parents.first) }
        }
        let items: [Any] = history.map { commit in
            [
                "sha": commit.sha, "node_id": Self.nodeID("C", commit.sha),
                "html_url": "https://github.com/\(repository)/commit/\(commit.sha)",
                "commit": [
                    "message": commit.message, "tree": ["sha": commit.tree],
                    "verification": ["verified": commit.verified, "reason": commit.verified ? "valid" : "unsigned"],
                ] as [String: Any],
                "parents": commit.parents.map { ["sha": $0] },
            ] as [String: Any]
        }
        return paginated(items, request)
    }
}
