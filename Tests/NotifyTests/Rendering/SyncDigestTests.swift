import Notify
import Testing

@Suite("Digest: what a run means for people")
struct SyncDigestTests {
    @Test("each fixture raises the events it should", arguments: [
        ("all-unchanged", [NotificationEvent]()),
        ("mixed", [.failure, .conflict, .drift, .success]),
        ("drift-only", [.drift]),
        ("huge", [.failure, .conflict, .drift, .success]),
    ])
    func events(name: String, expected: [NotificationEvent]) throws {
        let digest = SyncDigest(try NotifyFixtures.results(name))
        #expect(digest.events.sorted() == expected)
        #expect(digest.isQuiet == expected.isEmpty)
    }

    @Test("sections come worst first and count every target")
    func sections() throws {
        let digest = SyncDigest(try NotifyFixtures.results("mixed"))
        #expect(digest.sections.map(\.kind) == [.failed, .conflicts, .blocked, .drift, .delivered, .skipped])
        #expect(digest.counts == "1 failed, 1 conflict, 1 blocked rule, 1 repository drifted, 2 delivered, 1 unchanged, 1 skipped")
        #expect(digest.subject.hasPrefix("❌ flash-sync v2.4.0 from example-org/agent33"))
        let conflict = try #require(digest.section(.conflicts)?.items.first)
        #expect(conflict.link?.url == "https://github.com/example-org/ml-pipeline/pull/7")
        #expect(conflict.details == ["docs/architecture.md lines 12–18", "docs/pipeline.md lines 40–52"])
    }

    @Test("a blocked target whose rule is already listed is not counted twice")
    func blockedOnce() throws {
        let digest = SyncDigest(try NotifyFixtures.results("mixed"))
        #expect(digest.section(.blocked)?.items.count == 1)
    }

    @Test("drifted files of a target this run wrote to join the drift report of their repository")
    func driftMerged() throws {
        var results = try NotifyFixtures.results("drift-only")
        results.targets[0].status = .updated
        let digest = SyncDigest(results)
        let webapp = try #require(digest.section(.drift)?.items.first { $0.subject == "example-org/webapp" })
        #expect(webapp.details == ["docs/agents/reviewer.md", "docs/agents/planner.md"])
        #expect(webapp.link?.label == "drift issue")
    }

    @Test("a re-run that changed nothing stays quiet, though its targets still carry open conflicts and drift")
    func rerunQuiet() throws {
        var results = try NotifyFixtures.results("mixed")
        results.targets = results.targets.map { target in
            var unchanged = target
            unchanged.status = .unchanged
            unchanged.driftedFiles = ["docs/agents/reviewer.md"]
            return unchanged
        }
        results.blockedRules = []
        results.drift = []
        let digest = SyncDigest(results)
        #expect(digest.isQuiet)
        #expect(digest.counts == "7 unchanged")
    }

    @Test("the on policy: default leaves plain success quiet", arguments: [
        (["failure", "conflict", "drift"], [NotificationEvent.success], [NotificationEvent]()),
        (["all"], [.success], [.success]),
        (["success"], [.failure, .success], [.success]),
        (["Failures", "CONFLICT"], [.conflict, .drift], [.conflict]),
    ])
    func policy(on: [String], events: [NotificationEvent], expected: [NotificationEvent]) throws {
        #expect(try NotificationPolicy(parsing: on).triggers(Set(events)) == expected)
    }

    @Test("an unknown event name is refused with the list of valid ones")
    func unknownEvent() {
        #expect(throws: NotificationPolicyError(name: "sucess")) { try NotificationPolicy(parsing: ["sucess"]) }
        #expect(NotificationPolicyError(name: "x").description.contains("failure, conflict, drift, success"))
    }
}
