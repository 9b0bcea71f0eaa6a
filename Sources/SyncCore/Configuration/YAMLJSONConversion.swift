import Diagnostics
import JSONSchema
import Yams

/// A YAML document as a JSON value for JSON Schema validation, with the line of every value so
/// a schema error points at its line. Plain scalars take their YAML 1.2 core type (int, float,
/// bool, null); quoted scalars are strings.
package struct YAMLJSONConversion {
    private(set) package var lines: [String: Int] = [:]

    package init() {}

    package mutating func convert(_ node: Node, at pointer: JSONPointer = JSONPointer()) throws(Diagnostic) -> JSONValue {
        if let line = node.mark?.line { lines[pointer.description] = line }
        switch node {
        case .scalar(let scalar):
            return Self.value(of: scalar)
        case .sequence(let sequence):
            var items: [JSONValue] = []
            for (index, item) in sequence.enumerated() {
                items.append(try convert(item, at: pointer.appending(String(index))))
            }
            return .array(items)
        case .mapping(let mapping):
            var object = JSONObject()
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    throw Diagnostic.configuration(file: "", line: key.mark?.line, message: "a mapping key is not a plain string, which JSON cannot hold.")
                }
                object[keyScalar.string] = try convert(value, at: pointer.appending(keyScalar.string))
            }
            return .object(object)
        case .alias:
            throw Diagnostic.configuration(file: "", line: node.mark?.line, message: "YAML aliases are not supported in files checked against a JSON Schema.")
        }
    }

    /// The line of the value at `pointer`, or of its nearest parent that has one.
    package func line(of pointer: JSONPointer) -> Int? {
        var tokens = pointer.tokens
        while true {
            if let line = lines[JSONPointer(tokens: tokens).description] { return line }
            if tokens.isEmpty { return nil }
            tokens.removeLast()
        }
    }

    private static func value(of scalar: Node.Scalar) -> JSONValue {
        guard scalar.style == .plain || scalar.style == .any else { return .string(scalar.string) }
        let text = scalar.string
        if text.isEmpty || ["~", "null", "Null", "NULL"].contains(text) { return .null }
        if let bool = Bool.construct(from: scalar) { return .bool(bool) }
        if let number = JSONNumber(literal: text) { return .number(number) }
        if let integer = Int.construct(from: scalar) { return .number(JSONNumber(integer)) }
        if let double = Double.construct(from: scalar), let number = JSONNumber(double) { return .number(number) }
        return .string(text)
    }
}
