import SyncKit

/// A sync run's results sorted for people: what needs a human first, then what failed,
/// then what was delivered. Every channel renders this same digest.
package struct SyncDigest: Sendable {
    package let results: SyncResults
    package let sections: [DigestSection]
    package let unchangedCount: Int
    package let skippedCount: Int
    /// The events this run raised (a run can raise several).
    package let events: Set<NotificationEvent>

    package init(_ results: SyncResults) {
        self.results = results
        let targets = results.targets
        let failed = targets.filter { $0.status == .failed }
        // Conflicts and drift that an unchanged target still carries were reported when they were new:
        // a run that changed nothing stays quiet (idempotence, no notification spam).
        let conflicts = targets.filter { $0.status == .conflict || ($0.isDelivery && !$0.conflicts.isEmpty) }
        let delivered = targets.filter { $0.isDelivery && $0.conflicts.isEmpty }
        let blocked = Self.blockedItems(results)
        let drift = Self.driftReports(results)
        unchangedCount = targets.filter { $0.status == .unchanged }.count
        skippedCount = targets.filter { $0.status == .skipped }.count

        var sections: [DigestSection] = []
        if !failed.isEmpty { sections.append(DigestSection(kind: .failed, items: failed.map(DigestItem.failure))) }
        if !conflicts.isEmpty { sections.append(DigestSection(kind: .conflicts, items: conflicts.map(DigestItem.conflict))) }
        if !blocked.isEmpty { sections.append(DigestSection(kind: .blocked, items: blocked)) }
        if !drift.isEmpty { sections.append(DigestSection(kind: .drift, items: drift.map(DigestItem.drift))) }
        if !delivered.isEmpty { sections.append(DigestSection(kind: .delivered, items: delivered.map(DigestItem.delivery))) }
        let skipped = targets.filter { $0.status == .skipped && $0.message != nil }
        if !skipped.isEmpty, !failed.isEmpty || !blocked.isEmpty {
            sections.append(DigestSection(kind: .skipped, items: skipped.map(DigestItem.failure)))
        }
        self.sections = sections

        var events: Set<NotificationEvent> = []
        if !failed.isEmpty || !blocked.isEmpty { events.insert(.failure) }
        if !conflicts.isEmpty { events.insert(.conflict) }
        if !drift.isEmpty { events.insert(.drift) }
        if !delivered.isEmpty { events.insert(.success) }
        self.events = events
    }

    /// True when nothing happened: every target unchanged or skipped, nothing blocked, no drift.
    package var isQuiet: Bool { events.isEmpty }

    package func section(_ kind: DigestSection.Kind) -> DigestSection? {
        sections.first { $0.kind == kind }
    }

    package var needsHuman: Bool { events.contains(.conflict) || events.contains(.drift) || section(.blocked) != nil }

    /// `v2.4.0 from org/agent33: 1 failed, 2 conflicts, 3 delivered, 494 unchanged`.
    package var headline: String {
        "\(results.version) from \(results.sourceRepository): \(counts)"
    }

    /// The counts in the order of the sections, then unchanged and skipped.
    package var counts: String {
        var parts = sections.filter { $0.kind != .skipped }.map { "\($0.items.count) \($0.kind.countNoun(plural: $0.items.count != 1))" }
        if unchangedCount > 0 { parts.append("\(unchangedCount) unchanged") }
        if skippedCount > 0 { parts.append("\(skippedCount) skipped") }
        return parts.isEmpty ? "no targets" : parts.joined(separator: ", ")
    }

    /// The email subject and notification title: worst news first.
    package var subject: String {
        let mark = events.contains(.failure) ? "❌" : needsHuman ? "⚠️" : "✅"
        return "\(mark) flash-sync \(headline)"
    }

    private static func blockedItems(_ results: SyncResults) -> [DigestItem] {
        var items = results.blockedRules.map(DigestItem.blocked)
        let named = Set(results.blockedRules.map(\.ruleID))
        for target in results.targets where target.status == .blocked && !named.contains(target.ruleID) {
            items.append(.blocked(BlockedRule(ruleID: target.ruleID, reason: target.message ?? "blocked by validation"), repository: target.repository))
        }
        return items
    }

    /// The run's drift reports, plus drifted files the targets this run wrote to reported, one entry per repository.
    private static func driftReports(_ results: SyncResults) -> [DriftReport] {
        var reports = results.drift
        for target in results.targets where !target.driftedFiles.isEmpty && target.status != .unchanged && target.status != .skipped {
            if let index = reports.firstIndex(where: { $0.repository.lowercased() == target.repository.lowercased() }) {
                let missing = target.driftedFiles.filter { !reports[index].files.contains($0) }
                reports[index].files += missing
            } else {
                reports.append(DriftReport(repository: target.repository, files: target.driftedFiles))
            }
        }
        return reports.filter { !$0.files.isEmpty }
    }
}

extension TargetResult {
    /// A pull request was opened or updated for this target in this run.
    var isDelivery: Bool { status == .opened || status == .updated }
}
