/// A problem in a configuration file, with where it is and what to do about it.
package struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    package var file: String
    package var line: Int?
    package var column: Int?
    package var message: String
    package var hint: String?

    package init(file: String, line: Int? = nil, column: Int? = nil, message: String, hint: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }

    /// `file:line:column`
    package var location: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }

    package var description: String {
        "\(location): \(message)" + (hint.map { " \($0)" } ?? "")
    }
}

/// Several configuration problems found in one pass, reported together.
package struct ConfigErrors: Error, Sendable, Equatable, CustomStringConvertible {
    package var errors: [ConfigError]

    package init(_ errors: [ConfigError]) {
        self.errors = errors
    }

    package var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
