/// Options that change how schemas compile.
package struct SchemaCompileOptions: Sendable {
    /// Make `format` an assertion for the formats in `FormatKind` (date-time, email, uri, ...).
    /// Off by default: draft 2020-12 treats `format` as an annotation unless the meta-schema
    /// enables the format-assertion vocabulary (which also switches assertion on).
    package var assertsFormat: Bool

    package init(assertsFormat: Bool = false) {
        self.assertsFormat = assertsFormat
    }
}

/// Compiles draft 2020-12 schemas into `CompiledSchema`s, resolving every `$ref` against the
/// schema itself and the documents of `registry` (never the network).
package struct SchemaCompiler: Sendable {
    /// Base URI for schemas that have none of their own (used to resolve relative `$id`/`$ref`).
    package static let defaultBaseURI = "urn:flash-sync:schema:root"

    package var registry: SchemaRegistry
    package var options: SchemaCompileOptions

    package init(registry: SchemaRegistry = SchemaRegistry(), options: SchemaCompileOptions = SchemaCompileOptions()) {
        self.registry = registry
        self.options = options
    }

    /// Compiles `schema`, retrieved from `baseURI` (an absolute URI; its `$id` may override it).
    package func compile(_ schema: JSONValue, baseURI: String = defaultBaseURI) throws(SchemaCompilationError) -> CompiledSchema {
        let session = CompilationSession(registry: registry, options: options)
        return try session.compileRoot(schema, baseURI: URIReference(baseURI))
    }

    /// Compiles the document registered at `uri` (with an optional fragment naming a subschema).
    /// The draft 2020-12 meta-schemas are built in: `compileRegistered(at:
    /// "https://json-schema.org/draft/2020-12/schema")` gives a validator for schema documents.
    package func compileRegistered(at uri: String) throws(SchemaCompilationError) -> CompiledSchema {
        let session = CompilationSession(registry: registry, options: options)
        return try session.compileReference(uri)
    }
}
