/// Entries appended to a downstream repository's DECISIONS.md, in the specification's YAML.
package enum DecisionLog {
    /// A `conflict_resolution` stub for a reviewer to complete.
    package static func conflictStub(date: String, version: String, file: String, lines: [LineSpan]) -> String {
        """

        ```yaml
        conflict_resolution:
          date: "\(date)"
          sync_version: "\(version)"
          file: "\(file)"
          decision: "TODO: describe how lines \(lines.map(\.description).joined(separator: ", ")) were resolved"
          resolved_by: "TODO: reviewer"
        ```

        """
    }

    package static func rollback(date: String, version: String, revertedCommit: String, reason: String, restoredTo: String, followUp: String, loggedBy: String) -> String {
        """

        ```yaml
        rollback:
          date: "\(date)"
          sync_version: "\(version)"
          reverted_commit: "\(revertedCommit)"
          reason: "\(escaped(reason))"
          restored_to: "\(restoredTo)"
          follow_up_issue: "\(followUp)"
          logged_by: "\(loggedBy)"
        ```

        """
    }

    /// DECISIONS.md with entries appended (a heading when the file is new).
    package static func appending(_ entries: [String], to existing: String?) -> String {
        var text = existing ?? "# Decisions\n\nDecisions about content synced from upstream: conflict resolutions and rollbacks.\n"
        if !text.hasSuffix("\n") { text += "\n" }
        return text + entries.joined()
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: " ")
    }
}
