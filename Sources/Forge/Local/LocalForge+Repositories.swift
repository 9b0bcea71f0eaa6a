import Foundation
import SyncCore

/// The repositories of an owner on the local forge, for `target_repos` selectors: the `<name>.git`
/// folders in `<root>/<owner>/` (the forge's layout), sorted by name, with what the ledger keeps
/// of each in `repositories["owner/name"]`: `topics` (lower case), `archived` and `fork`, set by
/// `setListing` (`local-forge DIR topics OWNER/NAME TOPICS [--archived] [--fork]`). A repository
/// the ledger says nothing of has no topics and is neither archived nor a fork.
///
/// ```json
/// "repositories": { "example-org/svc-a": { "default_branch": "main", "can_push": true, "allow_auto_merge": true,
///                                          "topics": ["agent33", "service"], "archived": false, "fork": false } }
/// ```
///
/// Owners are found case-insensitively, as on GitHub; names are spelled as the folders are.
extension LocalForge {
    /// GitHub's limit on a repository's topics.
    static let topicLimit = 20

    package func repositories(of owner: String) async throws -> [ForgeRepositoryListing] {
        guard RepositoryNames.isValid(owner + "/x") else { throw ForgeError("'\(owner)' is not an organisation or user name.") }
        guard let folder = ownerFolder(owner) else {
            throw ForgeError("no organisation or user named \(owner) on the local forge (there is no folder \(root.appendingPathComponent(owner).path))")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path).compactMap { entry -> String? in
            guard entry.hasSuffix(".git"), isFolder(root.appendingPathComponent(folder).appendingPathComponent(entry)) else { return nil }
            let name = folder + "/" + String(entry.dropLast(".git".count))
            return RepositoryNames.isValid(name) ? name : nil
        }
        let settings = try withLedger { $0.repositories }
        let byLowercasedName = Dictionary(settings.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        return names.map { name -> ForgeRepositoryListing in
            let entry = settings[name] ?? byLowercasedName[name.lowercased()]
            return ForgeRepositoryListing(name: name, topics: entry?.topics ?? [], archived: entry?.archived ?? false, fork: entry?.fork ?? false)
        }.sorted { ($0.name.lowercased(), $0.name) < ($1.name.lowercased(), $1.name) }
    }

    /// Sets what the owner's listing says of a repository, replacing what was set: its topics (lower
    /// case, each once, in the order given, by GitHub's rules: letters, digits and hyphens, at most
    /// 50 characters, at most 20 topics) and whether it is archived or a fork.
    package func setListing(_ repository: String, topics: [String], archived: Bool = false, fork: Bool = false) throws {
        let git = try git(repository)
        var normalized: [String] = []
        for topic in topics.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
            guard topic.range(of: #"^[a-z0-9][a-z0-9-]{0,49}\z"#, options: .regularExpression) != nil else {
                throw ForgeError("'\(topic)' is not a GitHub topic (lower-case letters, digits and hyphens, at most 50 characters).")
            }
            if !normalized.contains(topic) { normalized.append(topic) }
        }
        guard normalized.count <= Self.topicLimit else {
            throw ForgeError("\(repository) would have \(normalized.count) topics; GitHub allows at most \(Self.topicLimit).")
        }
        // A repository made without `createRepository` has no settings yet: they start from its own default branch.
        let head = (try? git.run(["symbolic-ref", "--short", "HEAD"]))
            .map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
        try withLedger { ledger in
            var key = repository
            if ledger.repositories[repository] == nil, let known = ledger.repositories.keys.first(where: { $0.lowercased() == repository.lowercased() }) {
                key = known
            }
            var settings = ledger.repositories[key]
                ?? LocalForgeLedger.RepositorySettings(defaultBranch: head.flatMap { $0.isEmpty ? nil : $0 } ?? "main", canPush: true, allowsAutoMerge: true)
            settings.topics = normalized
            settings.archived = archived
            settings.fork = fork
            ledger.repositories[key] = settings
        }
    }

    /// The folder of an owner below the root: its own name, or one that differs only in case.
    private func ownerFolder(_ owner: String) -> String? {
        if isFolder(root.appendingPathComponent(owner)) { return owner }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return entries.sorted().first { $0.lowercased() == owner.lowercased() && isFolder(root.appendingPathComponent($0)) }
    }

    private func isFolder(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
