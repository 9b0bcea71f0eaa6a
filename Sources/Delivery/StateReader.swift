import Diagnostics
import Forge
import Foundation
import SyncCore
import SyncKit

/// Reads the sync state every rule left in a target, for planning (incremental mode, orphans)
/// and drift detection.
package struct StateReader: Sendable {
    package let forge: any Forge
    package let layout: SyncLayout

    package init(forge: any Forge, layout: SyncLayout) {
        self.forge = forge
        self.layout = layout
    }

    /// Every rule's state in the repository's default branch (or `branch`), by rule id.
    package func states(of repository: String, branch: String? = nil) async throws -> (defaultBranch: String, commit: String?, states: [String: SyncState]) {
        let info = try await forge.repository(repository)
        let branch = branch ?? info.defaultBranch
        guard let head = try await forge.head(repository, branch: branch) else { return (info.defaultBranch, nil, [:]) }
        let paths = try await forge.folderFiles(repository, at: head.id, in: layout.stateFolder).filter { $0.hasSuffix(".json") }
        var states: [String: SyncState] = [:]
        for (path, data) in try await forge.files(repository, at: head.id, paths: paths) {
            let state = try SyncState.decode(data, path: "\(repository):\(path)")
            try check(state, path: path, repository: repository)
            states[state.rule] = state
        }
        return (info.defaultBranch, head.id, states)
    }

    /// A state must be the one of the rule its file is named after, and list only paths a rule may
    /// write; anything else was edited or forged in the target, and is refused with the file and
    /// entry named (planning checks each entry against its rule's folder).
    private func check(_ state: SyncState, path: String, repository: String) throws {
        guard path.lowercased() == layout.stateFile(rule: state.rule).lowercased() else {
            throw Diagnostic.configuration(file: "\(repository):\(path)", message: "the sync state says it belongs to rule '\(state.rule)', whose state file is \(layout.stateFile(rule: state.rule)); it was renamed, edited or forged. Restore it from the last sync commit.")
        }
        if let problem = state.entryProblem(layout: layout) {
            throw Diagnostic.configuration(file: "\(repository):\(path)", message: "the sync state \(problem); it was edited or forged. Restore it from the last sync commit.")
        }
    }

    /// Reads the state of many targets up front where the forge can (GitHub: many repositories per
    /// GraphQL query), so `states(of:)` after it costs no request for them.
    package func prefetch(_ repositories: [String]) async -> FleetPrefetch {
        await forge.prefetch(repositories, FleetRead(stateFolder: layout.stateFolder))
    }

    /// The planner's view: per file, the upstream checksum recorded and the rule that wrote it.
    package func targetState(of repository: String) async throws -> TargetState {
        let (defaultBranch, _, states) = try await states(of: repository)
        var target = TargetState(version: nil, defaultBranch: defaultBranch)
        for state in states.values {
            for (path, file) in state.files { target.files[path] = .init(sha256: file.upstreamSHA256, rule: file.rule) }
            if target.version.flatMap(SemanticVersion.init).map({ current in SemanticVersion(state.version).map { current < $0 } ?? false }) ?? true {
                target.version = state.version
            }
        }
        return target
    }
}
