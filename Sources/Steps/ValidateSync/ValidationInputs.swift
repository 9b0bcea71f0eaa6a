import ActionsRuntime
import Diagnostics
import Foundation
import SyncCore
import SyncKit

/// Loading what validate-sync needs: the plan, the settings, the scanner, the upstream sources.
enum ValidationInputs {
    /// The plan artifact at `url`, read and checked (`PlanArtifact.read`); a refusal is a
    /// configuration error that says what to do.
    static func loadPlan(_ url: URL) throws -> (PlanArtifact, Plan) {
        let artifact = PlanArtifact(planFile: url)
        return (artifact, try artifact.read())
    }

    static func loadSettings(_ session: StepSession) throws -> SyncSettings {
        guard let path = try session.inputs(ValidateSyncStep.Input.settings) else { return SyncSettings() }
        let url = try RepositoryInputs.url(path, input: ValidateSyncStep.Input.settings.name, root: session.context.workingDirectory)
        guard FileManager.default.fileExists(atPath: url.path) else { return SyncSettings() }
        return try SyncSettings.parse(try ConfigFile.read(url, shownAs: path), file: path)
    }

    static func scanner(_ session: StepSession, settings: SyncSettings) throws -> SecretScanner {
        var allowlist = SecretAllowlist.empty
        if let path = try session.inputs(ValidateSyncStep.Input.allowlist) {
            let url = try RepositoryInputs.url(path, input: ValidateSyncStep.Input.allowlist.name, root: session.context.workingDirectory)
            if FileManager.default.fileExists(atPath: url.path) {
                allowlist = try SecretAllowlist(yaml: try ConfigFile.read(url, shownAs: path), file: path)
            }
        }
        let internalGlobs = settings.internalGlobs
        var configuration = SecretScanConfiguration(
            internalMarkers: SecretScanConfiguration.defaultInternalMarkers + settings.internalMarkers,
            internalHostSuffixes: settings.internalHosts,
            isInternalPath: { path in internalGlobs.contains { $0.matches(path) } }
        )
        // Every secret the project knows, exactly: none may ride into a target in synced content.
        configuration.knownSecretValues = session.secretValues
        do {
            return try SecretScanner(rules: try SecretRuleSet.builtIn(), configuration: configuration, allowlist: allowlist)
        } catch {
            throw Diagnostic.configuration("The secret-scan rules cannot be loaded: \(error)")
        }
    }

    /// Upstream texts the plan was made from (at its commit when the checkout is a git repository),
    /// plus the schema files the rules map to.
    static func sources(_ plan: Plan, session: StepSession) -> [String: Data] {
        var wanted = Set<String>()
        for rule in plan.targets.flatMap(\.rules) {
            wanted.formUnion(rule.files.map(\.source))
            wanted.formUnion(rule.schemas.values)
        }
        let repository = GitRepository(session.context.workingDirectory, environment: session.context.gitEnvironment)
        let tree: SourceTree?
        if let commit = plan.sourceCommit, repository.isRepository {
            tree = try? SourceTree.git(repository, ref: commit)
        } else {
            tree = try? SourceTree.workingTree(session.context.workingDirectory)
        }
        guard let tree else { return [:] }
        return (try? tree.read(wanted.sorted().filter { tree.paths.contains($0) }).contents) ?? [:]
    }
}
