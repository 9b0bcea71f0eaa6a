import Foundation

/// The conformance data in `../shared/fixtures/`, beside the repository; read in place, never copied.
package enum SharedFixtures {
    /// The folder holding Package.swift, found from this file's path.
    package static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url.deleteLastPathComponent()
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    package static func url(_ relative: String) -> URL {
        packageRoot.deletingLastPathComponent().appendingPathComponent("shared/fixtures").appendingPathComponent(relative)
    }

    package static func data(_ relative: String) throws -> Data {
        try Data(contentsOf: url(relative))
    }

    /// A file of the repository itself (examples, schemas).
    package static func repositoryFile(_ relative: String) -> URL {
        packageRoot.appendingPathComponent(relative)
    }
}
