import Foundation
import SyncCore
import SyncKit

/// The preview as one Markdown comment on the upstream pull request (also the step summary). It
/// starts with a hidden marker by which the step finds its own comment to edit, and always fits
/// GitHub's comment limit: when it would not, the largest target sections are folded to one line
/// each, with counts and a link to the run.
package struct PreviewComment: Sendable {
    /// How every preview comment starts. The comment the step keeps carries, after it, a mark
    /// made with the token (`marker(key:pullRequest:)`): a comment someone else wrote with the
    /// prefix is never taken for it, edited or deleted.
    package static let markerPrefix = "<!-- flash-sync:preview"

    /// `<!-- flash-sync:preview 0123456789abcdef -->`: the HMAC of the pull request under `key`
    /// (the token; empty on the local forge).
    package static func marker(key: String, pullRequest: String) -> String {
        "\(markerPrefix) \(Checksum.hmacSHA256Hex(key: key, pullRequest).prefix(16)) -->"
    }
    /// GitHub refuses a comment over 65,536 characters; the budget leaves room for the marker and the end.
    package static let budget = 60_000

    package var preview: SyncPreview
    package var version: String
    /// The workflow run, linked where sections are folded.
    package var runURL: String?
    package var budget: Int = PreviewComment.budget
    /// The first line (see `marker(key:pullRequest:)`).
    package var marker: String

    package init(preview: SyncPreview, version: String, runURL: String?, marker: String, budget: Int = PreviewComment.budget) {
        self.preview = preview
        self.version = version
        self.runURL = runURL
        self.marker = marker
        self.budget = budget
    }

    package var markdown: String {
        var head = [marker, "## Sync preview", ""]
        let rules = preview.touchedRules
        let changedTargets = Set(preview.rules.filter { !$0.files.isEmpty }.map(\.repository)).count
        head.append("This pull request touches the sources of \(rules.count) sync rule\(rules.count == 1 ? "" : "s") (\(rules.map { "`\($0)`" }.joined(separator: ", "))). "
            + "Released, it would change \(preview.changedFiles) file\(preview.changedFiles == 1 ? "" : "s") in \(changedTargets) of \(preview.targets) target\(preview.targets == 1 ? "" : "s")"
            + "; \(preview.unchangedTargets) target\(preview.unchangedTargets == 1 ? "" : "s") would be unchanged.")
        head.append("")
        var status: [String] = []
        let blocked = preview.blockedRules
        status.append(blocked.isEmpty ? "✅ No rule would be blocked by validation." : "❌ \(blocked.count) rule\(blocked.count == 1 ? "" : "s") would be blocked by validation.")
        status.append(preview.conflicts == 0 ? "✅ No conflict with a downstream override or edit." : "⚠️ \(preview.conflicts) conflict\(preview.conflicts == 1 ? "" : "s") with downstream overrides or edits.")
        let failing = preview.rules.filter { $0.error != nil }.count
        if failing > 0 { status.append("⚠️ \(failing) target rule\(failing == 1 ? "" : "s") could not be previewed.") }
        head += status.map { "- \($0)" }
        head.append("")
        head.append("_Files are stamped as \(version), so the preview shows what this pull request changes; nothing was written downstream._")

        var sections: [Section] = []
        if !blocked.isEmpty { sections.append(blockedSection(blocked)) }
        for rule in preview.rules where !rule.files.isEmpty || rule.error != nil || !rule.declined.isEmpty || !rule.adopted.isEmpty {
            sections.append(ruleSection(rule))
        }
        let checks = checksSection()
        let tail = ["", runURL.map { "[The run](\($0))" } ?? "", ""].filter { !$0.isEmpty }
        return fit(head: head.joined(separator: "\n"), sections: sections, checks: checks, tail: tail.joined(separator: "\n")) + "\n"
    }

    struct Section {
        var full: String
        var folded: String
        var weight: Int { full.count }
    }

    private func blockedSection(_ blocked: [SyncPreview.Rule]) -> Section {
        var lines = ["### Blocked by validation", "", "| Target | Rule | Failing checks |", "|---|---|---|"]
        for rule in blocked {
            let failing = rule.validation?.checks.filter { $0.status == .fail }.map { "\($0.name.title): \(MarkdownText.cell($0.details))" } ?? []
            lines.append("| `\(rule.repository)` | `\(rule.ruleID)` | \(failing.isEmpty ? "blocked" : failing.joined(separator: "; ")) |")
        }
        let folded = "### Blocked by validation\n\n\(blocked.count) rules: " + blocked.prefix(20).map { "`\($0.repository)` `\($0.ruleID)`" }.joined(separator: ", ")
        return Section(full: lines.joined(separator: "\n"), folded: folded)
    }

    private func ruleSection(_ rule: SyncPreview.Rule) -> Section {
        let added = rule.files.reduce(0) { $0 + ($1.stat?.added ?? 0) }, removed = rule.files.reduce(0) { $0 + ($1.stat?.removed ?? 0) }
        var summary = "<code>\(MarkdownText.plain(rule.repository))</code> · <code>\(MarkdownText.plain(rule.ruleID))</code> · \(rule.files.count) file\(rule.files.count == 1 ? "" : "s") (+\(added) −\(removed))"
        if rule.conflicts > 0 { summary += " · ⚠️ \(rule.conflicts) conflict\(rule.conflicts == 1 ? "" : "s")" }
        if rule.blocked { summary += " · ❌ blocked" }
        if rule.error != nil { summary += " · ⚠️ not previewed" }
        var lines = ["<details><summary>\(summary)</summary>", ""]
        if let error = rule.error { lines += ["Could not be previewed: \(MarkdownText.cell(error))", ""] }
        if !rule.files.isEmpty {
            lines += ["| File | Change | Lines | Conflicts |", "|---|---|---|---|"]
            for file in rule.files {
                let conflicts = file.conflicts.isEmpty ? "" : "lines " + file.conflicts.map(\.description).joined(separator: ", ")
                    + (file.mergedWith.map { " (with \(MarkdownText.cell($0)))" } ?? "")
                lines.append("| `\(MarkdownText.code(file.path))` | \(file.kind.rawValue) | \(file.stat?.description ?? "binary") | \(conflicts) |")
            }
        }
        for adopted in rule.adopted { lines += ["", "- `\(MarkdownText.code(adopted.path))` is already in the target: adopted (\(adopted.policy.rawValue))"] }
        for declined in rule.declined { lines += ["", "- `\(MarkdownText.code(declined.path))` is declined by the target: \(MarkdownText.cell(declined.reason))"] }
        lines += ["", "</details>"]
        let folded = "- " + summary.replacingOccurrences(of: "<code>", with: "`").replacingOccurrences(of: "</code>", with: "`") + " (folded: see the run)"
        return Section(full: lines.joined(separator: "\n"), folded: folded)
    }

    /// The five checks over every previewed rule: how many passed, warned and failed.
    private func checksSection() -> String {
        let validations = preview.rules.compactMap(\.validation)
        guard !validations.isEmpty || preview.unchangedTargets > 0 else { return "" }
        var lines = ["### Checks", "", "| Check | pass | warn | fail |", "|---|---|---|---|"]
        for check in ValidationCheck.allCases {
            let statuses = validations.map { $0.status(of: check) }
            lines.append("| \(check.title) | \(statuses.filter { $0 == .pass }.count) | \(statuses.filter { $0 == .warn }.count) | \(statuses.filter { $0 == .fail }.count) |")
        }
        return lines.joined(separator: "\n")
    }

    /// The sections in full while they fit; then the largest folded first, then the rest counted.
    private func fit(head: String, sections: [Section], checks: String, tail: String) -> String {
        var parts = sections.map(\.full)
        func total() -> Int { head.count + checks.count + tail.count + parts.reduce(0) { $0 + $1.count + 2 } + 200 }
        var folded = 0
        if total() > budget {
            for index in sections.indices.sorted(by: { sections[$0].weight > sections[$1].weight }) {
                parts[index] = sections[index].folded
                folded += 1
                if total() <= budget { break }
            }
        }
        var dropped = 0
        while total() > budget, !parts.isEmpty {
            parts.removeLast()
            dropped += 1
        }
        var text = head + "\n\n" + parts.joined(separator: "\n\n")
        if folded > 0 || dropped > 0 {
            text += "\n\n_\(folded) section\(folded == 1 ? "" : "s") folded"
                + (dropped > 0 ? " and \(dropped) more left out" : "") + " to fit GitHub's comment limit; the step summary"
                + (runURL.map { " of [the run](\($0))" } ?? "") + " has the full report._"
        }
        if !checks.isEmpty { text += "\n\n" + checks }
        return text + (tail.isEmpty ? "" : "\n" + tail)
    }
}
