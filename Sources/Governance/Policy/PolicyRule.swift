import SyncCore

/// One rule of a governance policy: what to check (`check`), on which files (`scope`), how
/// much it matters (`level`), and what to tell people (`policyURL`, `remediation`).
package struct PolicyRule: Sendable {
    package var id: String
    package var level: RuleLevel
    /// Globs of the files the rule looks at (`where`); empty means every file.
    package var scope: [Glob]
    package var type: RuleType
    package var check: RuleCheck
    package var description: String?
    package var policyURL: String?
    package var remediation: String
    /// The policy file that defined (or last overrode) the rule, and the line of its entry.
    package var file: String
    package var line: Int

    package init(
        id: String, level: RuleLevel, scope: [Glob] = [], type: RuleType, check: RuleCheck, description: String? = nil,
        policyURL: String? = nil, remediation: String, file: String, line: Int
    ) {
        self.id = id
        self.level = level
        self.scope = scope
        self.type = type
        self.check = check
        self.description = description
        self.policyURL = policyURL
        self.remediation = remediation
        self.file = file
        self.line = line
    }

    /// Whether `path` is among the files this rule looks at.
    package func covers(_ path: String) -> Bool {
        scope.isEmpty || scope.contains { $0.matches(path) }
    }

    /// A one-line description of what the rule requires, for reports when none is written.
    package var summary: String { description ?? check.summary }
}
