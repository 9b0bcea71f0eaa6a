import Diagnostics
import SyncCore
/// Settings shared by every rule: names, templates and thresholds, with defaults in one place.
package struct SyncSettings: Sendable, Equatable {
    /// `agent33`: `.agent33-overrides/`, `.agent33-sync-state/`, label `agent33-sync`.
    package var namespace: String = "agent33"
    /// Branch of a sync PR; `{namespace}`, `{version}` (without a leading v) and `{rule-id}` are replaced.
    package var branchTemplate: String = "{namespace}-sync/v{version}/{rule-id}"
    /// The upstream source root: overrides are keyed by paths relative to it.
    package var sourceRoot: String = "core/"
    /// Upstream paths that are internal-only: links to them are stripped, content is flagged.
    package var internalGlobs: [Glob] = []
    /// Staleness thresholds (the spec's monitoring table).
    package var staleOnReleaseDays: Int = 14
    package var staleOnChangeDays: Int = 7
    package var releasesBehindAllowed: Int = 1
    package var consecutiveFailuresAllowed: Int = 2
    /// Extra text that marks internal-only content, and internal host-name suffixes, for the secret scan.
    package var internalMarkers: [String] = []
    package var internalHosts: [String] = []
    /// The rule each repository listed in `sync_targets.yml` gets when it has no rule of its own.
    package var defaultRule = DefaultRule()

    package struct DefaultRule: Sendable, Equatable {
        package var source = "core/**/*.md"
        package var targetPath = "docs/agent33/"
        package var strategy = SyncStrategy.copy
        package var frequency = SyncFrequency.onRelease
    }

    package init() {}

    /// Folders, labels and branch prefix of the namespace in downstream repositories.
    package var layout: SyncLayout { SyncLayout(namespace: namespace, sourceRoot: sourceRoot) }
    package var versionKey: String { "\(namespace)_version" }

    /// The sync branch for a rule at a version (`v2.4.0` and `2.4.0` give the same branch).
    package func branch(version: String, ruleID: String) -> String {
        let bare = version.hasPrefix("v") ? String(version.dropFirst()) : version
        return branchTemplate
            .replacingOccurrences(of: "{namespace}", with: namespace)
            .replacingOccurrences(of: "{version}", with: bare)
            .replacingOccurrences(of: "{rule-id}", with: ruleID)
    }
}

extension SyncSettings {
    /// Why `namespace` cannot name the folders, labels and branches, or nil when it can.
    package static func namespaceProblem(_ namespace: String) -> String? {
        guard namespace.count <= 39 else {
            return "it is \(namespace.count) characters long; the limit is 39 (it names folders, labels and branches, and GitHub limits label names)"
        }
        guard namespace.range(of: #"^[a-z0-9][a-z0-9-]{0,38}\z"#, options: .regularExpression) != nil else {
            return "it must be lower-case letters, digits and hyphens, starting with a letter or digit (it names folders, labels and branches)"
        }
        return nil
    }

    static let keys = ["namespace", "branch_template", "source_root", "internal", "secret_scan", "staleness", "default_rule"]

    /// Parses `settings.yml`; every key is optional.
    package static func parse(_ text: String, file: String) throws(Diagnostic) -> SyncSettings {
        var settings = SyncSettings()
        guard let root = try ConfigNode.parse(text, file: file) else { return settings }
        let fields = try root.mapping(allowed: keys)
        if let node = fields["namespace"] {
            let value = try node.string()
            if let problem = namespaceProblem(value) { throw node.error("namespace '\(value.prefix(60))': \(problem).") }
            settings.namespace = value
        }
        if let node = fields["branch_template"] {
            let value = try node.string()
            guard value.contains("{rule-id}") else {
                throw node.error("branch_template must contain {rule-id}, or two rules would share a branch.")
            }
            settings.branchTemplate = value
            let sample = settings.branch(version: "1.2.3", ruleID: "rule-id")
            if let problem = GitRefName.problem(sample) ?? GitRefName.syncBranchProblem(sample, base: nil) {
                throw node.error("branch_template '\(value)' does not make a valid git branch name ('\(sample)': \(problem)).")
            }
        }
        if let node = fields["source_root"] {
            var value = try node.string()
            if !value.isEmpty && !value.hasSuffix("/") { value += "/" }
            try RulePaths.validateRelative(value, node: node, what: "source_root")
            settings.sourceRoot = value
        }
        if let node = fields["internal"] {
            settings.internalGlobs = try node.stringList().enumerated().map { index, pattern throws(Diagnostic) in
                try RulePaths.glob(pattern, node: node, what: "internal[\(index)]")
            }
        }
        if let node = fields["secret_scan"] {
            let scan = try node.mapping(allowed: ["internal_markers", "internal_hosts"])
            settings.internalMarkers = try scan["internal_markers"]?.stringList() ?? []
            settings.internalHosts = try scan["internal_hosts"]?.stringList() ?? []
        }
        if let node = fields["staleness"] {
            let staleness = try node.mapping(allowed: ["on_release_days", "on_change_days", "releases_behind", "consecutive_failures"])
            func threshold(_ key: String, minimum: Int, default value: Int) throws(Diagnostic) -> Int {
                guard let node = staleness[key] else { return value }
                let number = try node.int()
                guard number >= minimum else {
                    throw node.error("staleness.\(key) is \(number); it must be \(minimum) or more.")
                }
                return number
            }
            settings.staleOnReleaseDays = try threshold("on_release_days", minimum: 1, default: settings.staleOnReleaseDays)
            settings.staleOnChangeDays = try threshold("on_change_days", minimum: 1, default: settings.staleOnChangeDays)
            settings.releasesBehindAllowed = try threshold("releases_behind", minimum: 0, default: settings.releasesBehindAllowed)
            settings.consecutiveFailuresAllowed = try threshold("consecutive_failures", minimum: 0, default: settings.consecutiveFailuresAllowed)
        }
        if let node = fields["default_rule"] {
            let rule = try node.mapping(allowed: ["source", "target_path", "strategy", "frequency"])
            if let source = rule["source"] {
                let pattern = try source.string()
                _ = try RulePaths.glob(pattern, node: source, what: "default_rule.source")
                settings.defaultRule.source = pattern
            }
            if let target = rule["target_path"] { settings.defaultRule.targetPath = try RulePaths.targetFolder(try target.string(), node: target) }
            if let strategy = rule["strategy"] { settings.defaultRule.strategy = try RuleDecoding.choice(strategy, SyncStrategy.self, what: "strategy") }
            if let frequency = rule["frequency"] { settings.defaultRule.frequency = try RuleDecoding.choice(frequency, SyncFrequency.self, what: "frequency") }
        }
        return settings
    }
}
