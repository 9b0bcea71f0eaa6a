import Foundation
import SyncCore

/// Downstream repositories as local bare git repositories (`<root>/<owner>/<name>.git`) plus a
/// JSON ledger of pull requests and issues (`<root>/ledger.json`, which also keeps each
/// repository's settings and topics, see `LocalForge+Repositories`): the embedded forge of the
/// demo, local replays and tests. Commits are made with git plumbing, never in a work tree.
package final class LocalForge: Forge, @unchecked Sendable {
    package let root: URL
    /// The environment of every git run (see `GitEnvironment`).
    package let gitEnvironment: GitEnvironment
    /// The clock of the ledger's pull request dates (opened, merged, closed): the step's clock, so
    /// a test or a replay that fixes the time gets the same ledger.
    package let now: @Sendable () -> Date
    private let lock = NSLock()
    static let author = ["GIT_AUTHOR_NAME": "flash-sync[bot]", "GIT_AUTHOR_EMAIL": "flash-sync@users.noreply.local",
                         "GIT_COMMITTER_NAME": "flash-sync[bot]", "GIT_COMMITTER_EMAIL": "flash-sync@users.noreply.local"]

    package init(root: URL, gitEnvironment: GitEnvironment, now: @escaping @Sendable () -> Date = { Date() }) {
        self.root = root
        self.gitEnvironment = gitEnvironment
        self.now = now
    }

    /// The time now as the ledger records it (ISO 8601, whole seconds, UTC).
    func timestamp() -> String {
        ISO8601DateFormatter().string(from: now())
    }

    var ledgerURL: URL { root.appendingPathComponent("ledger.json") }

    func git(_ repository: String) throws -> GitRepository {
        guard RepositoryNames.isValid(repository) else { throw ForgeError("'\(repository)' is not a repository name (owner/name).") }
        let url = root.appendingPathComponent(repository + ".git")
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw ForgeError("\(repository) was not found on the local forge (\(url.path)).")
        }
        return GitRepository(url, environment: gitEnvironment)
    }

    func withLedger<T>(_ body: (inout LocalForgeLedger) throws -> T) throws -> T {
        try lock.withLock {
            var ledger = try LocalForgeLedger.load(ledgerURL)
            let before = ledger
            let result = try body(&ledger)
            if ledger != before { try ledger.save(ledgerURL) }
            return result
        }
    }

    // MARK: Setting up repositories (demo and tests)

    /// Creates a bare repository with one commit holding `files` on the default branch.
    @discardableResult
    package func createRepository(_ name: String, defaultBranch: String = "main", files: [String: Data], canPush: Bool = true, allowsAutoMerge: Bool = true) throws -> ForgeCommit {
        // Checked before anything is written: a refused name leaves no folder behind.
        guard RepositoryNames.isValid(name) else { throw ForgeError("'\(name)' is not a repository name (owner/name).") }
        let url = root.appendingPathComponent(name + ".git")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try GitRepository(url, environment: gitEnvironment).run(["init", "--bare", "-q", "-b", defaultBranch])
        try withLedger { $0.repositories[name] = .init(defaultBranch: defaultBranch, canPush: canPush, allowsAutoMerge: allowsAutoMerge) }
        return try makeCommit(name, CommitRequest(branch: defaultBranch, parent: "", message: "Initial commit", changes: files.mapValues { $0 }))
    }

    // MARK: Forge

    package func repository(_ name: String) async throws -> ForgeRepository {
        _ = try git(name)
        let settings = try withLedger { $0.repositories[name] } ?? .init(defaultBranch: "main", canPush: true, allowsAutoMerge: true)
        return ForgeRepository(name: name, defaultBranch: settings.defaultBranch, canPush: settings.canPush, allowsAutoMerge: settings.allowsAutoMerge)
    }

    package func head(_ repository: String, branch: String) async throws -> ForgeCommit? {
        let git = try git(repository)
        guard let id = git.commit(of: "refs/heads/\(branch)") else { return nil }
        return try commitInfo(git, id)
    }

    package func files(_ repository: String, at commit: String, paths: [String]) async throws -> [String: Data] {
        try ForgeError.checkPaths(paths, repository: repository)
        let git = try git(repository)
        let found = try git.blobs(paths.map { "\(commit):\($0)" }, allowingMissing: true)
        var result: [String: Data] = [:]
        for path in paths { if let data = found["\(commit):\(path)"] { result[path] = data } }
        return result
    }

    package func symbolicLinks(_ repository: String, at commit: String, paths: [String]) async throws -> Set<String> {
        let wanted = Set(paths)
        guard !wanted.isEmpty else { return [] }
        let entries = try git(repository).tree(at: commit)
        return Set(entries.filter { $0.isSymlink && wanted.contains($0.path) }.map(\.path))
    }

    package func list(_ repository: String, at commit: String, under folder: String) async throws -> [String] {
        let git = try git(repository)
        var arguments = ["ls-tree", "-r", "--name-only", "-z", commit]
        if !folder.isEmpty { arguments += ["--", folder] }
        return try git.run(arguments).split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    }

    package func folderFiles(_ repository: String, at commit: String, in folder: String) async throws -> [String] {
        let prefix = folder.isEmpty || folder.hasSuffix("/") ? folder : folder + "/"
        return try git(repository).tree(at: commit).map(\.path).filter { $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).contains("/") }.sorted()
    }

    package func blobIDs(_ repository: String, at commit: String, paths: [String]) async throws -> [String: String] {
        let wanted = Set(paths)
        guard !wanted.isEmpty else { return [:] }
        let entries = try git(repository).tree(at: commit).filter { wanted.contains($0.path) && !$0.isSubmodule }
        return Dictionary(entries.map { ($0.path, $0.object) }, uniquingKeysWith: { first, _ in first })
    }

    /// Local repositories are read one by one at no cost: nothing to read up front.
    package func prefetch(_ repositories: [String], _ read: FleetRead) async -> FleetPrefetch { .none }

    package func blob(_ repository: String, object: String) async throws -> Data? {
        try git(repository).blobs([object], allowingMissing: true)[object]
    }

    package func commit(_ repository: String, _ request: CommitRequest) async throws -> ForgeCommit {
        try makeCommit(repository, request)
    }

    private func makeCommit(_ repository: String, _ request: CommitRequest) throws -> ForgeCommit {
        try ForgeError.checkPaths(request.changes.keys, repository: repository)
        let git = try git(repository)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("flash-sync-forge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let index = ["GIT_INDEX_FILE": scratch.appendingPathComponent("index").path]
        if request.parent.isEmpty {
            try git.run(["read-tree", "--empty"], environment: index)
        } else {
            try git.run(["read-tree", request.parent], environment: index)
        }
        let writes = request.changes.compactMap { path, data in data.map { (path, $0) } }.sorted { $0.0 < $1.0 }
        var lines: [String] = []
        if !writes.isEmpty {
            var files: [String] = []
            for (offset, (_, data)) in writes.enumerated() {
                let file = scratch.appendingPathComponent("blob-\(offset)")
                try data.write(to: file)
                files.append(file.path)
            }
            let objects = String(decoding: try git.run(["hash-object", "-w", "--stdin-paths"], input: Data((files.joined(separator: "\n") + "\n").utf8)), as: UTF8.self)
                .split(separator: "\n").map(String.init)
            for ((path, _), object) in zip(writes, objects) { lines.append("100644 \(object)\t\(path)") }
        }
        for (path, data) in request.changes where data == nil {
            lines.append("0 0000000000000000000000000000000000000000\t\(path)")
        }
        if !lines.isEmpty {
            // NUL-terminated records: a path can never end a record early or add one of its own.
            try git.run(["update-index", "-z", "--index-info"], input: Data((lines.joined(separator: "\u{0}") + "\u{0}").utf8), environment: index)
        }
        let tree = String(decoding: try git.run(["write-tree"], environment: index), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        var arguments = ["commit-tree", tree, "-F", "-"]
        if !request.parent.isEmpty { arguments += ["-p", request.parent] }
        let id = String(decoding: try git.run(arguments, input: Data(request.message.utf8), environment: Self.author), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try git.run(["update-ref", "refs/heads/\(request.branch)", id])
        return ForgeCommit(id: id, message: request.message, parents: request.parent.isEmpty ? [] : [request.parent])
    }

    package func history(_ repository: String, branch: String, limit: Int) async throws -> [ForgeCommit] {
        let git = try git(repository)
        let data = try git.run(["log", "--format=%H%x00%P%x00%B%x1e", "-n", String(limit), "refs/heads/\(branch)"])
        return String(decoding: data, as: UTF8.self).split(separator: "\u{1e}").compactMap { record in
            let fields = record.trimmingCharacters(in: .newlines).split(separator: "\u{0}", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3 else { return nil }
            return ForgeCommit(id: String(fields[0]), message: String(fields[2]).trimmingCharacters(in: .newlines), parents: fields[1].split(separator: " ").map(String.init))
        }
    }

    package func changes(_ repository: String, commit: String) async throws -> [String: Data?] {
        let git = try git(repository)
        let info = try commitInfo(git, commit)
        var arguments = ["diff-tree", "-r", "-z", "--no-commit-id", "--name-status", "--no-renames"]
        arguments += info.parents.isEmpty ? ["--root", commit] : [info.parents[0], commit]
        let fields = try git.run(arguments).split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        var result: [String: Data?] = [:]
        var changed: [String] = []
        var index = 0
        while index + 1 < fields.count {
            if fields[index] == "D" { result[fields[index + 1]] = .some(nil) } else { changed.append(fields[index + 1]) }
            index += 2
        }
        let contents = try await files(repository, at: commit, paths: changed)
        for path in changed { result[path] = contents[path] }
        return result
    }

    func commitInfo(_ git: GitRepository, _ id: String) throws -> ForgeCommit {
        let text = String(decoding: try git.run(["log", "-1", "--format=%H%x00%P%x00%B", id]), as: UTF8.self)
        let fields = text.split(separator: "\u{0}", maxSplits: 2, omittingEmptySubsequences: false)
        return ForgeCommit(id: String(fields[0]), message: fields.count > 2 ? String(fields[2]).trimmingCharacters(in: .newlines) : "",
                           parents: fields.count > 1 ? fields[1].split(separator: " ").map(String.init) : [])
    }
}
