import JSONSchema
import Yams

extension JSONValue {
    /// A YAML document as JSON (the YAML 1.2 core schema: null, booleans, numbers, strings), so
    /// YAML files validate against JSON Schemas. Keys keep their document order.
    package init(yaml node: Node) {
        switch node {
        case .scalar(let scalar):
            if scalar.style != .plain {
                self = .string(scalar.string)
            } else if scalar.string.isEmpty || ["~", "null", "Null", "NULL"].contains(scalar.string) {
                self = .null
            } else if let bool = Bool.construct(from: scalar) {
                self = .bool(bool)
            } else if let int = Int.construct(from: scalar) {
                self = .number(JSONNumber(int))
            } else if let double = Double.construct(from: scalar), double.isFinite, let number = JSONNumber(double) {
                self = .number(JSONNumber(literal: scalar.string) ?? number)
            } else {
                self = .string(scalar.string)
            }
        case .mapping(let mapping):
            self = .object(JSONObject(mapping.map { (key, value) in (key.scalar?.string ?? "", JSONValue(yaml: value)) }))
        case .sequence(let sequence):
            self = .array(sequence.map { JSONValue(yaml: $0) })
        case .alias:
            self = .null
        }
    }
}
