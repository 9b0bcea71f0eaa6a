import Diagnostics

/// A rule's finding: what is wrong and where (a file of the repository and a 1-based line).
/// Findings about the repository as a whole (a missing file or folder) point at the policy
/// line that asks for it, so every finding has a file and a line.
package struct Finding: Sendable, Equatable, Encodable {
    package var ruleId: String
    package var level: RuleLevel
    package var message: String
    package var location: FileLocation

    package init(ruleId: String, level: RuleLevel, message: String, file: String, line: Int, column: Int? = nil) {
        self.init(ruleId: ruleId, level: level, message: message, at: FileLocation(file: file, line: line, column: column))
    }

    package init(ruleId: String, level: RuleLevel, message: String, at location: FileLocation) {
        self.ruleId = ruleId
        self.level = level
        self.message = message
        self.location = location
    }

    package var file: String { location.file }
    package var line: Int { location.line ?? 1 }
    package var column: Int? { location.column }

    enum CodingKeys: String, CodingKey {
        case ruleId = "rule", level, message, file, line, column
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ruleId, forKey: .ruleId)
        try container.encode(level, forKey: .level)
        try container.encode(message, forKey: .message)
        try container.encode(file, forKey: .file)
        try container.encode(line, forKey: .line)
        try container.encodeIfPresent(column, forKey: .column)
    }
}
