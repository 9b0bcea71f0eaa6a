import ActionsRuntime
import Delivery

/// The job summary of detect-drift: the registry table, drift per target, and the alerts.
struct DriftSummary {
    var reports: [TargetReport]
    var registry: DownstreamRegistry
    var alerts: [SyncAlert]
    var unreachable: [String]

    func write(into summary: inout StepSummary) {
        let driftedFiles = reports.reduce(0) { $0 + $1.drifted.count }
        summary.heading("Drift and staleness: \(registry.rows.count) rule\(registry.rows.count == 1 ? "" : "s") in \(reports.count) target\(reports.count == 1 ? "" : "s") · \(driftedFiles) drifted file\(driftedFiles == 1 ? "" : "s") · \(alerts.count) alert\(alerts.count == 1 ? "" : "s")")
        if !unreachable.isEmpty {
            summary.paragraph("Could not be checked: " + unreachable.map { "`\($0)`" }.joined(separator: ", ") + " (see the errors above).")
        }
        summary.heading("Downstream registry", level: 3)
        summary.paragraph(registry.totals)
        summary.table(DownstreamRegistry.headers, registry.cells)
        let drifted = reports.filter { !$0.drifted.isEmpty }
        if !drifted.isEmpty {
            summary.heading("Drift", level: 3)
            summary.table(["target", "file", "rule", "change", "issue"], drifted.flatMap { report in
                report.drifted.map { [report.repository, "`\($0.path)`", $0.ruleID, $0.change.rawValue, report.issue.issue.map { "[#\($0.number)](\($0.url))" } ?? ""] }
            })
        }
        if !alerts.isEmpty {
            summary.heading("Alerts", level: 3)
            summary.table(["type", "target", "rule", "details", "action required"], alerts.map {
                [$0.kind.rawValue, $0.targetRepository, $0.ruleID, $0.details, $0.actionRequired]
            })
        }
    }
}
