/// A workflow command (`::name key=value,...::message`) formatted exactly as the
/// official Actions toolkit formats it.
package struct WorkflowCommand: Sendable, Equatable {
    package var name: String
    /// Properties keep their order; properties with empty values are dropped when formatted.
    package var properties: [(key: String, value: String)]
    package var message: String

    package init(_ name: String, properties: [(key: String, value: String)] = [], message: String = "") {
        self.name = name
        self.properties = properties
        self.message = message
    }

    /// The command line without its trailing newline.
    package var line: String {
        var text = "::" + name
        let kept = properties.filter { !$0.value.isEmpty }
        if !kept.isEmpty {
            text += " " + kept.map { "\($0.key)=\(Self.escapeProperty($0.value))" }.joined(separator: ",")
        }
        return text + "::" + Self.escapeData(message)
    }

    /// Escapes a message: `%`, CR and LF.
    package static func escapeData(_ value: String) -> String {
        escape(value, alsoColonAndComma: false)
    }

    /// Escapes a property value: the message escapes plus `:` and `,`.
    package static func escapeProperty(_ value: String) -> String {
        escape(value, alsoColonAndComma: true)
    }

    private static func escape(_ value: String, alsoColonAndComma: Bool) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case ":" where alsoColonAndComma: out += "%3A"
            case "," where alsoColonAndComma: out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    package static func == (lhs: WorkflowCommand, rhs: WorkflowCommand) -> Bool {
        lhs.line == rhs.line
    }
}
