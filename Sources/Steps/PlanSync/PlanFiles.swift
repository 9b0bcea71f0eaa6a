import Foundation
import SyncKit

/// Writes plan.json and its content-addressed blob store (`blobs/<sha256>`), each file atomically.
enum PlanFiles {
    /// `redact` masks the step's secrets in plan.json (the release notes are someone's text); the
    /// blobs are the synced content itself, which validate-sync's secret scan checks.
    static func write(_ output: Planner.Output, to directory: URL, redact: (Data) -> Data) throws -> URL {
        let manager = FileManager.default
        let blobs = directory.appendingPathComponent("blobs")
        try manager.createDirectory(at: blobs, withIntermediateDirectories: true)
        for (sha, data) in output.blobs {
            let url = blobs.appendingPathComponent(sha)
            if !manager.fileExists(atPath: url.path) { try data.write(to: url, options: .atomic) }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let url = directory.appendingPathComponent("plan.json")
        try redact(encoder.encode(output.plan)).write(to: url, options: .atomic)
        return url
    }

    /// Reads a plan written by `write`, with the blob store beside it.
    static func read(_ url: URL) throws -> Plan {
        try JSONDecoder().decode(Plan.self, from: Data(contentsOf: url))
    }
}
