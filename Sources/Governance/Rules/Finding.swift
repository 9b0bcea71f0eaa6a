/// A rule's finding: what is wrong and where (a file of the repository and a 1-based line).
/// Findings about the repository as a whole (a missing file or folder) point at the policy
/// line that asks for it, so every finding has a file and a line.
package struct Finding: Sendable, Equatable, Encodable {
    package var ruleId: String
    package var level: RuleLevel
    package var message: String
    package var file: String
    package var line: Int
    package var column: Int?

    package init(ruleId: String, level: RuleLevel, message: String, file: String, line: Int, column: Int? = nil) {
        self.ruleId = ruleId
        self.level = level
        self.message = message
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line` (`:column` when known).
    package var location: String {
        "\(file):\(line)" + (column.map { ":\($0)" } ?? "")
    }

    enum CodingKeys: String, CodingKey {
        case ruleId = "rule", level, message, file, line, column
    }
}

/// What a check reports before the audit gives it a rule, a level and, when it has no file,
/// the policy's location.
package struct Problem: Sendable, Equatable {
    package var message: String
    package var file: String?
    package var line: Int?
    package var column: Int?

    package init(_ message: String, file: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.message = message
        self.file = file
        self.line = line
        self.column = column
    }
}
