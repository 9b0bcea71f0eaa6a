import Diagnostics
import Foundation
import SyncCore

/// What the event says about this run: the trigger, the version, and where content is read from
/// (the release tag for releases and schedules; the checked-out tree for pushes and manual runs).
package struct PlanRunContext {
    /// What a run is resolved from: the runner's environment (the event name and payload, the
    /// repository), the checkout, and the inputs that override what the event says.
    package struct Inputs {
        package var environment: [String: String]
        package var workingDirectory: URL
        package var gitEnvironment: GitEnvironment
        /// The `source-repo` input; nil: `GITHUB_REPOSITORY`.
        package var sourceRepository: String?
        /// The `version` input; nil: from the event or the tags.
        package var version: String?
        /// Today as `YYYY-MM-DD`, the release date of a push or manual run.
        package var today: String

        package init(environment: [String: String], workingDirectory: URL, gitEnvironment: GitEnvironment, sourceRepository: String?, version: String?, today: String) {
            self.environment = environment
            self.workingDirectory = workingDirectory
            self.gitEnvironment = gitEnvironment
            self.sourceRepository = sourceRepository
            self.version = version
            self.today = today
        }
    }

    package var event: ActionsEvent
    package var source: SourceTree
    package var version: String
    package var tag: String
    package var releaseDate: String
    package var sourceRepository: String
    package var repository: GitRepository?
    package var changedPaths: [String]
    package var ignoredBecause: String?

    /// The release body, when the event is a release.
    package var releaseNotes: String? {
        if case .release(let release) = event, let body = release.release.body, !body.isEmpty { return body }
        return nil
    }

    package var isManual: Bool {
        if case .workflowDispatch = event { return true }
        if case .other = event { return true }
        return false
    }

    package func trigger(ruleIDs: [String]) -> SyncTrigger {
        if let ignoredBecause { return .ignored(reason: ignoredBecause) }
        switch event {
        case .release: return .release(tag: tag)
        case .push: return .change(paths: changedPaths)
        case .pullRequest: return .ignored(reason: "a pull request is previewed (preview-sync), never synced")
        case .schedule: return .schedule
        case .workflowDispatch, .other: return .manual(rules: ruleIDs)
        }
    }

    /// Paths changed between the previous version tag and this one (nil when there is none).
    package func changedSincePreviousRelease() throws -> Set<String>? {
        guard let repository else {
            throw Diagnostic.configuration("mode delta compares release tags, but \(repository?.directory.path ?? "the working directory") is not a git repository.")
        }
        let tags = try repository.versionTags()
        guard let current = SemanticVersion(tag) else { return nil }
        guard let previous = tags.last(where: { SemanticVersion($0).map { $0 < current } ?? false }) else { return nil }
        return Set(try repository.changedPaths(from: previous, to: tag))
    }

    /// The run's context, with its version and tag checked: both name branches, stamps and log
    /// lines, so each must be a valid tag name (no newline, no space, nothing git refuses).
    package static func resolve(_ inputs: Inputs) throws -> PlanRunContext {
        let run = try resolveUnchecked(inputs)
        for (what, value) in [("version", run.version), ("release tag", run.tag)] {
            if let problem = GitRefName.versionProblem(value) {
                throw Diagnostic.configuration("The \(what) \(value.debugDescription) cannot be used: \(problem). Use a tag name such as v1.2.3.")
            }
        }
        return run
    }

    private static func resolveUnchecked(_ inputs: Inputs) throws -> PlanRunContext {
        let environment = inputs.environment
        let event = try decodeEvent(environment)
        let git = GitRepository(inputs.workingDirectory, environment: inputs.gitEnvironment)
        let repository = git.isRepository ? git : nil
        let sourceRepository = inputs.sourceRepository ?? environment["GITHUB_REPOSITORY"] ?? "local/upstream"
        guard RepositoryNames.isValid(sourceRepository) else {
            throw Diagnostic.configuration("source-repo '\(sourceRepository)' is not a repository name (owner/name).")
        }
        let versionInput = inputs.version
        let tags = (try? repository?.versionTags()) ?? []

        switch event {
        case .release(let release):
            let tag = release.release.tagName
            let source = try tree(repository, ref: tag)
            return PlanRunContext(event: event, source: source, version: versionInput ?? tag, tag: tag,
                                  releaseDate: String((release.release.publishedAt ?? "").prefix(10)), sourceRepository: sourceRepository,
                                  repository: repository, changedPaths: [],
                                  ignoredBecause: release.isPublished ? nil : "release '\(release.action)': only published releases sync")
        case .schedule:
            guard let latest = tags.last else {
                throw Diagnostic.configuration("schedule runs catch up on releases, but the repository has no version tag. Check out with fetch-depth: 0.")
            }
            return PlanRunContext(event: event, source: try tree(repository, ref: latest), version: versionInput ?? latest, tag: latest,
                                  releaseDate: String(((try? repository?.commitDate(of: latest)) ?? "").prefix(10)),
                                  sourceRepository: sourceRepository, repository: repository, changedPaths: [])
        case .push(let push):
            var changed = push.changedPaths
            if changed.isEmpty, let repository, let before = push.before, let after = push.after, before.allSatisfy({ $0 == "0" }) == false {
                changed = (try? repository.changedPaths(from: before, to: after)) ?? []
            }
            let (version, tag) = checkedOutVersion(repository, tags: tags, input: versionInput)
            let defaultBranch = push.repository?.defaultBranch ?? environment["FLASH_SYNC_DEFAULT_BRANCH"] ?? "main"
            let ignored = push.branch == defaultBranch ? nil : "push to \(push.ref), not to the default branch \(defaultBranch)"
            return PlanRunContext(event: event, source: try workingTree(inputs.workingDirectory), version: version, tag: tag,
                                  releaseDate: inputs.today, sourceRepository: sourceRepository, repository: repository, changedPaths: changed,
                                  ignoredBecause: ignored)
        case .pullRequest(let pull):
            // The checkout is the pull request (GitHub checks out its merge with the base). It is
            // stamped as the latest release, so a preview shows what the pull request changes.
            var changed: [String] = []
            if let repository {
                changed = try repository.changedPaths(from: pull.pullRequest.base.sha, to: "HEAD")
            }
            let latest = versionInput ?? tags.last ?? "v0.0.0"
            return PlanRunContext(event: event, source: try workingTree(inputs.workingDirectory), version: latest, tag: latest,
                                  releaseDate: inputs.today, sourceRepository: sourceRepository, repository: repository, changedPaths: changed)
        case .workflowDispatch, .other:
            let (version, tag) = checkedOutVersion(repository, tags: tags, input: versionInput)
            return PlanRunContext(event: event, source: try workingTree(inputs.workingDirectory), version: version, tag: tag,
                                  releaseDate: inputs.today, sourceRepository: sourceRepository, repository: repository, changedPaths: [])
        }
    }

    private static func decodeEvent(_ environment: [String: String]) throws -> ActionsEvent {
        let name = environment["GITHUB_EVENT_NAME"] ?? ""
        guard !name.isEmpty else { return .other(name: "local") }
        var payload: Data?
        if let path = environment["GITHUB_EVENT_PATH"], !path.isEmpty {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw EventError.unreadable(path: path, reason: "no such file")
            }
            payload = data
        }
        return try ActionsEvent.decode(name: name, payload: payload)
    }

    /// The version of the checked-out commit: the input, the tag on HEAD, or the latest tag plus the short SHA.
    private static func checkedOutVersion(_ repository: GitRepository?, tags: [String], input: String?) -> (version: String, tag: String) {
        let head = repository?.commit(of: "HEAD")
        if let input { return (input, head ?? input) }
        if let head, let tagged = tags.last(where: { repository?.commit(of: $0) == head }) { return (tagged, tagged) }
        let short = head.map { String($0.prefix(7)) }
        let base = tags.last ?? "v0.0.0"
        return (short.map { "\(base)+\($0)" } ?? base, head ?? base)
    }

    private static func tree(_ repository: GitRepository?, ref: String) throws -> SourceTree {
        guard let repository else {
            throw Diagnostic.configuration("content is read from the tag \(ref), but the working directory is not a git repository.")
        }
        return try SourceTree.git(repository, ref: ref)
    }

    private static func workingTree(_ root: URL) throws -> SourceTree {
        try SourceTree.workingTree(root)
    }
}
