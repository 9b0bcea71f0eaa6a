/// The draft 2020-12 vocabularies a schema resource uses, chosen by its meta-schema's
/// `$vocabulary`. Keywords of a vocabulary that is off are treated as unknown (ignored).
struct VocabularySet: OptionSet, Hashable, Sendable {
    let rawValue: Int

    static let core = VocabularySet(rawValue: 1 << 0)
    static let applicator = VocabularySet(rawValue: 1 << 1)
    static let unevaluated = VocabularySet(rawValue: 1 << 2)
    static let validation = VocabularySet(rawValue: 1 << 3)
    static let metaData = VocabularySet(rawValue: 1 << 4)
    static let formatAnnotation = VocabularySet(rawValue: 1 << 5)
    static let formatAssertion = VocabularySet(rawValue: 1 << 6)
    static let content = VocabularySet(rawValue: 1 << 7)

    /// What the official 2020-12 meta-schema declares.
    static let standard: VocabularySet = [.core, .applicator, .unevaluated, .validation, .metaData, .formatAnnotation, .content]

    /// URIs of the official 2020-12 meta-schema, which need not be registered.
    static let standardMetaSchemaURIs: Set<String> = [
        "https://json-schema.org/draft/2020-12/schema",
    ]

    /// Meta-schemas of other drafts, rejected with a message saying so.
    static let otherDraftMetaSchemaPrefixes = [
        "http://json-schema.org/draft-0", "https://json-schema.org/draft-0",
        "http://json-schema.org/draft/2019-09", "https://json-schema.org/draft/2019-09",
        "http://json-schema.org/schema",
    ]

    static let byURI: [String: VocabularySet] = [
        "https://json-schema.org/draft/2020-12/vocab/core": .core,
        "https://json-schema.org/draft/2020-12/vocab/applicator": .applicator,
        "https://json-schema.org/draft/2020-12/vocab/unevaluated": .unevaluated,
        "https://json-schema.org/draft/2020-12/vocab/validation": .validation,
        "https://json-schema.org/draft/2020-12/vocab/meta-data": .metaData,
        "https://json-schema.org/draft/2020-12/vocab/format-annotation": .formatAnnotation,
        "https://json-schema.org/draft/2020-12/vocab/format-assertion": .formatAssertion,
        "https://json-schema.org/draft/2020-12/vocab/content": .content,
    ]

    /// The vocabulary a keyword belongs to; nil for keywords outside 2020-12 (ignored).
    static func vocabulary(of keyword: String) -> VocabularySet? {
        switch keyword {
        case "$id", "$schema", "$ref", "$anchor", "$dynamicRef", "$dynamicAnchor", "$vocabulary", "$comment", "$defs":
            .core
        case "prefixItems", "items", "contains", "additionalProperties", "properties", "patternProperties",
             "dependentSchemas", "propertyNames", "if", "then", "else", "allOf", "anyOf", "oneOf", "not":
            .applicator
        case "unevaluatedItems", "unevaluatedProperties":
            .unevaluated
        case "type", "const", "enum", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
             "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "maxContains",
             "minContains", "maxProperties", "minProperties", "required", "dependentRequired":
            .validation
        case "format":
            .formatAnnotation
        case "contentEncoding", "contentMediaType", "contentSchema":
            .content
        case "title", "description", "default", "deprecated", "readOnly", "writeOnly", "examples":
            .metaData
        default:
            nil
        }
    }
}
