import Foundation

/// Schema documents known by URI, so `$ref` and `$schema` can reach other documents without
/// any network access. A URI is stored without its fragment; looking it up is by exact text
/// after RFC 3986 normalization of dot segments.
package struct SchemaRegistry: Sendable {
    private var documents: [String: JSONValue] = [:]

    package init() {}

    /// Number of registered documents.
    package var count: Int { documents.count }

    /// Registers `document` as the resource retrieved from the absolute URI `uri`.
    /// Embedded `$id`s inside the document become reachable once a schema refers to it.
    package mutating func register(_ document: JSONValue, at uri: String) throws(SchemaRegistryError) {
        let reference = URIReference(uri)
        guard reference.isAbsolute else { throw .relativeURI(uri) }
        documents[Self.key(for: reference)] = document
    }

    /// Registers every `*.json` file below `directory` (recursively) at `baseURI` plus its
    /// relative path: with base `http://localhost:1234/`, `dir/a/b.json` is served as
    /// `http://localhost:1234/a/b.json`. Returns how many files were registered.
    @discardableResult
    package mutating func registerFiles(in directory: URL, at baseURI: String) throws(SchemaRegistryError) -> Int {
        let base = URIReference(baseURI)
        guard base.isAbsolute else { throw .relativeURI(baseURI) }
        let root = directory.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: root) else {
            throw .unreadableFile(path: root, reason: "the directory does not exist or cannot be listed")
        }
        let relativePaths = enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".json") }.sorted()
        for relativePath in relativePaths {
            let path = root + "/" + relativePath
            guard let data = FileManager.default.contents(atPath: path) else {
                throw .unreadableFile(path: path, reason: "the file cannot be read")
            }
            let document: JSONValue
            do {
                document = try JSONParser.parse(utf8: Array(data), sourceName: path)
            } catch {
                throw .invalidJSON(error)
            }
            let uri = URIReference(relativePath).resolved(against: base)
            documents[Self.key(for: uri)] = document
        }
        return relativePaths.count
    }

    /// The document registered at `uri` (its fragment is ignored).
    package func document(at uri: String) -> JSONValue? {
        documents[Self.key(for: URIReference(uri))]
    }

    private static func key(for uri: URIReference) -> String {
        var normalized = uri.withoutFragment
        normalized.path = URIReference.removingDotSegments(normalized.path)
        return normalized.description
    }
}

/// Why a document could not be registered.
package enum SchemaRegistryError: Error, Sendable, CustomStringConvertible {
    case relativeURI(String)
    case unreadableFile(path: String, reason: String)
    case invalidJSON(JSONParseError)

    package var description: String {
        switch self {
        case .relativeURI(let uri):
            "cannot register a schema at the relative URI '\(uri)'; use an absolute URI such as https://example.com/schema.json"
        case .unreadableFile(let path, let reason):
            "cannot register schemas from \(path): \(reason)"
        case .invalidJSON(let error):
            "cannot register schema: \(error)"
        }
    }
}
