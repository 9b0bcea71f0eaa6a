import Foundation

/// One alert in the specification's `sync_alert` shape.
package struct SyncAlert: Sendable, Equatable {
    package enum Kind: String, Sendable, CaseIterable {
        case failure
        case staleness
        case drift
    }

    package var kind: Kind
    package var ruleID: String
    package var targetRepository: String
    /// ISO 8601, UTC.
    package var detectedAt: String
    package var details: String
    package var actionRequired: String

    package init(kind: Kind, ruleID: String, targetRepository: String, detectedAt: String, details: String, actionRequired: String) {
        self.kind = kind
        self.ruleID = ruleID
        self.targetRepository = targetRepository
        self.detectedAt = detectedAt
        self.details = details
        self.actionRequired = actionRequired
    }

    /// The entry as the specification writes it.
    package var yaml: String {
        """
        sync_alert:
          type: \(kind.rawValue)
          rule_id: \(Self.quoted(ruleID))
          target_repo: \(Self.quoted(targetRepository))
          detected_at: \(Self.quoted(detectedAt))
          details: \(Self.quoted(details))
          action_required: \(Self.quoted(actionRequired))

        """
    }

    /// Every alert as a YAML sequence of `sync_alert` mappings (`[]` when there is none).
    package static func yaml(_ alerts: [SyncAlert]) -> String {
        guard !alerts.isEmpty else { return "[]\n" }
        return alerts.map { alert in
            alert.yaml.split(separator: "\n", omittingEmptySubsequences: false).dropLast().enumerated()
                .map { $0.offset == 0 ? "- " + $0.element : "  " + $0.element }.joined(separator: "\n") + "\n"
        }.joined()
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n") + "\""
    }
}
