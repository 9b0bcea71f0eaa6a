import Foundation
import Steps
import TestSupport
import Testing

@Suite("No token, password or webhook URL in any notification", .serialized)
struct NotifyLeakTests {
    @Test("secrets inside the results reach no channel, log, summary, output or file")
    func noLeak() async throws {
        let peers = try await NotifyStepTests.Peers.start()
        let smtp = try SMTPTestServer(mode: .starttls)
        let (base, arguments) = try NotifyStepTests().harness(peers, smtp: smtp)
        var harness = base
        harness.environment["FLASH_SYNC_REPLAY_DIR"] = "replays"
        let webhook = peers.webhook
        let secrets = [NotifyStepTests.token, webhook, NotifyStepTests.webhookPath, SMTPTestServer.password, "team@example.com"]

        // A careless upstream step put every secret in the results.
        var results = try NotifyFixtures.results("mixed")
        results.targets[3].message = "push failed with token \(NotifyStepTests.token) posting to \(webhook) as team@example.com"
        results.blockedRules[0].reason = "secret check: \(SMTPTestServer.password) found in core/config.md"
        results.drift[0].files.append("leaked/\(NotifyStepTests.token).md")
        let file = try harness.directory.write("leaky.json", String(decoding: try results.encoded(), as: UTF8.self))
        let run = try await harness.run(NotifyStep.self, ["--results", file.path] + arguments.dropFirst(2))
        await peers.stop()
        #expect(run.status == 0, "\(run.log)")
        #expect(run.output("sent") == "slack,email,github-issue")

        var carried: [(String, Data)] = peers.slack.requests.map { ("slack request", $0.body) }
        carried += peers.github.server.requests.filter { $0.method != "GET" }.map { ("github request", $0.body) }
        carried.append(("email", try smtp.rawMessage(1)))
        carried += try harness.directory.allFileContents().filter { !$0.path.hasSuffix("leaky.json") && !$0.path.hasSuffix("ca.pem") }.map { ($0.path, $0.data) }
        let log = run.log.split(separator: "\n").filter { !$0.hasPrefix("::add-mask::") }.joined(separator: "\n")
        carried.append(("log", Data(log.utf8)))
        carried.append(("summary", Data(run.summary.utf8)))
        carried += run.outputs.map { ("output \($0.key)", Data($0.value.utf8)) }
        for (place, data) in carried {
            for secret in secrets where place != "email" || secret != "team@example.com" {
                #expect(data.range(of: Data(secret.utf8)) == nil, "\(place) carries a secret")
            }
        }
        let email = String(decoding: try smtp.rawMessage(1), as: UTF8.self)
        #expect(email.contains("To: team@example.com\r\n"), "the recipient header is the only place the address belongs")
        let parts = try #require(try smtp.messages().first?.parts)
        #expect(parts.first?.content.contains("push failed with token *** posting to *** as ***") == true)
        for part in parts {
            for secret in secrets { #expect(!part.content.contains(secret), "the decoded \(part.contentType) part carries a secret") }
        }
    }
}
