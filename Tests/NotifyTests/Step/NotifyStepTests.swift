import Foundation
import StepTestSupport
import Steps
import TestSupport
import Testing

@Suite("notify step: channels, quiet runs, dry run, secrets", .serialized)
struct NotifyStepTests {
    static let token = "ghp_" + String(repeating: "N7", count: 18)
    static let webhookPath = "/services/T0NOTIFY/B0NOTIFY/k3yPartOfTheWebhookUrl99"

    /// A Slack stand-in that checks Slack's limits, and GitHub with the upstream repository.
    struct Peers {
        let slack: LoopbackServer
        let github: FakeGitHub

        static func start() async throws -> Peers {
            let slack = try await LoopbackServer { request in
                guard request.path == NotifyStepTests.webhookPath else { return .init(status: 404, body: Data("no_service".utf8)) }
                return SlackPayloadCheck.problems(request.body).isEmpty ? .init(status: 200, body: Data("ok".utf8)) : .init(status: 400, body: Data("invalid_blocks".utf8))
            }
            let github = try await FakeGitHub(token: NotifyStepTests.token, repositories: ["example-org/agent33": .init()])
            return Peers(slack: slack, github: github)
        }

        var webhook: String { slack.baseURL + NotifyStepTests.webhookPath }

        func stop() async {
            await slack.stop()
            await github.server.stop()
        }
    }

    func harness(_ peers: Peers, smtp: SMTPTestServer? = nil, results: String = "mixed") throws -> (StepHarness, [String]) {
        var environment = ["SLACK_WEBHOOK": peers.webhook, "GITHUB_TOKEN": Self.token, "GITHUB_API_URL": peers.github.apiURL]
        var arguments = ["--results", NotifyFixtures.url(results).path, "--timeout", "5"]
        if smtp != nil { environment["NOTIFICATION_EMAIL"] = "team@example.com" }
        let harness = try StepHarness(environment: environment)
        if let smtp {
            let ca = try harness.directory.write("ca.pem", try SMTPTestServer.certificate.pem)
            arguments += [
                "--smtp-host", "127.0.0.1", "--smtp-port", String(smtp.port), "--smtp-security", "starttls",
                "--smtp-username", SMTPTestServer.username, "--smtp-password", SMTPTestServer.password,
                "--smtp-from", "flash-sync <sync@example.com>", "--smtp-ca-file", ca.path,
            ]
        }
        return (harness, arguments)
    }

    @Test("a mixed run reaches Slack, email and the status issue, and the summary lists each channel")
    func allChannels() async throws {
        let peers = try await Peers.start()
        let smtp = try SMTPTestServer(mode: .starttls)
        let (harness, arguments) = try harness(peers, smtp: smtp)
        let result = try await harness.run(NotifyStep.self, arguments)
        await peers.stop()
        #expect(result.status == 0, "\(result.log)")
        #expect(result.output("sent") == "slack,email,github-issue")
        #expect(result.output("events") == "failure,conflict,drift,success")
        #expect(peers.slack.requests.count == 1)
        #expect(try smtp.messages().count == 1)
        let issues = peers.github.issues(in: "example-org/agent33")
        #expect(issues.count == 1)
        #expect(issues.first?.labels == ["agent33-sync-status"])
        #expect(issues.first?.body.contains("[PR #7](https://github.com/example-org/ml-pipeline/pull/7)") == true)
        #expect(result.summary.contains("| slack | ✅ sent |"))
        #expect(result.summary.contains("| email | ✅ sent | 1 recipient via 127.0.0.1:\(smtp.port) (TLS, authenticated) |"))
        #expect(result.summary.contains("| github-issue | ✅ sent | created example-org/agent33#1"))
    }

    @Test("the status issue is created once, then edited: a second run leaves one issue")
    func issueEdited() async throws {
        let peers = try await Peers.start()
        peers.github.addIssue(.init(number: 5, title: "a pull request with the label", labels: ["agent33-sync-status"], isPullRequest: true), in: "example-org/agent33")
        let (harness, arguments) = try harness(peers)
        #expect(try await harness.run(NotifyStep.self, arguments).status == 0)
        let second = try await harness.run(NotifyStep.self, ["--results", NotifyFixtures.url("drift-only").path])
        await peers.stop()
        #expect(second.status == 0, "\(second.log)")
        let issues = peers.github.issues(in: "example-org/agent33").filter { !$0.isPullRequest }
        #expect(issues.count == 1)
        #expect(issues.first?.body.contains("🌊 Drift (2)") == true)
        #expect(issues.first?.body.contains("Failed") == false)
        #expect(second.summary.contains("updated example-org/agent33#6"))
        let methods = peers.github.server.requests.map { "\($0.method) \($0.path)" }
        #expect(methods == ["GET /repos/example-org/agent33/issues", "POST /repos/example-org/agent33/issues",
                            "GET /repos/example-org/agent33/issues", "PATCH /repos/example-org/agent33/issues/6"])
        #expect(peers.github.server.requests.first?.query["labels"] == "agent33-sync-status")
        #expect(peers.github.server.requests.first?.query["state"] == "open")
    }

    @Test("a run where nothing changed sends nothing and says so")
    func quiet() async throws {
        let peers = try await Peers.start()
        let (harness, arguments) = try harness(peers, results: "all-unchanged")
        let result = try await harness.run(NotifyStep.self, arguments + ["--on", "all"])
        await peers.stop()
        #expect(result.status == 0)
        #expect(result.output("sent") == "")
        #expect(result.output("events") == "")
        #expect(result.log.contains("Nothing changed in v2.4.0: 2 unchanged, 1 skipped; nothing blocked, no drift. No notification sent."))
        #expect(peers.slack.requests.isEmpty && peers.github.server.requests.isEmpty)
    }

    @Test("plain success is quiet by default and notifies with on: success")
    func successPolicy() async throws {
        let peers = try await Peers.start()
        let (harness, arguments) = try harness(peers)
        let file = try harness.directory.write("success.json", String(decoding: try NotifyFixtures.successOnly().encoded(), as: UTF8.self))
        let base = ["--results", file.path] + arguments.dropFirst(2)
        let quiet = try await harness.run(NotifyStep.self, base)
        #expect(quiet.output("sent") == "")
        #expect(quiet.log.contains("events (success) are not among `on` (failure, conflict, drift)"))
        #expect(peers.slack.requests.isEmpty)
        let loud = try await harness.run(NotifyStep.self, base + ["--on", "success", "--github-issue", "false"])
        await peers.stop()
        #expect(loud.output("sent") == "slack")
        #expect(peers.slack.requests.count == 1)
    }

    @Test("a failed channel fails the step but the other channels still get the news")
    func channelFailure() async throws {
        let peers = try await Peers.start()
        var (harness, arguments) = try harness(peers)
        harness.environment["SLACK_WEBHOOK"] = peers.slack.baseURL + "/services/T0/B0/gone"
        let result = try await harness.run(NotifyStep.self, arguments)
        await peers.stop()
        #expect(result.status == 1)
        #expect(result.output("sent") == "github-issue")
        #expect(result.log.contains("Slack refused the message (404 no_service)"))
        let log = result.log.split(separator: "\n").filter { !$0.hasPrefix("::add-mask::") }.joined(separator: "\n")
        #expect(!log.contains("/services/T0/B0/gone"))
    }

    @Test("dry run writes every channel's notification and sends nothing")
    func dryRun() async throws {
        let peers = try await Peers.start()
        let (harness, arguments) = try harness(peers, results: "huge")
        let result = try await harness.run(NotifyStep.self, arguments + ["--dry-run", "--output-dir", "rendered"])
        await peers.stop()
        #expect(result.status == 0, "\(result.log)")
        #expect(peers.slack.requests.isEmpty && peers.github.server.requests.isEmpty)
        let folder = harness.workingDirectory.appendingPathComponent("rendered")
        #expect(result.output("rendered") == folder.path)
        for name in ["slack.json", "email.eml", "email.txt", "email.html", "issue.md"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path), "\(name)")
        }
        #expect(SlackPayloadCheck.problems(try Data(contentsOf: folder.appendingPathComponent("slack.json"))) == [])
        #expect(try Data(contentsOf: folder.appendingPathComponent("issue.md")).count <= 65_536)
        let eml = try String(contentsOf: folder.appendingPathComponent("email.eml"), encoding: .utf8)
        #expect(eml.contains("To: undisclosed-recipients:;\r\n"))
    }

    @Test("a results file that does not exist is a configuration error naming it")
    func missingResults() async throws {
        let harness = try StepHarness()
        let result = try await harness.run(NotifyStep.self, ["--results", "nowhere/results.json"])
        #expect(result.status == 2)
        #expect(result.log.contains("Cannot read the sync results file nowhere/results.json"))
    }

    @Test("email without smtp-host is a configuration error before anything is sent")
    func emailWithoutHost() async throws {
        let peers = try await Peers.start()
        var (harness, arguments) = try harness(peers)
        harness.environment["NOTIFICATION_EMAIL"] = "team@example.com"
        let result = try await harness.run(NotifyStep.self, arguments)
        await peers.stop()
        #expect(result.status == 2)
        #expect(result.log.contains("email needs smtp-host and smtp-from"))
        #expect(peers.slack.requests.isEmpty)
    }
}
