/// Why a schema could not be compiled. Locations are absolute keyword URIs
/// (`<resource URI>#<JSON pointer>`), so the failing spot can be found in the schema file.
package enum SchemaCompilationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A schema position holds something other than an object or a boolean.
    case notASchema(location: String, found: String)
    /// A keyword's value has the wrong shape; `expected` describes the right one.
    case invalidKeywordValue(keyword: String, location: String, expected: String)
    /// `$ref`/`$dynamicRef` names nothing in the schema or the registry.
    case unresolvableReference(reference: String, resolved: String, location: String)
    /// A `pattern`/`patternProperties` regex is not valid.
    case invalidPattern(pattern: String, location: String, reason: String)
    /// `$schema` names a meta-schema of another draft, or one that is not registered.
    case unsupportedMetaSchema(uri: String, location: String, reason: String)
    /// The meta-schema requires a vocabulary this validator does not implement.
    case unknownRequiredVocabulary(uri: String, metaSchema: String)

    package var description: String {
        switch self {
        case .notASchema(let location, let found):
            "\(location): a schema must be an object or a boolean, found \(found)"
        case .invalidKeywordValue(let keyword, let location, let expected):
            "\(location): '\(keyword)' must be \(expected)"
        case .unresolvableReference(let reference, let resolved, let location):
            "\(location): cannot resolve reference '\(reference)' (resolved to \(resolved)); "
                + "define the target in the schema or register its document in the SchemaRegistry"
        case .invalidPattern(let pattern, let location, let reason):
            "\(location): invalid regular expression '\(pattern)': \(reason)"
        case .unsupportedMetaSchema(let uri, let location, let reason):
            "\(location): unsupported $schema '\(uri)': \(reason)"
        case .unknownRequiredVocabulary(let uri, let metaSchema):
            "meta-schema \(metaSchema) requires vocabulary \(uri), which this validator does not implement; "
                + "mark it optional (false) in $vocabulary or remove it"
        }
    }
}
