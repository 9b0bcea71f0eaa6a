import Delivery
import Foundation
import SyncCore
import SyncKit
import Testing

/// The checks re-run on a reverted state, on content given directly.
@Suite("rollback validation")
struct RollbackValidationTests {
    @Test("broken links and unparsable JSON fail their checks; a file that differs from the restored state is drift that comes back, a warning")
    func failures() throws {
        let good = Data("# Guide\n\nSee [the index](index.md#usage).\n".utf8)
        let restored = [
            "docs/guide.md": Data("# Guide\n\nSee [missing](gone.md) and [the index](index.md#usage).\n".utf8),
            "docs/index.md": Data("# Index\n\n## Usage\n".utf8),
            "docs/data.json": Data("{\"a\": 1,}".utf8),
        ]
        let state = SyncState(rule: "r", version: "v1.0.0", sourceRepository: "org/up", sourceCommit: nil, syncedAt: "2026-11-01T00:00:00Z", files: [
            "docs/guide.md": .init(sha256: Checksum.sha256Hex(good), upstreamSHA256: "", gitBlob: "", rule: "r", version: "v1.0.0", sourceCommit: nil, syncedAt: ""),
        ])
        let checks = RollbackValidation.run(restored: restored, tree: Set(restored.keys), state: (state, restored))
        #expect(checks.map(\.check) == [.checksum, .linkIntegrity, .schemaCheck])
        #expect(checks.map(\.status) == [.warn, .fail, .fail])
        #expect(checks[1].findings == ["docs/guide.md:3:5: gone.md: docs/gone.md does not exist in the target after the sync"])
        #expect(checks[2].findings.count == 1 && checks[2].findings[0].hasPrefix("docs/data.json:1:"))
        #expect(checks[0].findings[0].hasPrefix("docs/guide.md: sha256 "))
        #expect(checks[0].findings[0].contains("edited downstream before this sync (drift)"))
        let listedButGone = RollbackValidation.run(restored: [:], tree: [], state: (state, [:]))
        #expect(listedButGone[0].status == .fail)
    }

    @Test("a clean reverted state passes every check, and a state-less one skips the checksum")
    func passes() {
        let restored = ["a.md": Data("# A\n\n[b](b.md)\n".utf8), "b.md": Data("# B\n".utf8), "c.yaml": Data("k: v\n".utf8)]
        let checks = RollbackValidation.run(restored: restored, tree: Set(restored.keys), state: nil)
        #expect(checks.map(\.status) == [.skipped, .pass, .pass])
    }
}
