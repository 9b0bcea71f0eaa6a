import Foundation

/// The file commands of the runner: outputs (`GITHUB_OUTPUT`), exported variables
/// (`GITHUB_ENV`), saved state (`GITHUB_STATE`) and the path (`GITHUB_PATH`).
package enum FileCommand: String, Sendable, CaseIterable {
    case output = "GITHUB_OUTPUT"
    case environment = "GITHUB_ENV"
    case state = "GITHUB_STATE"
    case path = "GITHUB_PATH"

    /// Formats `NAME<<DELIMITER\nVALUE\nDELIMITER\n`, refusing a name or value that
    /// contains the delimiter (it would let the value end the heredoc early).
    package static func keyValue(name: String, value: String, delimiter: String) throws(FileCommandError) -> String {
        guard !name.isEmpty else { throw .emptyName }
        if name.contains(delimiter) { throw .delimiterInName(name: name) }
        if value.contains(delimiter) { throw .delimiterInValue(name: name) }
        if name.contains("\n") || name.contains("\r") { throw .newlineInName(name: name) }
        return "\(name)<<\(delimiter)\n\(value)\n\(delimiter)\n"
    }

    /// A fresh `ghadelimiter_<UUID>`, as the toolkit makes one for every write.
    package static func makeDelimiter(_ uuid: UUID) -> String {
        "ghadelimiter_" + uuid.uuidString.lowercased()
    }

    /// Reads back a file written with `keyValue` (and the legacy `name=value` lines).
    package static func parseKeyValues(_ text: String) throws(FileCommandError) -> [(name: String, value: String)] {
        var result: [(String, String)] = []
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        while let line = lines.popFirst() {
            if line.isEmpty { continue }
            if let marker = line.range(of: "<<") {
                let name = String(line[..<marker.lowerBound])
                let delimiter = String(line[marker.upperBound...])
                var valueLines: [Substring] = []
                var closed = false
                while let next = lines.popFirst() {
                    if next == delimiter { closed = true; break }
                    valueLines.append(next)
                }
                guard closed else { throw .unterminatedHeredoc(name: name) }
                result.append((name, valueLines.joined(separator: "\n")))
            } else if let equals = line.firstIndex(of: "=") {
                result.append((String(line[..<equals]), String(line[line.index(after: equals)...])))
            } else {
                throw .malformedLine(String(line))
            }
        }
        return result
    }
}

package enum FileCommandError: Error, Equatable, CustomStringConvertible {
    case emptyName
    case newlineInName(name: String)
    case delimiterInName(name: String)
    case delimiterInValue(name: String)
    case unterminatedHeredoc(name: String)
    case malformedLine(String)

    package var description: String {
        switch self {
        case .emptyName:
            "An output or variable name must not be empty."
        case .newlineInName(let name):
            "The name '\(name)' contains a line break; names must be one line."
        case .delimiterInName(let name):
            "Unexpected input: name '\(name)' should not contain the delimiter; refusing to write it."
        case .delimiterInValue(let name):
            "Unexpected input: the value of '\(name)' contains the heredoc delimiter; refusing to write it."
        case .unterminatedHeredoc(let name):
            "The value of '\(name)' is never closed by its delimiter line."
        case .malformedLine(let line):
            "Cannot read the file command line '\(line)': expected NAME<<DELIMITER or NAME=VALUE."
        }
    }
}
