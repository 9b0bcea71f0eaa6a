/// Everything a plan depends on, gathered by the caller; planning itself reads nothing else.
package struct PlanRequest: Sendable {
    package var rules: RuleSet
    package var source: SourceTree
    package var trigger: SyncTrigger
    package var mode: SyncMode
    /// Only these targets (nil: every target).
    package var targets: Set<String>?
    /// Only these rules (nil: every rule the trigger selects).
    package var ruleFilter: Set<String>?
    package var force: Bool
    /// The release version (`v2.4.0`) and the ref content is read from.
    package var version: String
    package var tag: String
    package var releaseDate: String
    package var sourceRepository: String
    package var serverURL: String
    /// Last recorded sync state per target repository (empty when unknown).
    package var states: [String: TargetState]

    /// A target's recorded state; repository names compare without regard to case, as on GitHub.
    package func state(of repository: String) -> TargetState? {
        if let state = states[repository] { return state }
        let lowered = repository.lowercased()
        return states.first { $0.key.lowercased() == lowered }?.value
    }
    /// For delta mode: paths changed since the previous release (nil: no previous release).
    package var changedSincePreviousRelease: Set<String>?
    package var createdAt: String
    package var releaseNotes: String?

    package init(
        rules: RuleSet, source: SourceTree, trigger: SyncTrigger, mode: SyncMode, targets: Set<String>? = nil,
        ruleFilter: Set<String>? = nil, force: Bool = false, version: String, tag: String, releaseDate: String,
        sourceRepository: String, serverURL: String = "https://github.com", states: [String: TargetState] = [:],
        changedSincePreviousRelease: Set<String>? = nil, createdAt: String, releaseNotes: String? = nil
    ) {
        self.releaseNotes = releaseNotes
        self.rules = rules
        self.source = source
        self.trigger = trigger
        self.mode = mode
        self.targets = targets
        self.ruleFilter = ruleFilter
        self.force = force
        self.version = version
        self.tag = tag
        self.releaseDate = releaseDate
        self.sourceRepository = sourceRepository
        self.serverURL = serverURL
        self.states = states
        self.changedSincePreviousRelease = changedSincePreviousRelease
        self.createdAt = createdAt
    }
}
