import SyncCore

/// A granted exception: findings of `ruleId` on files matching `path` are not counted until
/// `expires` (inclusive). An expired exemption no longer applies and is itself a finding.
package struct Exemption: Sendable {
    package var path: Glob
    package var ruleId: String
    package var reason: String
    package var expires: ExemptionDate
    /// Where the exemption is written.
    package var file: String
    package var line: Int

    package init(path: Glob, ruleId: String, reason: String, expires: ExemptionDate, file: String, line: Int) {
        self.path = path
        self.ruleId = ruleId
        self.reason = reason
        self.expires = expires
        self.file = file
        self.line = line
    }

    package func isExpired(on today: ExemptionDate) -> Bool {
        today > expires
    }

    package func covers(_ finding: Finding) -> Bool {
        finding.ruleId == ruleId && path.matches(finding.file)
    }
}
