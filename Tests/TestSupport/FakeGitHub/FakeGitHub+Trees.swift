import Foundation

/// `GET /git/trees/{sha}` (top level, or everything with `?recursive=`) and `POST /git/trees`.
extension FakeGitHub.State {
    static let modes: Set<String> = ["100644", "100755", "040000", "160000", "120000"]
    static let contentOrSHA = "Must supply either tree.sha or tree.content. Request will be rejected if both are present."

    func readTree(_ request: FakeGitHub.APIRequest, repository: String, treeish: String) -> LoopbackServer.Reply {
        let current = store(repository)
        guard let tree = current.treeID(treeish) else { return .notFound }
        // GitHub lists everything for any value of `recursive`, even "0" or "false".
        let entries = treeEntriesJSON(tree, in: current, repository: repository, prefix: "", recursive: request.query["recursive"] != nil)
        return .json(200, ["sha": tree, "url": "\(apiURL)/repos/\(repository)/git/trees/\(tree)", "tree": entries, "truncated": false])
    }

    /// Entries in git's order; recursive listings show each folder before what it holds.
    func treeEntriesJSON(_ tree: String, in store: FakeGitStore, repository: String, prefix: String, recursive: Bool) -> [[String: Any]] {
        var entries: [[String: Any]] = []
        for entry in store.trees[tree] ?? [] {
            let path = prefix + entry.name
            var object: [String: Any] = [
                "path": path, "mode": entry.mode, "type": entry.kind.rawValue, "sha": entry.sha,
                "url": "\(apiURL)/repos/\(repository)/git/\(entry.kind == .blob ? "blobs" : "trees")/\(entry.sha)",
            ]
            if entry.kind == .blob { object["size"] = store.blobs[entry.sha]?.count ?? 0 }
            entries.append(object)
            if recursive, entry.kind == .tree {
                entries += treeEntriesJSON(entry.sha, in: store, repository: repository, prefix: path + "/", recursive: true)
            }
        }
        return entries
    }

    mutating func createTree(_ request: FakeGitHub.APIRequest, repository: String) -> LoopbackServer.Reply {
        guard let items = request.body["tree"] as? [[String: Any]] else {
            return .validationFailed([["resource": "Tree", "field": "tree", "code": "missing_field"]])
        }
        var current = store(repository)
        var base: [String: FakeGitStore.File] = [:]
        if let baseTree = request.body["base_tree"], !(baseTree is NSNull) {
            guard let baseTree = baseTree as? String, current.trees[baseTree] != nil else {
                return .unprocessable("base_tree is not a valid tree oid")
            }
            base = current.files(inTree: baseTree)
        }
        var edits: [FakeGitStore.TreeEdit] = []
        for item in items {
            guard let path = item["path"] as? String else { return .unprocessable("tree.path is missing") }
            guard let mode = item["mode"] as? String, Self.modes.contains(mode) else {
                return .unprocessable("tree.mode for \(path) must be one of 100644, 100755, 040000, 160000, 120000")
            }
            let type = item["type"] as? String ?? "blob"
            let sha = item["sha"]
            if let content = item["content"] as? String {
                guard sha == nil || sha is NSNull, type == "blob" else { return .unprocessable(Self.contentOrSHA) }
                edits.append(.put(path, .init(mode: mode, sha: current.storeBlob(Data(content.utf8)))))
                continue
            }
            switch (sha, type) {
            case (nil, _):
                return .unprocessable(Self.contentOrSHA)
            case (is NSNull, _):
                edits.append(.delete(path))
            case (let sha as String, "blob"):
                guard current.blobs[sha] != nil else { return .unprocessable("GitRPC::BadObjectState") }
                edits.append(.put(path, .init(mode: mode, sha: sha)))
            case (let sha as String, "tree"):
                guard current.trees[sha] != nil else { return .unprocessable("GitRPC::BadObjectState") }
                edits.append(.putTree(path, treeID: sha))
            case (_, "commit"):
                return .unprocessable("tree.type commit (a submodule) is not supported by this fake GitHub")
            default:
                return .unprocessable("tree.type must be blob, tree or commit, and tree.sha a string or null")
            }
        }
        let files: [String: FakeGitStore.File]
        do {
            files = try current.applying(edits, to: base)
        } catch {
            return .unprocessable(error.description)
        }
        let sha = current.storeTree(files)
        stores[repository] = current
        let entries = treeEntriesJSON(sha, in: current, repository: repository, prefix: "", recursive: false)
        return .json(201, ["sha": sha, "url": "\(apiURL)/repos/\(repository)/git/trees/\(sha)", "tree": entries, "truncated": false])
    }
}
