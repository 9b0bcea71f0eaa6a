import Foundation
import Forge
import SyncKit

/// The one drift issue of a target repository (label `<namespace>-drift`): opened when drift
/// appears, edited while it changes, closed with a comment when it is gone. Running again with
/// the same drift writes nothing.
package struct DriftIssue: Sendable {
    package enum Outcome: Sendable, Equatable {
        case opened(ForgeIssue)
        case updated(ForgeIssue)
        case unchanged(ForgeIssue)
        case closed(number: Int)
        case none

        package var issue: ForgeIssue? {
            switch self {
            case .opened(let issue), .updated(let issue), .unchanged(let issue): issue
            case .closed, .none: nil
            }
        }
    }

    package var forge: any Forge
    package var layout: SyncLayout

    package init(forge: any Forge, layout: SyncLayout) {
        self.forge = forge
        self.layout = layout
    }

    package func reconcile(repository: String, drifted: [DriftedFile]) async throws -> Outcome {
        let open = try await forge.openIssues(repository, label: layout.driftLabel).sorted { $0.number < $1.number }
        guard !drifted.isEmpty else {
            for issue in open {
                try await forge.closeIssue(repository, number: issue.number, comment: "Every synced file matches its sync state again: no drift left. Closed by flash-sync detect-drift.")
            }
            return open.first.map { .closed(number: $0.number) } ?? .none
        }
        let title = title(drifted)
        let body = body(drifted)
        guard let existing = open.first else {
            return .opened(try await forge.createIssue(repository, title: title, body: body, labels: [layout.driftLabel]))
        }
        guard existing.title != title || existing.body != body else { return .unchanged(existing) }
        return .updated(try await forge.updateIssue(repository, number: existing.number, title: title, body: body))
    }

    package func title(_ drifted: [DriftedFile]) -> String {
        "\(layout.namespace) sync drift: \(drifted.count) synced file\(drifted.count == 1 ? "" : "s") changed outside \(layout.overridesFolder)"
    }

    package func body(_ drifted: [DriftedFile]) -> String {
        let overrides = layout.overridesFolder
        var lines = [
            "These files are synced from upstream by flash-sync, and were changed in this repository outside `\(overrides)` since their last sync.",
            "",
            "| file | rule | synced version | change | keep the edit in |",
            "|---|---|---|---|---|",
        ]
        for file in drifted.sorted(by: { ($0.path, $0.ruleID) < ($1.path, $1.ruleID) }) {
            lines.append("| `\(file.path)` | `\(file.ruleID)` | \(file.version) | \(file.change.rawValue) | " + (file.overridePath.map { "`\($0)`" } ?? "n/a") + " |")
        }
        lines += [
            "",
            "### Remedy",
            "",
            "- **Keep the change**: move it into the override path above (same content, same relative path under `\(overrides)`) and restore the synced file. Overrides are merged into every later sync, and never overwritten.",
            "- **Drop the change (re-sync)**: restore the content of the last sync, then re-run the sync for the rule. The synced content is the git blob named below: `git cat-file -p BLOB > FILE`.",
            "",
            "| file | synced blob |",
            "|---|---|",
        ]
        for file in drifted.sorted(by: { ($0.path, $0.ruleID) < ($1.path, $1.ruleID) }) {
            lines.append("| `\(file.path)` | `\(file.syncedBlob)` |")
        }
        lines += [
            "",
            "Until then, the next sync merges upstream's changes into the edited files and flags any conflict for review; nothing is silently overwritten.",
            "",
            "_Opened and kept up to date by flash-sync detect-drift; it closes this issue when the drift is gone._",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
