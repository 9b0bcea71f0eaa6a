import Foundation
import SyncCore
import SyncKit

/// A registry row's status, worst first.
package enum RegistryStatus: String, Sendable, CaseIterable {
    /// More consecutive failed syncs than allowed.
    case failing = "Failing"
    /// Synced files were changed outside the overrides folder.
    case drifted = "Drifted"
    /// Past a staleness threshold: too long since the last sync, or too many releases behind.
    case stale = "Stale"
    /// The rule has no sync state in its target yet.
    case neverSynced = "Never synced"
    /// At least one release behind, within the thresholds.
    case behind = "Behind"
    case current = "Current"
}

/// The spec's monitoring thresholds (settings' `staleness:`).
package struct MonitoringThresholds: Sendable, Equatable {
    package var onReleaseDays: Int
    package var onChangeDays: Int
    package var releasesBehind: Int
    package var consecutiveFailures: Int

    package init(settings: SyncSettings) {
        onReleaseDays = settings.staleOnReleaseDays
        onChangeDays = settings.staleOnChangeDays
        releasesBehind = settings.releasesBehindAllowed
        consecutiveFailures = settings.consecutiveFailuresAllowed
    }

    /// Most days between syncs for a frequency; manual rules have no limit.
    package func maximumAge(_ frequency: SyncFrequency) -> Int? {
        switch frequency {
        case .onRelease: onReleaseDays
        case .onChange: onChangeDays
        case .manual: nil
        }
    }
}

/// One rule's standing in its target: the registry row and the alerts it raises.
package struct RuleHealth: Sendable {
    package var repository: String
    package var rule: SyncRule
    package var lastSync: String?
    package var version: String?
    package var daysSinceSync: Int?
    /// Upstream releases newer than the recorded version, oldest first.
    package var missedReleases: [String]
    package var failures: FailureHistory.Streak
    package var drifted: [DriftedFile]
    package var status: RegistryStatus
    package var alerts: [SyncAlert]
    /// The rule's newest sync pull request in the target (state and age), set by detect-drift.
    package var pullRequest: SyncPullRequestStanding = .unknown
    /// Synced files the team declined (`declined.yml`): not drift, listed in the registry.
    package var declined: [DeclinedChange] = []
}

/// Works out each rule's health at a fixed time against the upstream's release tags.
package struct HealthEvaluator: Sendable {
    package var thresholds: MonitoringThresholds
    package var now: Date
    /// Upstream version tags (releases only, pre-releases are ignored), any order.
    package var releaseTags: [String]
    package var overridesFolder: String

    package init(thresholds: MonitoringThresholds, now: Date, releaseTags: [String], overridesFolder: String) {
        self.thresholds = thresholds
        self.now = now
        self.releaseTags = releaseTags
        self.overridesFolder = overridesFolder
    }

    package func evaluate(_ inspection: RuleInspection, repository: String, failures: FailureHistory.Streak, driftIssueURL: String?) -> RuleHealth {
        let rule = inspection.rule
        let detectedAt = ISO8601DateFormatter().string(from: now)
        var alerts: [SyncAlert] = []
        func alert(_ kind: SyncAlert.Kind, _ details: String, _ action: String) {
            alerts.append(SyncAlert(kind: kind, ruleID: rule.id, targetRepository: repository, detectedAt: detectedAt, details: details, actionRequired: action))
        }
        let state = inspection.state
        let syncedAt = state.flatMap { ISO8601DateFormatter().date(from: $0.syncedAt) }
        let days = syncedAt.map { Int(now.timeIntervalSince($0) / 86_400) }
        let missed = state.map { missedReleases(since: $0.version) } ?? []
        var stale = false

        if failures.count > thresholds.consecutiveFailures {
            alert(.failure, "\(failures.count) consecutive failed sync attempts" + (failures.lastMessage.map { "; last: \($0)" } ?? ""),
                  "Escalate to the orchestrator and the owner of \(repository): review the failed run" + (failures.lastRun.map { " \($0.url)" } ?? "s") + ", fix the cause and trigger a manual re-sync of \(rule.id)")
        }
        if !inspection.drifted.isEmpty {
            let files = inspection.drifted.map { "\($0.path) (\($0.change.rawValue))" }.joined(separator: ", ")
            alert(.drift, "\(inspection.drifted.count) synced file\(inspection.drifted.count == 1 ? "" : "s") changed outside \(overridesFolder): \(files)",
                  "Move the edits into \(overridesFolder) or restore the synced content, then re-sync" + (driftIssueURL.map { "; see \($0)" } ?? ""))
        }
        if state == nil {
            alert(.staleness, "no sync state in \(repository): the rule was never synced, or its state file was removed",
                  "Run an initial sync of \(rule.id) (workflow_dispatch with rules: \(rule.id))")
        }
        if let days, let limit = thresholds.maximumAge(rule.frequency), days > limit {
            stale = true
            alert(.staleness, "last synced \(days) days ago (\(state!.syncedAt.prefix(10))); \(rule.frequency.rawValue) rules must sync at least every \(limit) days",
                  "Notify the orchestrator: trigger a manual sync of \(rule.id) or find why its syncs stopped")
        }
        if missed.count > thresholds.releasesBehind {
            stale = true
            alert(.staleness, "synced version \(state!.version) is \(missed.count) releases behind \(missed.last!) (missed: \(missed.joined(separator: ", ")))",
                  "Escalate to the owner of \(repository): merge the pending sync pull request of \(rule.id) or re-sync it to \(missed.last!)")
        }

        let status = Self.status(failing: failures.count > thresholds.consecutiveFailures, drifted: !inspection.drifted.isEmpty,
                                 stale: stale, synced: state != nil, behind: !missed.isEmpty)
        var health = RuleHealth(repository: repository, rule: rule, lastSync: state.map { String($0.syncedAt.prefix(10)) }, version: state?.version,
                                daysSinceSync: days, missedReleases: missed, failures: failures, drifted: inspection.drifted, status: status, alerts: alerts)
        health.declined = inspection.declined
        return health
    }

    /// The worst condition names the row.
    static func status(failing: Bool, drifted: Bool, stale: Bool, synced: Bool, behind: Bool) -> RegistryStatus {
        if failing { return .failing }
        if drifted { return .drifted }
        if stale { return .stale }
        if !synced { return .neverSynced }
        return behind ? .behind : .current
    }

    /// Release tags newer than `version` (a build suffix such as `+abc123` is ignored), oldest first.
    package func missedReleases(since version: String) -> [String] {
        guard let recorded = SemanticVersion(version) else { return [] }
        return releaseTags.compactMap { tag in SemanticVersion(tag).map { (tag, $0) } }
            .filter { $0.1.prerelease.isEmpty && $0.1 > recorded }
            .sorted { $0.1 < $1.1 }
            .map(\.0)
    }
}
