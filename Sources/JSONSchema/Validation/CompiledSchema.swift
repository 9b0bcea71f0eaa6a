/// A schema compiled once into a graph of nodes; validate as many instances as needed with it.
/// Immutable and `Sendable`: share one across threads freely.
package struct CompiledSchema: Sendable {
    let nodes: [SchemaNode]
    let resources: [CompiledResource]
    let rootNode: Int
    /// Whether any `unevaluated*` keyword exists, so annotations must be collected.
    let tracksAnnotations: Bool
    /// Whether any `$dynamicRef` resolves dynamically, so the dynamic scope must be tracked.
    let tracksDynamicScope: Bool

    /// Validates `instance`; see `ValidationMode` for how much is reported.
    package func validate(_ instance: JSONValue, mode: ValidationMode = .allErrors) -> ValidationResult {
        let evaluator = Evaluator(schema: self, mode: mode)
        var annotations = Annotations()
        let isValid = evaluator.evaluate(node: rootNode, instance: instance, annotations: &annotations)
        return ValidationResult(isValid: isValid, errors: isValid ? [] : evaluator.errors)
    }

    /// True when `instance` is valid; stops at the first failure and builds no messages.
    package func isValid(_ instance: JSONValue) -> Bool {
        validate(instance, mode: .flag).isValid
    }
}

/// One compiled schema (object or boolean).
struct SchemaNode: Sendable {
    /// For boolean schemas: the constant outcome. Nil for object schemas.
    var constantOutcome: Bool?
    var keywords: [Keyword]
    /// Index into `CompiledSchema.resources` of the schema resource this node belongs to.
    var resource: Int
    /// Absolute URI of this schema, e.g. `https://example.com/s.json#/properties/a`.
    var absoluteLocation: String
}

/// A schema resource (a document root or a schema with `$id`), as the dynamic scope sees it.
struct CompiledResource: Sendable {
    /// `$dynamicAnchor` names declared in this resource and the nodes carrying them.
    var dynamicAnchors: [String: Int]
}
