import Foundation
import SyncCore
import SyncKit
import TestSupport
import Testing

/// The plan artifact as the next job reads it: written once, read only when it is this version's
/// and untouched, its blobs handed out only when their bytes are what their names say.
@Suite("plan artifact")
struct PlanArtifactTests {
    static let planJSON = """
        {"format":"flash-sync-plan/1","version":"v1.0.0","tag":"v1.0.0","source_repository":"example-org/upstream","source":"example-org/upstream",
         "event":"release","mode":"full","force":false,"namespace":"agent33","source_root":".","created_at":"2026-11-01T09:00:00Z",
         "targets":[],"skipped_rules":[],"notes":[]}
        """

    static func plan() throws -> Plan { try JSONDecoder().decode(Plan.self, from: Data(planJSON.utf8)) }

    @Test("what is written reads back as the same plan, with its blobs beside it under their SHA-256")
    func roundTrip() throws {
        let folder = try TemporaryDirectory("plan-artifact")
        let content = Data("# Prompt\n".utf8)
        let sha = Checksum.sha256Hex(content)
        let artifact = try PlanArtifact.write(try Self.plan(), blobs: [sha: content], into: folder.url) { $0 }
        #expect(artifact.planFile.lastPathComponent == "plan.json")
        #expect(artifact.blobsFolder == folder.url.appendingPathComponent("blobs"))
        #expect(try PlanArtifact(planFile: artifact.planFile).read() == (try Self.plan()))
        #expect(artifact.blob(sha) == content)
    }

    @Test("a name that is not a SHA-256 (a path out of the store) and a missing blob are never read; an edited blob is read as it is, for the checksum check to name")
    func blobsAreChecked() throws {
        let folder = try TemporaryDirectory("plan-artifact")
        let content = Data("synced\n".utf8)
        let sha = Checksum.sha256Hex(content)
        let artifact = try PlanArtifact.write(try Self.plan(), blobs: [sha: content], into: folder.url) { $0 }
        try Data("synced, then edited\n".utf8).write(to: artifact.blobsFolder.appendingPathComponent(sha))
        #expect(artifact.blob(sha) == Data("synced, then edited\n".utf8))
        try folder.write("secret.txt", "outside the store\n")
        #expect(artifact.blob("../secret.txt") == nil)
        #expect(artifact.blob(String(repeating: "0", count: 64)) == nil)
    }

    @Test("a missing file, one that is not a plan, another format and an edited entry are each refused with the path and what to do")
    func refusals() throws {
        let folder = try TemporaryDirectory("plan-artifact")
        let missing = folder.url.appendingPathComponent("nowhere/plan.json").path
        #expect(throws: PlanArtifactError.missing(missing)) { try PlanArtifact(planFile: URL(fileURLWithPath: missing)).read() }
        #expect(PlanArtifactError.missing(missing).description.contains("run plan-sync first"))

        let garbage = try folder.write("garbage.json", "{\"format\": 1}")
        #expect { try PlanArtifact(planFile: garbage).read() } throws: { error in
            guard case .unreadable(let path, _) = error as? PlanArtifactError else { return false }
            return path == garbage.path
        }

        let future = try folder.write("future.json", Self.planJSON.replacingOccurrences(of: "flash-sync-plan/1", with: "flash-sync-plan/9"))
        #expect(throws: PlanArtifactError.format(future.path, found: "flash-sync-plan/9")) { try PlanArtifact(planFile: future).read() }

        let edited = try folder.write("edited.json", Self.planJSON.replacingOccurrences(
            of: #""targets":[]"#,
            with: #""targets":[{"repository":"../../etc","rules":[]}]"#))
        #expect { try PlanArtifact(planFile: edited).read() } throws: { error in
            guard case .tampered(let path, let problems) = error as? PlanArtifactError else { return false }
            return path == edited.path && !problems.isEmpty
        }
    }
}
