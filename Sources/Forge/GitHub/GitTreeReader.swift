import Foundation

/// The files of a commit, from the Git Data API: one recursive tree read (cached for good, trees
/// never change), or a walk folder by folder when GitHub truncates a very large tree.
struct GitTreeReader {
    typealias Entry = GitHubPayload.Tree.Entry

    let forge: GitHubForge
    let repository: String

    /// Every entry below the commit's root tree, by path.
    func entries(at commit: String) async throws -> [String: Entry] {
        guard let payload = try await forge.commitPayload(repository, commit) else {
            throw ForgeError("Commit \(commit) was not found in \(repository).")
        }
        let root = payload.tree.sha
        guard let tree = try await tree(root, recursive: true) else {
            throw ForgeError("The tree \(root) of \(repository)@\(commit.prefix(12)) was not found.")
        }
        if tree.truncated != true {
            return Dictionary(tree.tree.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        }
        var result: [String: Entry] = [:]
        try await walk(root, prefix: "", into: &result)
        return result
    }

    private func walk(_ sha: String, prefix: String, into result: inout [String: Entry]) async throws {
        guard let tree = try await tree(sha, recursive: false) else { return }
        for var entry in tree.tree {
            entry.path = prefix + entry.path
            result[entry.path] = entry
            if entry.type == "tree" { try await walk(entry.sha, prefix: entry.path + "/", into: &result) }
        }
    }

    private func tree(_ sha: String, recursive: Bool) async throws -> GitHubPayload.Tree? {
        guard GitHubForge.isObjectID(sha) else { return nil }
        let path = try forge.base(repository) + "/git/trees/" + sha + (recursive ? "?recursive=1" : "")
        guard let data = try await forge.immutable("tree:" + sha + (recursive ? ":recursive" : ""), path) else { return nil }
        return try GitHubForge.decode(GitHubPayload.Tree.self, data, path)
    }
}
