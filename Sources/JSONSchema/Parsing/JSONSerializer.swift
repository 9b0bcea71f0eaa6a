/// How `JSONValue.serialized` lays out text.
package enum JSONLayout: Sendable, Equatable {
    /// No whitespace at all: `{"a":[1,2]}`.
    case compact
    /// One member per line, nested levels indented by `indent` spaces, `"key": value`.
    case pretty(indent: Int)

    package static let pretty = JSONLayout.pretty(indent: 2)
}

extension JSONValue {
    /// JSON text for this value. Object keys come out in insertion order, numbers in their
    /// canonical form (`JSONNumber.text`), strings with only the escapes JSON requires.
    /// Pretty output has no trailing newline; empty arrays and objects print as `[]` and `{}`.
    package func serialized(_ layout: JSONLayout = .compact) -> String {
        var output = ""
        JSONSerializer(layout: layout).write(self, level: 0, into: &output)
        return output
    }
}

private struct JSONSerializer {
    let layout: JSONLayout

    func write(_ value: JSONValue, level: Int, into output: inout String) {
        switch value {
        case .null: output += "null"
        case .bool(let bool): output += bool ? "true" : "false"
        case .number(let number): output += number.text
        case .string(let string): Self.writeString(string, into: &output)
        case .array(let elements):
            if elements.isEmpty {
                output += "[]"
                return
            }
            output += "["
            for (position, element) in elements.enumerated() {
                if position > 0 { output += "," }
                newline(level: level + 1, into: &output)
                write(element, level: level + 1, into: &output)
            }
            newline(level: level, into: &output)
            output += "]"
        case .object(let object):
            if object.isEmpty {
                output += "{}"
                return
            }
            output += "{"
            for (position, member) in object.members.enumerated() {
                if position > 0 { output += "," }
                newline(level: level + 1, into: &output)
                Self.writeString(member.key, into: &output)
                output += layout == .compact ? ":" : ": "
                write(member.value, level: level + 1, into: &output)
            }
            newline(level: level, into: &output)
            output += "}"
        }
    }

    private func newline(level: Int, into output: inout String) {
        guard case .pretty(let indent) = layout else { return }
        output += "\n"
        output += String(repeating: " ", count: indent * level)
    }

    static func writeString(_ string: String, into output: inout String) {
        output += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
