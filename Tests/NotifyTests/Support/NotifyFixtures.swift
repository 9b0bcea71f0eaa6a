import Foundation
import SyncKit
import TestSupport

/// The results fixtures beside these tests (`Tests/NotifyTests/Fixtures/`).
enum NotifyFixtures {
    static let all = ["all-unchanged", "mixed", "drift-only", "huge"]

    static func url(_ name: String) -> URL {
        RepositoryFiles.root.appendingPathComponent("Tests/NotifyTests/Fixtures/\(name).json")
    }

    static func results(_ name: String) throws -> SyncResults {
        try SyncResults.load(url(name), shownAs: "\(name).json")
    }

    /// Every delivered target of `mixed`, with failures, conflicts, blocked rules and drift removed.
    static func successOnly() throws -> SyncResults {
        var results = try results("mixed")
        results.targets = results.targets.filter { $0.status == .opened || $0.status == .updated || $0.status == .unchanged }
        results.blockedRules = []
        results.drift = []
        return results
    }
}
