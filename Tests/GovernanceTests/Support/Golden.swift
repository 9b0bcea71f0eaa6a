import Foundation
import TestSupport
import Testing

/// Golden files in Tests/GovernanceTests/Golden. `RECORD_SNAPSHOTS=1 swift test` rewrites them.
enum Golden {
    static func folder() -> URL {
        SharedFixtures.repositoryFile("Tests/GovernanceTests/Golden")
    }

    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder().appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: folder(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("golden file \(name) is missing: run RECORD_SNAPSHOTS=1 swift test --filter GovernanceTests", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        #expect(actual == expected, "output differs from Golden/\(name); if the change is intended, re-record with RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
    }
}
