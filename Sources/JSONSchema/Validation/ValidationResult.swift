/// One reason an instance failed a schema.
package struct ValidationError: Sendable, Hashable, CustomStringConvertible {
    /// Where in the instance the failing value is ("" is the whole document).
    package let instanceLocation: JSONPointer
    /// The path of keywords from the root schema to the failing keyword, through any `$ref`s.
    package let keywordLocation: JSONPointer
    /// The failing keyword's absolute URI (`<resource URI>#<pointer>`), independent of `$ref`s.
    package let absoluteKeywordLocation: String
    /// What failed, in words, with the expected and found values.
    package let message: String

    package var description: String {
        let place = instanceLocation.tokens.isEmpty ? "(document root)" : instanceLocation.description
        return "\(place): \(message) (schema keyword \(keywordLocation.description.isEmpty ? "/" : keywordLocation.description))"
    }
}

/// The outcome of validating one instance.
package struct ValidationResult: Sendable {
    package let isValid: Bool
    /// Empty when valid. In `.firstError` mode at most one entry.
    package let errors: [ValidationError]
}

/// How much a validation reports.
package enum ValidationMode: Sendable {
    /// Stop at the first failure and report only validity (fastest).
    case flag
    /// Report the first failure found, then stop.
    case firstError
    /// Evaluate everything and report every failure.
    case allErrors
}
