import Diagnostics
import Foundation
import SyncCore

/// What a target recorded at a rule's last sync, committed with the synced files in
/// `.<namespace>-sync-state/<rule-id>.json` (one file per rule, so two rules' pull requests never
/// touch the same state file).
package struct SyncState: Sendable, Codable, Equatable {
    package static let currentFormat = "flash-sync-state/1"

    package struct File: Sendable, Codable, Equatable {
        /// SHA-256 of the content written (after merging overrides): drift is a difference from it.
        package var sha256: String
        /// SHA-256 of the upstream rendering: incremental planning compares against it.
        package var upstreamSHA256: String
        /// Git object id of the written content, to recover the merge base from the target's history.
        package var gitBlob: String
        package var rule: String
        package var version: String
        package var sourceCommit: String?
        package var syncedAt: String

        enum CodingKeys: String, CodingKey {
            case sha256, rule, version
            case upstreamSHA256 = "upstream_sha256"
            case gitBlob = "git_blob"
            case sourceCommit = "source_commit"
            case syncedAt = "synced_at"
        }

        package init(sha256: String, upstreamSHA256: String, gitBlob: String, rule: String, version: String, sourceCommit: String?, syncedAt: String) {
            self.sha256 = sha256
            self.upstreamSHA256 = upstreamSHA256
            self.gitBlob = gitBlob
            self.rule = rule
            self.version = version
            self.sourceCommit = sourceCommit
            self.syncedAt = syncedAt
        }
    }

    package var format = SyncState.currentFormat
    package var rule: String
    package var version: String
    package var sourceRepository: String
    package var sourceCommit: String?
    package var syncedAt: String
    package var files: [String: File]

    enum CodingKeys: String, CodingKey {
        case format, rule, version, files
        case sourceRepository = "source_repository"
        case sourceCommit = "source_commit"
        case syncedAt = "synced_at"
    }

    package init(rule: String, version: String, sourceRepository: String, sourceCommit: String?, syncedAt: String, files: [String: File]) {
        self.rule = rule
        self.version = version
        self.sourceRepository = sourceRepository
        self.sourceCommit = sourceCommit
        self.syncedAt = syncedAt
        self.files = files
    }

    package func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }

    package static func decode(_ data: Data, path: String) throws -> SyncState {
        do {
            return try JSONDecoder().decode(SyncState.self, from: data)
        } catch {
            throw Diagnostic.configuration(file: path, message: "the sync state cannot be read (\(error)). Restore it from the last sync commit, or delete it to re-sync every file.")
        }
    }

    /// What is wrong with the entries of a state read from a target (where anyone with write
    /// access can edit it): an entry written by another rule, or one no rule may write. Said as
    /// "lists …" for the caller to prefix with the state file; nil when every entry is sound.
    package func entryProblem(layout: SyncLayout) -> String? {
        for (entry, file) in files.sorted(by: { $0.key < $1.key }) {
            if file.rule != rule { return "lists \(entry.debugDescription) as written by rule '\(file.rule)', not '\(rule)'" }
            if let problem = layout.destinationProblem(entry, targetFolder: "") { return "lists \(entry.debugDescription), but \(problem)" }
        }
        return nil
    }
}

/// Where a namespace keeps its state, snapshots and overrides in a downstream repository.
package struct SyncLayout: Sendable, Equatable {
    package var namespace: String
    package var sourceRoot: String

    package init(namespace: String, sourceRoot: String) {
        self.namespace = namespace
        self.sourceRoot = sourceRoot
    }

    package var stateFolder: String { ".\(namespace)-sync-state/" }
    package var overridesFolder: String { ".\(namespace)-overrides/" }
    /// The team's list of declined upstream changes ([DeclinedFiles]).
    package var declinedFile: String { overridesFolder + "declined.yml" }
    package var decisionsFile: String { "DECISIONS.md" }
    package var syncLabel: String { "\(namespace)-sync" }
    package var conflictLabel: String { "\(namespace)-conflict" }
    package var driftLabel: String { "\(namespace)-drift" }
    package var branchPrefix: String { "\(namespace)-sync/" }

    package func stateFile(rule: String) -> String { stateFolder + rule + ".json" }

    /// The folders only flash-sync's own writers fill (the state and its base snapshots, and the
    /// teams' overrides): no rule writes into them.
    package var reservedFolders: [String] { [stateFolder, overridesFolder] }

    /// The reserved folder (or the decision log) that `path` falls in, compared without regard to
    /// letter case; nil when a rule may write it.
    package func reservedPlace(of path: RepositoryPath) -> String? {
        if let folder = reservedFolders.first(where: { path.isInside(folder: $0) }) { return folder }
        return path.value.lowercased() == decisionsFile.lowercased() ? decisionsFile : nil
    }

    /// Why a rule may not write `destination` inside `targetFolder`, or nil when it may: the
    /// check every destination passes where it enters (plan, plan artifact, sync state).
    package func destinationProblem(_ destination: String, targetFolder: String) -> String? {
        let path: RepositoryPath
        do {
            path = try RepositoryPath(destination)
        } catch {
            return error.description
        }
        if let place = reservedPlace(of: path) {
            return place == overridesFolder
                ? "it is inside \(place), where the downstream team keeps its overrides: no rule writes there"
                : "it is inside \(place), which only flash-sync's own state writer may write"
        }
        if !targetFolder.isEmpty, !path.value.hasPrefix(targetFolder) { return "it is outside the rule's target_path '\(targetFolder)'" }
        return nil
    }

    /// The base snapshot of a synced file that has an override.
    package func snapshot(of destination: String) -> String { stateFolder + "base/" + destination }

    /// `.agent33-overrides/<source path relative to the source root>`; files outside the source
    /// root keep their repository path.
    package func override(forSource source: String) -> String {
        let relative = source.hasPrefix(sourceRoot) ? String(source.dropFirst(sourceRoot.count)) : source
        return overridesFolder + relative
    }
}
