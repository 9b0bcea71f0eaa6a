import Foundation
import SyncCore

/// Fleet reads: what plan-sync and detect-drift need from every target (the default branch and its
/// head, the sync state files, the drift issue, the blob ids of synced files, the recent sync pull
/// requests) read for many
/// repositories per GraphQL query. A batch GitHub cannot answer is split in two and tried again
/// (a query too large for GitHub's time limit), down to a quarter of a batch; what still cannot be
/// read is read over REST as before, and after three failures in a row (GraphQL is down, or the
/// token may not use it) nothing more is tried.
extension GitHubForge {
    /// Repositories per query. Each costs GitHub about one node per state file and issue: far
    /// from the query limits; smaller batches mean more requests, larger ones slower answers.
    static let fleetBatchSize = 50
    /// Paths per blob-id query (round two, drift only).
    static let fleetPathBatchSize = 1_000
    /// Recent sync pull requests read per repository (detect-drift's registry): the most recently
    /// updated ones with the sync label.
    static let fleetPullRequestCount = 50

    package func prefetch(_ repositories: [String], _ read: FleetRead) async -> FleetPrefetch {
        var seen = Set<String>()
        let names = repositories.filter { RepositoryNames.isValid($0) && seen.insert($0.lowercased()).inserted }
        guard batchReads, !names.isEmpty, RepositoryPath.problem(String(read.stateFolder.dropLast())) == nil else { return .none }
        var report = FleetPrefetch()
        var pending = stride(from: 0, to: names.count, by: Self.fleetBatchSize).map { Array(names[$0..<min($0 + Self.fleetBatchSize, names.count)]) }
        var failures = 0
        while let batch = pending.first {
            pending.removeFirst()
            guard failures < 3 else {
                report.notRead += batch
                continue
            }
            report.requests += 1
            guard let entries = try? await fleetQuery(batch, read) else {
                failures += 1
                if batch.count > max(1, Self.fleetBatchSize / 4) {
                    pending.insert(contentsOf: [Array(batch.prefix(batch.count / 2)), Array(batch.dropFirst(batch.count / 2))], at: 0)
                } else {
                    report.notRead += batch
                }
                continue
            }
            failures = 0
            for name in batch {
                if let entry = entries[name] { fleet[name] = entry; report.read += 1 } else { report.notRead.append(name) }
            }
        }
        if let syncedPaths = read.syncedPaths, failures < 3 {
            report.requests += await prefetchBlobIDs(names, syncedPaths: syncedPaths)
        }
        return report
    }

    // MARK: Round one: repository, head, state files, issues

    private func fleetQuery(_ batch: [String], _ read: FleetRead) async throws -> [String: FleetEntry] {
        var variables: [String: Any] = ["state": String(read.stateFolder.dropLast())]
        var declarations = ["$state: String!"]
        if let label = read.issueLabel {
            variables["label"] = label
            declarations.append("$label: String!")
        }
        if let pulls = read.pullRequests {
            variables["pullLabel"] = pulls.label
            declarations.append("$pullLabel: String!")
        }
        var otherFiles = ""
        for (index, path) in read.files.enumerated() {
            variables["file\(index)"] = path
            declarations.append("$file\(index): String!")
            otherFiles += "\n                    file\(index): file(path: $file\(index)) { type oid object { ... on Blob { text isBinary isTruncated } } }"
        }
        var fields: [String] = []
        for (index, name) in batch.enumerated() {
            let parts = name.split(separator: "/")
            variables["o\(index)"] = String(parts[0])
            variables["n\(index)"] = String(parts[1])
            declarations += ["$o\(index): String!", "$n\(index): String!"]
            fields.append("r\(index): repository(owner: $o\(index), name: $n\(index)) { ...FleetTarget }")
        }
        let issues = read.issueLabel == nil ? "" : """
              issues(first: 50, states: OPEN, labels: [$label], orderBy: {field: CREATED_AT, direction: ASC}) {
                nodes { number url title body state labels(first: 20) { nodes { name } } }
                pageInfo { hasNextPage }
              }
            """
        let pullRequests = read.pullRequests == nil ? "" : """
              pullRequests(first: \(Self.fleetPullRequestCount), labels: [$pullLabel], states: [OPEN, CLOSED, MERGED], orderBy: {field: UPDATED_AT, direction: DESC}) {
                nodes { number url title headRefName baseRefName isCrossRepository state createdAt mergedAt closedAt }
              }
            """
        let query = """
            query FlashSyncFleet(\(declarations.joined(separator: ", "))) {
              \(fields.joined(separator: "\n  "))
            }
            fragment FleetTarget on Repository {
              nameWithOwner
              viewerPermission
              autoMergeAllowed
              defaultBranchRef {
                name
                target {
                  ... on Commit {
                    oid
                    message
                    parents(first: 2) { nodes { oid } }
                    state: file(path: $state) {
                      type
                      object { ... on Tree { entries { name type oid object { ... on Blob { text isBinary isTruncated } } } } }
                    }\(otherFiles)
                  }
                }
              }
            \(issues)\(pullRequests)}
            """
        let data = try await fleetData(query, variables)
        var entries: [String: FleetEntry] = [:]
        for (index, name) in batch.enumerated() {
            guard let node = data["r\(index)"] as? [String: Any], let entry = Self.fleetEntry(node, read: read) else { continue }
            entries[name] = entry
        }
        return entries
    }

    /// The query's `data`, or an error when GitHub answered with no data at all; per-repository
    /// errors (a repository not found) leave that repository's field null, read over REST later.
    private func fleetData(_ query: String, _ variables: [String: Any]) async throws -> [String: Any] {
        let response = try await client.graphQLQuery(query, variables: variables)
        guard (200..<300).contains(response.status),
              let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any],
              let data = object["data"] as? [String: Any]
        else {
            throw ForgeError("GitHub did not answer the fleet query (HTTP \(response.status)).")
        }
        return data
    }

    private static func fleetEntry(_ node: [String: Any], read: FleetRead) -> FleetEntry? {
        let permission = node["viewerPermission"] as? String
        let canPush: Bool? = permission.map { ["ADMIN", "MAINTAIN", "WRITE"].contains($0) }
        guard let name = node["nameWithOwner"] as? String, let autoMerge = node["autoMergeAllowed"] as? Bool else { return nil }
        guard let reference = node["defaultBranchRef"] as? [String: Any] else {
            // An empty repository has no default branch to read; REST says what it is.
            return nil
        }
        guard let branch = reference["name"] as? String, let target = reference["target"] as? [String: Any], let oid = target["oid"] as? String,
              isObjectID(oid), let message = target["message"] as? String
        else { return nil }
        let parents = ((target["parents"] as? [String: Any])?["nodes"] as? [[String: Any]] ?? []).compactMap { $0["oid"] as? String }
        var stateFiles: [String: FleetEntry.StateFile] = [:]
        if let state = target["state"] as? [String: Any] {
            guard state["type"] as? String == "tree", let tree = state["object"] as? [String: Any], let entries = tree["entries"] as? [[String: Any]] else {
                return nil
            }
            for entry in entries where entry["type"] as? String == "blob" {
                guard let file = entry["name"] as? String, let blobID = entry["oid"] as? String, isObjectID(blobID) else { return nil }
                let blob = entry["object"] as? [String: Any]
                let complete = blob?["isBinary"] as? Bool == false && blob?["isTruncated"] as? Bool == false
                stateFiles[read.stateFolder + file] = .init(blobID: blobID, text: complete ? blob?["text"] as? String : nil)
            }
        }
        var entry = FleetEntry(
            repository: canPush.map { ForgeRepository(name: name, defaultBranch: branch, canPush: $0, allowsAutoMerge: autoMerge) },
            defaultBranch: branch, head: ForgeCommit(id: oid, message: message.trimmingCharacters(in: .newlines), parents: parents),
            stateFolder: read.stateFolder, stateFiles: stateFiles
        )
        for (index, path) in read.files.enumerated() {
            // Absent (null): the file does not exist. Anything but a blob is left to REST.
            guard let file = target["file\(index)"] as? [String: Any] else {
                entry.otherFiles[path] = .some(nil)
                continue
            }
            guard file["type"] as? String == "blob", let blobID = file["oid"] as? String, isObjectID(blobID) else { continue }
            let blob = file["object"] as? [String: Any]
            let complete = blob?["isBinary"] as? Bool == false && blob?["isTruncated"] as? Bool == false
            entry.otherFiles[path] = .some(.init(blobID: blobID, text: complete ? blob?["text"] as? String : nil))
        }
        if let label = read.issueLabel, let connection = node["issues"] as? [String: Any],
           (connection["pageInfo"] as? [String: Any])?["hasNextPage"] as? Bool == false {
            entry.issues[label] = (connection["nodes"] as? [[String: Any]] ?? []).compactMap(Self.fleetIssue)
        }
        if let pulls = read.pullRequests, let connection = node["pullRequests"] as? [String: Any], let nodes = connection["nodes"] as? [[String: Any]] {
            entry.pullRequests[pulls.headPrefix] = nodes.compactMap(Self.fleetPullRequest)
                .filter { $0.head.hasPrefix(pulls.headPrefix) }
                .sorted { $0.number > $1.number }
        }
        return entry
    }

    /// A pull request node; one from a fork (another repository's branch) is left out, as REST does.
    private static func fleetPullRequest(_ node: [String: Any]) -> PullRequest? {
        guard let number = node["number"] as? Int, let url = node["url"] as? String, let head = node["headRefName"] as? String,
              let state = node["state"] as? String, node["isCrossRepository"] as? Bool == false
        else { return nil }
        return PullRequest(
            number: number, url: url, head: head, base: node["baseRefName"] as? String ?? "", title: node["title"] as? String ?? "", body: "",
            labels: [], reviewers: [], teamReviewers: [], state: state.lowercased(), autoMerge: false, mergeCommit: nil,
            createdAt: node["createdAt"] as? String, mergedAt: node["mergedAt"] as? String, closedAt: node["closedAt"] as? String
        )
    }

    private static func fleetIssue(_ node: [String: Any]) -> ForgeIssue? {
        guard let number = node["number"] as? Int, let url = node["url"] as? String, let title = node["title"] as? String else { return nil }
        let labels = ((node["labels"] as? [String: Any])?["nodes"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        return ForgeIssue(number: number, url: url, title: title, body: node["body"] as? String ?? "", labels: labels,
                          state: (node["state"] as? String ?? "OPEN").lowercased(), comments: [])
    }

    // MARK: Round two: the blob ids of the files the states list

    private func prefetchBlobIDs(_ names: [String], syncedPaths: @escaping @Sendable (Data) -> [String]) async -> Int {
        var wanted: [(repository: String, head: String, paths: [String])] = []
        for name in names {
            guard let entry = fleet[name], let head = entry.head else { continue }
            var paths = Set<String>()
            for file in entry.stateFiles.values {
                guard let text = file.text else { continue }
                paths.formUnion(syncedPaths(Data(text.utf8)).filter { RepositoryPath.problem($0) == nil })
            }
            if !paths.isEmpty { wanted.append((name, head.id, paths.sorted())) }
        }
        var requests = 0
        var batch: [(repository: String, head: String, paths: [String])] = []
        var count = 0
        func flush() async {
            guard !batch.isEmpty else { return }
            requests += 1
            await blobIDQuery(batch)
            batch = []
            count = 0
        }
        for item in wanted {
            if count + item.paths.count > Self.fleetPathBatchSize { await flush() }
            batch.append(item)
            count += item.paths.count
        }
        await flush()
        return requests
    }

    /// One query for the blob ids; a failure leaves the ids unread (read from the tree over REST).
    private func blobIDQuery(_ batch: [(repository: String, head: String, paths: [String])]) async {
        var variables: [String: Any] = [:]
        var declarations: [String] = []
        var fields: [String] = []
        for (index, item) in batch.enumerated() {
            let parts = item.repository.split(separator: "/")
            variables["o\(index)"] = String(parts[0])
            variables["n\(index)"] = String(parts[1])
            variables["h\(index)"] = item.head
            declarations += ["$o\(index): String!", "$n\(index): String!", "$h\(index): GitObjectID!"]
            var files: [String] = []
            for (pathIndex, path) in item.paths.enumerated() {
                variables["p\(index)_\(pathIndex)"] = path
                declarations.append("$p\(index)_\(pathIndex): String!")
                files.append("f\(pathIndex): file(path: $p\(index)_\(pathIndex)) { type oid }")
            }
            fields.append("r\(index): repository(owner: $o\(index), name: $n\(index)) { object(oid: $h\(index)) { ... on Commit { \(files.joined(separator: " ")) } } }")
        }
        let query = "query FlashSyncBlobIDs(\(declarations.joined(separator: ", "))) {\n  \(fields.joined(separator: "\n  "))\n}"
        guard let data = try? await fleetData(query, variables) else { return }
        for (index, item) in batch.enumerated() {
            guard let commit = (data["r\(index)"] as? [String: Any])?["object"] as? [String: Any], var entry = fleet[item.repository] else { continue }
            var ids: [String: String] = [:]
            // Every path must have its field (null when absent), or nothing of this repository is kept.
            guard item.paths.indices.allSatisfy({ commit.keys.contains("f\($0)") }) else { continue }
            for (pathIndex, path) in item.paths.enumerated() {
                if let file = commit["f\(pathIndex)"] as? [String: Any], file["type"] as? String == "blob", let oid = file["oid"] as? String, Self.isObjectID(oid) {
                    ids[path] = oid
                }
            }
            entry.blobIDs.merge(ids) { _, new in new }
            entry.blobIDsAsked.formUnion(item.paths)
            fleet[item.repository] = entry
        }
    }
}
