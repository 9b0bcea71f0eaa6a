import ActionsRuntime
import Diagnostics
import Foundation
import SyncCore
import SyncKit

/// detect-drift's inputs read from files: the rules (as plan-sync reads them), earlier results,
/// and the upstream's release tags.
enum MonitoringInputs {
    static func loadRules(_ session: StepSession) throws -> RuleSet {
        try RuleInputs.load(
            session, rulesDirectory: DetectDriftStep.Input.rulesDir, targetsFile: DetectDriftStep.Input.targetsFile,
            settings: DetectDriftStep.Input.settings
        )
    }

    /// Every `*.json` of the history folder, in name order (oldest first).
    static func loadHistory(_ session: StepSession) throws -> [SyncResults] {
        guard let path = try session.inputs(DetectDriftStep.Input.history) else { return [] }
        let folder = session.context.url(forPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Diagnostic.configuration("history folder \(path) does not exist: pass a folder of earlier results JSON files, or leave history empty.")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        return try names.map { name in
            try SyncResults.load(folder.appendingPathComponent(name), shownAs: path.hasSuffix("/") ? path + name : path + "/" + name)
        }
    }

    /// Version tags of the upstream checkout in the working directory; none (with a warning)
    /// when it is not a git repository.
    static func releaseTags(_ session: StepSession) -> [String] {
        let repository = GitRepository(session.context.workingDirectory, environment: session.context.gitEnvironment)
        guard repository.isRepository, let tags = try? repository.versionTags() else {
            session.emit(Diagnostic(.warning, "The working directory is not a git checkout with tags: releases missed are not counted. Check out the upstream with fetch-depth: 0."))
            return []
        }
        return tags
    }
}
