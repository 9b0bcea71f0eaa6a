/// The mutable state of one compilation: loaded documents, nodes built so far, resources.
final class CompilationSession {
    let registry: SchemaRegistry
    let options: SchemaCompileOptions
    var index = SchemaIndex()
    private var nodes: [SchemaNode?] = []
    private var nodeByLocation: [SchemaLocation: Int] = [:]
    private var resources: [CompiledResource] = []
    private var resourceByRoot: [SchemaLocation: Int] = [:]
    private var vocabulariesByRoot: [SchemaLocation: VocabularySet] = [:]
    private var patterns: [String: RegexPattern] = [:]
    var usesUnevaluated = false

    init(registry: SchemaRegistry, options: SchemaCompileOptions) {
        self.registry = registry
        self.options = options
    }

    func compileRoot(_ schema: JSONValue, baseURI: URIReference) throws(SchemaCompilationError) -> CompiledSchema {
        let root = index.addDocument(schema, retrievedFrom: baseURI)
        return try finish(rootNode: node(at: root))
    }

    func compileReference(_ uri: String) throws(SchemaCompilationError) -> CompiledSchema {
        let target = try resolveReference(uri, base: URIReference(uri), from: uri)
        return try finish(rootNode: node(at: target))
    }

    private func finish(rootNode: Int) -> CompiledSchema {
        let compiledNodes = nodes.map { $0! }
        let hasDynamicReferences = compiledNodes.contains { node in
            node.keywords.contains { if case .dynamicReference(_, .some) = $0 { true } else { false } }
        }
        return CompiledSchema(nodes: compiledNodes, resources: resources, rootNode: rootNode,
                              tracksAnnotations: usesUnevaluated, tracksDynamicScope: hasDynamicReferences)
    }

    /// The node for the schema at `location`, compiling it (and what it refers to) on first use.
    func node(at location: SchemaLocation) throws(SchemaCompilationError) -> Int {
        if let existing = nodeByLocation[location] { return existing }
        guard let value = index.value(at: location), let scope = index.scope(at: location) else {
            throw .unresolvableReference(reference: location.pointer.description, resolved: location.pointer.description, location: "(unknown)")
        }
        let nodeIndex = nodes.count
        nodes.append(nil)
        nodeByLocation[location] = nodeIndex
        let resource = try resourceIndex(root: scope.resourceRoot)
        var node = SchemaNode(constantOutcome: nil, keywords: [], resource: resource, absoluteLocation: scope.absoluteLocation)
        switch value {
        case .bool(let outcome):
            node.constantOutcome = outcome
        case .object(let object):
            let vocabularies = try vocabularies(root: scope.resourceRoot)
            node.keywords = try compileKeywords(object, at: location, scope: scope, vocabularies: vocabularies)
        default:
            throw .notASchema(location: scope.absoluteLocation, found: value.serialized())
        }
        nodes[nodeIndex] = node
        return nodeIndex
    }

    /// The resource whose root is `root`; its dynamic anchors are compiled when first seen.
    private func resourceIndex(root: SchemaLocation) throws(SchemaCompilationError) -> Int {
        if let existing = resourceByRoot[root] { return existing }
        let resource = resources.count
        resources.append(CompiledResource(dynamicAnchors: [:]))
        resourceByRoot[root] = resource
        for (name, location) in index.dynamicAnchors[root] ?? [:] {
            resources[resource].dynamicAnchors[name] = try node(at: location)
        }
        return resource
    }

    /// Resolves `reference` against `base` to a schema location, loading registry documents as needed.
    func resolveReference(_ reference: String, base: URIReference, from location: String) throws(SchemaCompilationError) -> SchemaLocation {
        let target = URIReference(reference).resolved(against: base)
        let resourceURI = target.withoutFragment.description
        if index.resources[resourceURI] == nil,
           let document = registry.document(at: resourceURI) ?? Draft202012MetaSchemas.document(at: resourceURI) {
            _ = index.addDocument(document, retrievedFrom: target.withoutFragment)
        }
        let failure = SchemaCompilationError.unresolvableReference(reference: reference, resolved: target.description, location: location)
        guard let resourceRoot = index.resources[resourceURI] else { throw failure }
        let fragment = target.fragment ?? ""
        if fragment.isEmpty { return resourceRoot }
        if fragment.hasPrefix("/") {
            guard let decoded = fragment.percentDecoded, let pointer = JSONPointer(parsing: decoded) else { throw failure }
            let location = SchemaLocation(document: resourceRoot.document, pointer: JSONPointer(tokens: resourceRoot.pointer.tokens + pointer.tokens))
            guard index.value(at: location) != nil else { throw failure }
            return location
        }
        guard let anchored = index.anchors[resourceURI + "#" + fragment] else { throw failure }
        return anchored
    }

    /// True when `location` carries `$dynamicAnchor: name` (the condition for dynamic resolution).
    func hasDynamicAnchor(_ name: String, at location: SchemaLocation) -> Bool {
        guard let scope = index.scope(at: location) else { return false }
        return index.dynamicAnchors[scope.resourceRoot]?[name] == location
    }

    func pattern(_ source: String, keyword: String, location: String) throws(SchemaCompilationError) -> RegexPattern {
        if let cached = patterns[source] { return cached }
        do {
            let compiled = try RegexPattern(ecmaScript: source)
            patterns[source] = compiled
            return compiled
        } catch {
            throw .invalidPattern(pattern: source, location: location + "/" + keyword, reason: error.reason)
        }
    }

    /// The vocabularies of the resource rooted at `root`, from its `$schema` or inherited.
    private func vocabularies(root: SchemaLocation) throws(SchemaCompilationError) -> VocabularySet {
        if let known = vocabulariesByRoot[root] { return known }
        let result: VocabularySet
        if case .object(let object) = index.value(at: root), case .string(let metaSchema) = object["$schema"],
           let scope = index.scope(at: root) {
            result = try vocabularies(metaSchema: metaSchema, base: scope.baseURI, location: scope.absoluteLocation)
        } else if let parent = enclosingResourceRoot(of: root) {
            result = try vocabularies(root: parent)
        } else {
            result = .standard
        }
        vocabulariesByRoot[root] = result
        return result
    }

    private func enclosingResourceRoot(of root: SchemaLocation) -> SchemaLocation? {
        var tokens = root.pointer.tokens
        while !tokens.isEmpty {
            tokens.removeLast()
            if let scope = index.scopes[SchemaLocation(document: root.document, pointer: JSONPointer(tokens: tokens))] {
                return scope.resourceRoot
            }
        }
        return nil
    }

    private func vocabularies(metaSchema: String, base: URIReference, location: String) throws(SchemaCompilationError) -> VocabularySet {
        let uri = URIReference(metaSchema).resolved(against: base).withoutFragment.description
        if VocabularySet.standardMetaSchemaURIs.contains(uri) { return .standard }
        if VocabularySet.otherDraftMetaSchemaPrefixes.contains(where: { uri.hasPrefix($0) }) {
            throw .unsupportedMetaSchema(uri: metaSchema, location: location,
                                         reason: "this validator implements draft 2020-12; set $schema to https://json-schema.org/draft/2020-12/schema")
        }
        guard let document = registry.document(at: uri) else {
            throw .unsupportedMetaSchema(uri: metaSchema, location: location,
                                         reason: "the meta-schema is not registered; register it in the SchemaRegistry")
        }
        guard case .object(let declared) = document["$vocabulary"] else { return .standard }
        var result: VocabularySet = .core
        for (vocabularyURI, isRequired) in declared {
            if let known = VocabularySet.byURI[vocabularyURI] {
                result.insert(known)
            } else if isRequired == .bool(true) {
                throw .unknownRequiredVocabulary(uri: vocabularyURI, metaSchema: uri)
            }
        }
        return result
    }
}
