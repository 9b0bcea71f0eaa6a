import SyncKit
import Foundation
import Testing

@Suite("Event payloads")
struct ActionsEventTests {
    @Test("a push lists the changed paths of all its commits once")
    func push() throws {
        let payload = #"{"ref":"refs/heads/main","before":"a","after":"b","repository":{"full_name":"org/up","default_branch":"main"},"commits":[{"id":"1","added":["core/a.md"],"modified":["core/b.md"],"removed":[]},{"id":"2","added":[],"modified":["core/a.md"],"removed":["core/c.md"]}]}"#
        guard case .push(let push) = try ActionsEvent.decode(name: "push", payload: Data(payload.utf8)) else {
            Issue.record("not a push")
            return
        }
        #expect(push.branch == "main")
        #expect(push.changedPaths == ["core/a.md", "core/b.md", "core/c.md"])
        #expect(push.repository?.defaultBranch == "main")
    }

    @Test("a published release gives its tag")
    func release() throws {
        let payload = #"{"action":"published","release":{"tag_name":"v2.4.0","name":"2.4.0","body":"notes","published_at":"2026-01-30T12:00:00Z","prerelease":false}}"#
        guard case .release(let release) = try ActionsEvent.decode(name: "release", payload: Data(payload.utf8)) else {
            Issue.record("not a release")
            return
        }
        #expect(release.isPublished)
        #expect(release.release.tagName == "v2.4.0")
    }

    @Test("workflow_dispatch inputs arrive as strings, whatever JSON type they had")
    func dispatch() throws {
        let payload = #"{"inputs":{"sync_mode":"full","force_sync":true,"target_repos":"org/a,org/b","count":3},"ref":"refs/heads/main"}"#
        guard case .workflowDispatch(let dispatch) = try ActionsEvent.decode(name: "workflow_dispatch", payload: Data(payload.utf8)) else {
            Issue.record("not a dispatch")
            return
        }
        #expect(dispatch.inputs == ["sync_mode": "full", "force_sync": "true", "target_repos": "org/a,org/b", "count": "3"])
    }

    @Test("schedule gives its cron line and other events keep their name")
    func scheduleAndOthers() throws {
        #expect(try ActionsEvent.decode(name: "schedule", payload: Data(#"{"schedule":"0 */4 * * 1-5"}"#.utf8)) == .schedule(ScheduleEvent(schedule: "0 */4 * * 1-5")))
        #expect(try ActionsEvent.decode(name: "issues", payload: nil) == .other(name: "issues"))
    }

    @Test("a broken payload is an error that names the event and the missing key")
    func broken() {
        #expect(throws: EventError.undecodable(event: "release", reason: "missing key 'release'")) {
            try ActionsEvent.decode(name: "release", payload: Data(#"{"action":"published"}"#.utf8))
        }
    }
}
