import Crypto
import Foundation
import SyncCore

/// One repository's git objects and branches. Blob and tree ids are git's own (a client can
/// compute them locally); a commit id is the SHA-1 of its tree, parents and message only, so the
/// same commit made twice gets the same id.
struct FakeGitStore {
    enum EntryKind: String {
        case blob, tree
    }

    /// One entry of a stored tree object.
    struct TreeEntry: Equatable {
        var name: String
        var mode: String
        var kind: EntryKind
        var sha: String
    }

    /// A file as the flattened tree lists it, by path.
    struct File: Equatable {
        var mode: String
        var sha: String
    }

    private(set) var blobs: [String: Data] = [:]
    private(set) var trees: [String: [TreeEntry]] = [:]
    private(set) var commits: [String: FakeGitHub.Commit] = [:]
    /// Branch name → commit id.
    var branches: [String: String] = [:]
    private var nextSequence = 0

    // MARK: - Objects

    mutating func storeBlob(_ data: Data) -> String {
        let sha = Checksum.gitBlobID(data)
        blobs[sha] = data
        return sha
    }

    /// Stores the nested tree objects for a flat path → file map and returns the root tree id.
    mutating func storeTree(_ files: [String: File]) -> String {
        var entries: [TreeEntry] = []
        var folders: [String: [String: File]] = [:]
        for (path, file) in files {
            if let slash = path.firstIndex(of: "/") {
                folders[String(path[..<slash]), default: [:]][String(path[path.index(after: slash)...])] = file
            } else {
                entries.append(TreeEntry(name: path, mode: file.mode, kind: .blob, sha: file.sha))
            }
        }
        for (name, contents) in folders {
            entries.append(TreeEntry(name: name, mode: "040000", kind: .tree, sha: storeTree(contents)))
        }
        // Git's order: by name, a folder compared as if its name ended in "/".
        entries.sort { Array(sortKey($0).utf8).lexicographicallyPrecedes(Array(sortKey($1).utf8)) }
        var body = Data()
        for entry in entries {
            let mode = entry.kind == .tree ? "40000" : entry.mode
            body.append(Data("\(mode) \(entry.name)\u{0}".utf8))
            body.append(Self.rawID(entry.sha))
        }
        let sha = Self.objectID("tree", body)
        trees[sha] = entries
        return sha
    }

    mutating func storeCommit(tree: String, parents: [String], message: String,
                              author: FakeGitHub.GitPerson? = nil, committer: FakeGitHub.GitPerson? = nil, verified: Bool) -> String {
        var text = "tree \(tree)\n"
        for parent in parents { text += "parent \(parent)\n" }
        text += "\n\(message)"
        let sha = Self.objectID("commit", Data(text.utf8))
        if commits[sha] == nil {
            nextSequence += 1
            commits[sha] = FakeGitHub.Commit(sha: sha, tree: tree, parents: parents, message: message,
                                             author: author, committer: committer, verified: verified, sequence: nextSequence)
        }
        return sha
    }

    // MARK: - Reading trees

    /// Every file below a tree, by path.
    func files(inTree sha: String, prefix: String = "") -> [String: File] {
        var files: [String: File] = [:]
        for entry in trees[sha] ?? [] {
            switch entry.kind {
            case .blob: files[prefix + entry.name] = File(mode: entry.mode, sha: entry.sha)
            case .tree: files.merge(self.files(inTree: entry.sha, prefix: prefix + entry.name + "/")) { _, new in new }
            }
        }
        return files
    }

    /// The tree a tree-ish names: a tree id, or a commit id standing for its tree.
    func treeID(_ treeish: String) -> String? {
        if trees[treeish] != nil { return treeish }
        return commits[treeish]?.tree
    }

    func files(atCommit sha: String) -> [String: File] {
        commits[sha].map { files(inTree: $0.tree) } ?? [:]
    }

    // MARK: - History

    /// Every commit reachable from `sha`, newest first (by creation order).
    func history(from sha: String) -> [FakeGitHub.Commit] {
        ancestors(of: sha).compactMap { commits[$0] }.sorted { $0.sequence > $1.sequence }
    }

    /// `sha` and all its ancestors.
    func ancestors(of sha: String) -> Set<String> {
        var seen: Set<String> = []
        var queue = [sha]
        while let next = queue.popLast() {
            guard let commit = commits[next], seen.insert(next).inserted else { continue }
            queue += commit.parents
        }
        return seen
    }

    func isAncestor(_ ancestor: String, of descendant: String) -> Bool {
        ancestors(of: descendant).contains(ancestor)
    }

    /// The newest common ancestor of two commits.
    func mergeBase(_ first: String, _ second: String) -> String? {
        ancestors(of: first).intersection(ancestors(of: second)).compactMap { commits[$0] }.max { $0.sequence < $1.sequence }?.sha
    }

    // MARK: - Ids

    private func sortKey(_ entry: TreeEntry) -> String {
        entry.kind == .tree ? entry.name + "/" : entry.name
    }

    static func objectID(_ type: String, _ body: Data) -> String {
        var hasher = Insecure.SHA1()
        hasher.update(data: Data("\(type) \(body.count)\u{0}".utf8))
        hasher.update(data: body)
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    private static func rawID(_ hex: String) -> Data {
        var bytes = Data()
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return bytes
    }
}
