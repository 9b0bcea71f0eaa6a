import Foundation

/// `/repos/{owner}/{repo}/git/...`: commits and blobs here, trees and refs in their own files.
extension FakeGitHub.State {
    mutating func serveGitData(_ request: FakeGitHub.APIRequest, repository: String, path: [String]) -> LoopbackServer.Reply {
        switch (request.method, path.first, path.count) {
        case ("GET", "ref", 3...) where path[1] == "heads":
            return readRef(repository: repository, branch: path.dropFirst(2).joined(separator: "/"))
        case ("POST", "refs", 1):
            return createRef(request, repository: repository)
        case ("PATCH", "refs", 3...) where path[1] == "heads":
            return updateRef(request, repository: repository, branch: path.dropFirst(2).joined(separator: "/"))
        case ("DELETE", "refs", 3...) where path[1] == "heads":
            return deleteRef(repository: repository, branch: path.dropFirst(2).joined(separator: "/"))
        case ("GET", "commits", 2):
            guard let commit = store(repository).commits[path[1]] else { return .notFound }
            return .json(200, commitJSON(commit, repository: repository))
        case ("POST", "commits", 1):
            return createCommit(request, repository: repository)
        case ("GET", "trees", 2):
            return readTree(request, repository: repository, treeish: path[1])
        case ("POST", "trees", 1):
            return createTree(request, repository: repository)
        case ("GET", "blobs", 2):
            guard let data = store(repository).blobs[path[1]] else { return .notFound }
            return .json(200, [
                "sha": path[1], "node_id": Self.nodeID("B", path[1]), "size": data.count, "encoding": "base64",
                "url": "\(apiURL)/repos/\(repository)/git/blobs/\(path[1])", "content": Self.wrappedBase64(data),
            ])
        case ("POST", "blobs", 1):
            return createBlob(request, repository: repository)
        default:
            return .notFound
        }
    }

    /// Base64 in lines of 60 characters, each ending in a newline, as GitHub sends blob content.
    static func wrappedBase64(_ data: Data) -> String {
        let encoded = Array(data.base64EncodedString())
        return stride(from: 0, to: encoded.count, by: 60).map { String(encoded[$0..<min($0 + 60, encoded.count)]) + "\n" }.joined()
    }

    private mutating func createBlob(_ request: FakeGitHub.APIRequest, repository: String) -> LoopbackServer.Reply {
        guard let content = request.body["content"] as? String else {
            return .validationFailed([["resource": "Blob", "field": "content", "code": "missing_field"]])
        }
        let data: Data
        switch request.body["encoding"] as? String ?? "utf-8" {
        case "utf-8", "utf8":
            data = Data(content.utf8)
        case "base64":
            guard let decoded = Data(base64Encoded: content, options: .ignoreUnknownCharacters) else {
                return .unprocessable("content is not valid Base64")
            }
            data = decoded
        case let other:
            return .unprocessable("encoding \(other) is not supported: use utf-8 or base64")
        }
        let sha = stores[repository, default: FakeGitStore()].storeBlob(data)
        return .json(201, ["sha": sha, "url": "\(apiURL)/repos/\(repository)/git/blobs/\(sha)"])
    }

    private mutating func createCommit(_ request: FakeGitHub.APIRequest, repository: String) -> LoopbackServer.Reply {
        let body = request.body
        guard let message = body["message"] as? String else {
            return .validationFailed([["resource": "Commit", "field": "message", "code": "missing_field"]])
        }
        let current = store(repository)
        guard let tree = body["tree"] as? String, current.trees[tree] != nil else { return .unprocessable("Tree SHA does not exist") }
        let parents = body["parents"] as? [String] ?? []
        guard parents.allSatisfy({ current.commits[$0] != nil }) else {
            return .unprocessable("Parent SHA does not exist or is not a commit object")
        }
        func person(_ key: String) -> FakeGitHub.GitPerson?? {
            guard let value = body[key], !(value is NSNull) else { return .some(nil) }
            guard let object = value as? [String: Any], let name = object["name"] as? String, let email = object["email"] as? String else { return nil }
            return FakeGitHub.GitPerson(name: name, email: email, date: object["date"] as? String ?? Self.timestamp(Date()))
        }
        guard let author = person("author"), let committer = person("committer") else {
            return .unprocessable("Invalid request: author and committer need a name and an email")
        }
        let sha = stores[repository, default: FakeGitStore()].storeCommit(
            tree: tree, parents: parents, message: message, author: author, committer: committer, verified: author == nil && committer == nil
        )
        return .json(201, commitJSON(store(repository).commits[sha]!, repository: repository))
    }

    /// A commit as `GET /git/commits/{sha}` shows it.
    func commitJSON(_ commit: FakeGitHub.Commit, repository: String) -> [String: Any] {
        let user = FakeGitHub.GitPerson(name: "fake-github-user", email: "fake-github-user@users.noreply.github.com")
        func person(_ value: FakeGitHub.GitPerson?) -> [String: Any] {
            let value = value ?? user
            return ["name": value.name, "email": value.email, "date": value.date]
        }
        return [
            "sha": commit.sha, "node_id": Self.nodeID("C", commit.sha), "message": commit.message,
            "url": "\(apiURL)/repos/\(repository)/git/commits/\(commit.sha)",
            "html_url": "https://github.com/\(repository)/commit/\(commit.sha)",
            "tree": ["sha": commit.tree, "url": "\(apiURL)/repos/\(repository)/git/trees/\(commit.tree)"],
            "parents": commit.parents.map { ["sha": $0, "url": "\(apiURL)/repos/\(repository)/git/commits/\($0)"] },
            "author": person(commit.author), "committer": person(commit.committer ?? commit.author),
            "verification": ["verified": commit.verified, "reason": commit.verified ? "valid" : "unsigned", "signature": NSNull(), "payload": NSNull()],
        ]
    }
}
