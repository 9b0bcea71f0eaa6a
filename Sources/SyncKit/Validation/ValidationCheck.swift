import Diagnostics
import SyncCore
/// The five pre-PR checks of the specification, in its order.
package enum ValidationCheck: String, Sendable, Codable, CaseIterable {
    case checksum
    case linkIntegrity = "link_integrity"
    case schemaCheck = "schema_check"
    case secretScan = "secret_scan"
    case versionTag = "version_tag"

    /// The row name in the PR template's validation table.
    package var title: String {
        switch self {
        case .checksum: "Checksum verification"
        case .linkIntegrity: "Link integrity"
        case .schemaCheck: "Schema compatibility"
        case .secretScan: "Secret scan"
        case .versionTag: "Version tag match"
        }
    }

    /// Checks 1-4 block the rule; check 5 only warns.
    package var blocks: Bool { self != .versionTag }
}

package enum CheckStatus: String, Sendable, Codable, Comparable {
    case pass, warn, fail, skipped

    private var rank: Int {
        switch self {
        case .skipped: 0
        case .pass: 1
        case .warn: 2
        case .fail: 3
        }
    }

    package static func < (lhs: CheckStatus, rhs: CheckStatus) -> Bool { lhs.rank < rhs.rank }
}

/// One problem a check found, pointing at the upstream file (so it shows in the upstream diff).
package struct ValidationFinding: Sendable, Equatable {
    package var check: ValidationCheck
    package var ruleID: String
    package var location: FileLocation
    package var message: String
    /// What to do about it.
    package var help: String?

    package var file: String { location.file }
    package var line: Int? { location.line }
    package var column: Int? { location.column }

    /// The finding as the run shows it: an error when its check blocks the rule, else a warning,
    /// titled with the check and the sync rule, reported under the check's SARIF rule.
    package var diagnostic: Diagnostic {
        Diagnostic(
            check.blocks ? .error : .warning, message, title: "\(check.title) (\(ruleID))", at: location,
            hint: help, ruleID: "flash-sync/\(check.rawValue)"
        )
    }
}

/// One check's outcome for one rule, in the report's shape.
package struct CheckResult: Sendable, Codable, Equatable {
    package var name: ValidationCheck
    package var status: CheckStatus
    package var details: String
}

/// The five results of one rule and whether they block it.
package struct RuleValidation: Sendable, Codable, Equatable {
    package var checks: [CheckResult]
    package var overall: CheckStatus
    package var blocked: Bool
    /// Why the rule goes ahead despite failed checks (force), or a note for the PR.
    package var notes: [String]

    package func status(of check: ValidationCheck) -> CheckStatus {
        checks.first { $0.name == check }?.status ?? .skipped
    }
}
