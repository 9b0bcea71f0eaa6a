/// A position inside one of the documents a compilation has loaded.
struct SchemaLocation: Hashable, Sendable {
    var document: Int
    var pointer: JSONPointer
}

/// What is known about a schema position: the base URI in effect there and where its
/// enclosing schema resource starts.
struct SchemaScope: Sendable {
    /// Absolute base URI (no fragment) of the enclosing resource.
    var baseURI: URIReference
    /// Location of the enclosing resource's root schema.
    var resourceRoot: SchemaLocation
    /// Pointer from the resource root to this position.
    var pointerInResource: JSONPointer

    /// Absolute URI naming this position, e.g. `https://x/s.json#/properties/a`.
    var absoluteLocation: String {
        baseURI.description + "#" + pointerInResource.description
    }
}

/// Identifiers found by walking schema documents: resources by `$id`, `$anchor`s,
/// `$dynamicAnchor`s, and the scope of every schema position (RFC 3986 base URIs).
struct SchemaIndex {
    private(set) var documents: [JSONValue] = []
    /// Resource URI (no fragment) to the resource root.
    private(set) var resources: [String: SchemaLocation] = [:]
    /// "resourceURI#name" to the schema carrying `$anchor` or `$dynamicAnchor` `name`.
    private(set) var anchors: [String: SchemaLocation] = [:]
    /// Resource root to its `$dynamicAnchor` names and their schemas.
    private(set) var dynamicAnchors: [SchemaLocation: [String: SchemaLocation]] = [:]
    private(set) var scopes: [SchemaLocation: SchemaScope] = [:]

    /// Keywords whose value is one subschema.
    static let singleSubschemaKeywords: Set<String> = [
        "additionalProperties", "items", "contains", "propertyNames", "not", "if", "then", "else",
        "unevaluatedItems", "unevaluatedProperties", "contentSchema",
    ]
    /// Keywords whose value is an array of subschemas.
    static let subschemaArrayKeywords: Set<String> = ["prefixItems", "allOf", "anyOf", "oneOf"]
    /// Keywords whose value is an object of subschemas.
    static let subschemaMapKeywords: Set<String> = ["$defs", "properties", "patternProperties", "dependentSchemas"]

    /// Adds a document retrieved from `uri` and indexes every identifier inside it.
    mutating func addDocument(_ document: JSONValue, retrievedFrom uri: URIReference) -> SchemaLocation {
        documents.append(document)
        let root = SchemaLocation(document: documents.count - 1, pointer: JSONPointer())
        resources[uri.withoutFragment.description] = root
        walk(document, at: root, base: uri.withoutFragment, resourceRoot: root, pointerInResource: JSONPointer())
        return root
    }

    func value(at location: SchemaLocation) -> JSONValue? {
        location.pointer.resolve(in: documents[location.document])
    }

    /// The scope of a position; positions the walk did not reach (inside unknown keywords)
    /// are indexed on demand from their nearest indexed ancestor.
    mutating func scope(at location: SchemaLocation) -> SchemaScope? {
        if let known = scopes[location] { return known }
        var ancestorTokens = location.pointer.tokens
        while !ancestorTokens.isEmpty {
            ancestorTokens.removeLast()
            let ancestor = SchemaLocation(document: location.document, pointer: JSONPointer(tokens: ancestorTokens))
            guard let ancestorScope = scopes[ancestor] else { continue }
            guard let value = value(at: location) else { return nil }
            let extraTokens = location.pointer.tokens[ancestorTokens.count...]
            let pointerInResource = JSONPointer(tokens: ancestorScope.pointerInResource.tokens + extraTokens)
            walk(value, at: location, base: ancestorScope.baseURI, resourceRoot: ancestorScope.resourceRoot,
                 pointerInResource: pointerInResource)
            return scopes[location]
        }
        return nil
    }

    private mutating func walk(
        _ schema: JSONValue, at location: SchemaLocation, base: URIReference,
        resourceRoot: SchemaLocation, pointerInResource: JSONPointer
    ) {
        guard case .object(let object) = schema else {
            if scopes[location] == nil {
                scopes[location] = SchemaScope(baseURI: base, resourceRoot: resourceRoot, pointerInResource: pointerInResource)
            }
            return
        }
        var base = base
        var resourceRoot = resourceRoot
        var pointerInResource = pointerInResource
        if case .string(let identifier) = object["$id"] {
            base = URIReference(identifier).resolved(against: base).withoutFragment
            resourceRoot = location
            pointerInResource = JSONPointer()
            resources[base.description] = location
        }
        scopes[location] = SchemaScope(baseURI: base, resourceRoot: resourceRoot, pointerInResource: pointerInResource)
        if case .string(let name) = object["$anchor"] {
            anchors[base.description + "#" + name] = location
        }
        if case .string(let name) = object["$dynamicAnchor"] {
            anchors[base.description + "#" + name] = location
            dynamicAnchors[resourceRoot, default: [:]][name] = location
        }
        for (keyword, value) in object {
            let keywordLocation = location.pointer.appending(keyword)
            let keywordInResource = pointerInResource.appending(keyword)
            if Self.singleSubschemaKeywords.contains(keyword) {
                walk(value, at: SchemaLocation(document: location.document, pointer: keywordLocation), base: base,
                     resourceRoot: resourceRoot, pointerInResource: keywordInResource)
            } else if Self.subschemaArrayKeywords.contains(keyword), case .array(let elements) = value {
                for (position, element) in elements.enumerated() {
                    walk(element, at: SchemaLocation(document: location.document, pointer: keywordLocation.appending(position)),
                         base: base, resourceRoot: resourceRoot, pointerInResource: keywordInResource.appending(position))
                }
            } else if Self.subschemaMapKeywords.contains(keyword), case .object(let members) = value {
                for (name, member) in members {
                    walk(member, at: SchemaLocation(document: location.document, pointer: keywordLocation.appending(name)),
                         base: base, resourceRoot: resourceRoot, pointerInResource: keywordInResource.appending(name))
                }
            }
        }
    }
}
