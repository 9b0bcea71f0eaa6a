import Foundation

/// Files of this repository (examples, schemas, goldens, the committed fixtures), found from this
/// source file's own path: `<root>/Tests/TestSupport/RepositoryFiles.swift`.
package enum RepositoryFiles {
    /// The folder holding Package.swift.
    package static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent() // TestSupport
        .deletingLastPathComponent() // Tests
        .deletingLastPathComponent()

    /// A file or folder of the repository, by its path relative to the root.
    package static func url(_ relative: String) -> URL {
        root.appendingPathComponent(relative)
    }

    /// The bytes of a repository file; a missing or unreadable one throws a `FixtureError` that names it.
    package static func data(_ relative: String) throws -> Data {
        let file = url(relative)
        do {
            return try Data(contentsOf: file)
        } catch {
            throw FixtureError.unreadable(file.path, reason: error.localizedDescription, fix: "check out the repository again (git status shows what is missing)")
        }
    }

    /// A JSON repository file decoded as `type`; a file that does not decode throws naming it.
    package static func decode<Value: Decodable>(_ type: Value.Type, from relative: String) throws -> Value {
        let bytes = try data(relative)
        do {
            return try JSONDecoder().decode(type, from: bytes)
        } catch {
            throw FixtureError.malformed(url(relative).path, reason: String(describing: error))
        }
    }
}
