/// One compiled keyword of a schema object. Subschemas are indices into
/// `CompiledSchema.nodes`, so references (even cyclic ones) are resolved once at compile time.
enum Keyword: Sendable {
    // Core
    case reference(target: Int)
    /// `$dynamicRef`: `anchor` is set when the static target carries a matching `$dynamicAnchor`,
    /// in which case the outermost resource in the dynamic scope with that anchor wins.
    case dynamicReference(staticTarget: Int, anchor: String?)

    // Validation: any instance
    case type(TypeSet)
    case const(JSONValue)
    case enumeration([JSONValue])

    // Validation: numbers
    case multipleOf(JSONNumber)
    case maximum(JSONNumber)
    case exclusiveMaximum(JSONNumber)
    case minimum(JSONNumber)
    case exclusiveMinimum(JSONNumber)

    // Validation: strings
    case maxLength(Int)
    case minLength(Int)
    case pattern(RegexPattern)
    case format(FormatKind)

    // Arrays
    case prefixItems([Int])
    case items(node: Int, prefixCount: Int)
    case contains(node: Int, minimum: Int, maximum: Int?)
    case maxItems(Int)
    case minItems(Int)
    case uniqueItems
    case unevaluatedItems(Int)

    // Objects
    case properties([(name: String, node: Int)])
    case patternProperties([(pattern: RegexPattern, node: Int)])
    case additionalProperties(node: Int, declared: Set<ExactString>, patterns: [RegexPattern])
    case propertyNames(Int)
    case required([String])
    case dependentRequired([(name: String, required: [String])])
    case dependentSchemas([(name: String, node: Int)])
    case maxProperties(Int)
    case minProperties(Int)
    case unevaluatedProperties(Int)

    // In-place applicators
    case allOf([Int])
    case anyOf([Int])
    case oneOf([Int])
    case not(Int)
    case conditional(condition: Int, then: Int?, else: Int?)

    /// The schema keyword this came from, as it appears in keyword locations.
    var name: String {
        switch self {
        case .reference: "$ref"
        case .dynamicReference: "$dynamicRef"
        case .type: "type"
        case .const: "const"
        case .enumeration: "enum"
        case .multipleOf: "multipleOf"
        case .maximum: "maximum"
        case .exclusiveMaximum: "exclusiveMaximum"
        case .minimum: "minimum"
        case .exclusiveMinimum: "exclusiveMinimum"
        case .maxLength: "maxLength"
        case .minLength: "minLength"
        case .pattern: "pattern"
        case .format: "format"
        case .prefixItems: "prefixItems"
        case .items: "items"
        case .contains: "contains"
        case .maxItems: "maxItems"
        case .minItems: "minItems"
        case .uniqueItems: "uniqueItems"
        case .unevaluatedItems: "unevaluatedItems"
        case .properties: "properties"
        case .patternProperties: "patternProperties"
        case .additionalProperties: "additionalProperties"
        case .propertyNames: "propertyNames"
        case .required: "required"
        case .dependentRequired: "dependentRequired"
        case .dependentSchemas: "dependentSchemas"
        case .maxProperties: "maxProperties"
        case .minProperties: "minProperties"
        case .unevaluatedProperties: "unevaluatedProperties"
        case .allOf: "allOf"
        case .anyOf: "anyOf"
        case .oneOf: "oneOf"
        case .not: "not"
        case .conditional: "if"
        }
    }
}

/// The JSON Schema primitive types named by `type`.
struct TypeSet: OptionSet, Sendable {
    let rawValue: UInt8

    static let null = TypeSet(rawValue: 1 << 0)
    static let boolean = TypeSet(rawValue: 1 << 1)
    static let object = TypeSet(rawValue: 1 << 2)
    static let array = TypeSet(rawValue: 1 << 3)
    static let number = TypeSet(rawValue: 1 << 4)
    static let string = TypeSet(rawValue: 1 << 5)
    static let integer = TypeSet(rawValue: 1 << 6)

    static let names: [(String, TypeSet)] = [
        ("null", .null), ("boolean", .boolean), ("object", .object), ("array", .array),
        ("number", .number), ("string", .string), ("integer", .integer),
    ]

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init?(name: String) {
        guard let match = Self.names.first(where: { $0.0 == name }) else { return nil }
        self = match.1
    }

    func admits(_ value: JSONValue) -> Bool {
        switch value {
        case .null: contains(.null)
        case .bool: contains(.boolean)
        case .object: contains(.object)
        case .array: contains(.array)
        case .string: contains(.string)
        case .number(let number): contains(.number) || (contains(.integer) && number.isInteger)
        }
    }

    var listing: String {
        Self.names.filter { contains($0.1) }.map(\.0).joined(separator: " or ")
    }
}
