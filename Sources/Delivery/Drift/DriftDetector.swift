import Forge
import Foundation
import SyncCore
import SyncKit

/// A synced file whose content in the target differs from what its rule's last sync recorded.
package struct DriftedFile: Sendable, Equatable {
    package enum Change: String, Sendable {
        case modified
        case deleted
    }

    package var path: String
    package var ruleID: String
    package var change: Change
    /// The version of the sync that wrote the file.
    package var version: String
    /// Git object id of the content the sync wrote (to restore it).
    package var syncedBlob: String
    /// Where the team should move the edit to keep it across syncs.
    package var overridePath: String?
}

/// What one rule's target recorded at its last sync, and how the target differs from it now.
package struct RuleInspection: Sendable {
    package var rule: SyncRule
    /// Nil when the target has no state for the rule: it was never synced (or the state was removed).
    package var state: SyncState?
    package var drifted: [DriftedFile]
    /// Synced files the team declined: never drift, shown in the registry.
    package var declined: [DeclinedChange]

    package init(rule: SyncRule, state: SyncState?, drifted: [DriftedFile], declined: [DeclinedChange] = []) {
        self.rule = rule
        self.state = state
        self.drifted = drifted
        self.declined = declined
    }
}

/// Every rule of one target, read from the branch each rule syncs into.
package struct TargetInspection: Sendable {
    package var repository: String
    package var rules: [RuleInspection]

    package var drifted: [DriftedFile] { rules.flatMap(\.drifted) }
}

/// Drift: synced files whose SHA-256 no longer matches the sync state committed with them.
/// Reads only through the `Forge` protocol, so it runs the same against GitHub or the local forge.
package struct DriftDetector: Sendable {
    package var forge: any Forge
    package var layout: SyncLayout

    package init(forge: any Forge, layout: SyncLayout) {
        self.forge = forge
        self.layout = layout
    }

    /// Reads up front, for every repository, what `inspect` and the drift issue need (the default
    /// branch, the states, the blob ids of the files they list, the team's declined list, the open
    /// drift issues), and the
    /// recent sync pull requests the registry shows, where the forge can read many repositories
    /// per request.
    package func prefetch(_ repositories: [String]) async -> FleetPrefetch {
        await forge.prefetch(repositories, FleetRead(stateFolder: layout.stateFolder, issueLabel: layout.driftLabel, syncedPaths: { data in
            (try? SyncState.decode(data, path: "state")).map { Array($0.files.keys) } ?? []
        }, pullRequests: FleetRead.PullRequests(label: layout.syncLabel, headPrefix: layout.branchPrefix), files: [layout.declinedFile]))
    }

    /// Inspects every rule of `repository`, however its name is spelled (rules naming another
    /// repository are ignored).
    package func inspect(repository: String, rules: [SyncRule]) async throws -> TargetInspection {
        let info = try await forge.repository(repository)
        var heads: [String: (commit: String, declined: DeclinedFiles?)] = [:]
        var inspections: [RuleInspection] = []
        for rule in rules where rule.targetRepository.lowercased() == repository.lowercased() {
            let branch = rule.targetBranch ?? info.defaultBranch
            if heads[branch] == nil {
                guard let head = try await forge.head(repository, branch: branch) else {
                    throw ForgeError("the branch '\(branch)' of rule \(rule.id) does not exist in \(repository); fix target_branch in \(rule.location)")
                }
                heads[branch] = (head.id, try await declinedFiles(repository, at: head.id))
            }
            let (commit, declined) = heads[branch]!
            inspections.append(try await inspect(repository: repository, rule: rule, at: commit, declined: declined))
        }
        return TargetInspection(repository: repository, rules: inspections)
    }

    /// The team's declined changes at `commit`; a file that does not read is an error naming its line.
    private func declinedFiles(_ repository: String, at commit: String) async throws -> DeclinedFiles? {
        let path = layout.declinedFile
        guard let data = try await forge.files(repository, at: commit, paths: [path])[path] else { return nil }
        return try DeclinedFiles.parse(TextContent.decode(data) ?? "\u{FFFD}", file: "\(repository):\(path)")
    }

    private func inspect(repository: String, rule: SyncRule, at commit: String, declined: DeclinedFiles?) async throws -> RuleInspection {
        let statePath = layout.stateFile(rule: rule.id)
        guard let data = try await forge.files(repository, at: commit, paths: [statePath])[statePath] else {
            return RuleInspection(rule: rule, state: nil, drifted: [])
        }
        let state = try SyncState.decode(data, path: "\(repository):\(statePath)")
        let paths = state.files.keys.sorted()
        // A file whose blob id is the one the state recorded holds the bytes the sync wrote: only
        // the others are read and hashed.
        let blobIDs = try await forge.blobIDs(repository, at: commit, paths: paths)
        let unsure = paths.filter { path in blobIDs[path] != nil && blobIDs[path] != state.files[path]?.gitBlob }
        let current = unsure.isEmpty ? [:] : try await forge.files(repository, at: commit, paths: unsure)
        var drifted: [DriftedFile] = []
        var declinedHere: [DeclinedChange] = []
        for path in paths {
            let recorded = state.files[path]!
            if let entry = declined?.entry(for: path) {
                declinedHere.append(DeclinedChange(path: path, reason: entry.reason, upstreamSHA256: entry.upstreamSHA256))
                continue
            }
            let change: DriftedFile.Change
            if blobIDs[path] == nil {
                change = .deleted
            } else if blobIDs[path] == recorded.gitBlob {
                continue
            } else if let content = current[path] {
                guard Checksum.sha256Hex(content) != recorded.sha256 else { continue }
                change = .modified
            } else {
                change = .deleted
            }
            drifted.append(DriftedFile(path: path, ruleID: rule.id, change: change, version: recorded.version,
                                       syncedBlob: recorded.gitBlob, overridePath: Self.overridePath(of: path, rule: rule, layout: layout)))
        }
        return RuleInspection(rule: rule, state: state, drifted: drifted, declined: declinedHere)
    }

    /// The override that keeps an edit of `destination`: the rule's placement run backwards
    /// (target_path + relative path → the source glob's static prefix + relative path).
    static func overridePath(of destination: String, rule: SyncRule, layout: SyncLayout) -> String? {
        guard destination.hasPrefix(rule.targetPath) else { return nil }
        return layout.override(forSource: rule.source.staticPrefix + destination.dropFirst(rule.targetPath.count))
    }
}
