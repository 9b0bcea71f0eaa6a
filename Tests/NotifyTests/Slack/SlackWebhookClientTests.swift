import Forge
import Foundation
import Notify
import TestSupport
import Testing

/// Records the waits the client asks for instead of sleeping.
final class SleepRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var waits: [Double] = []
    var recorded: [Double] { lock.withLock { waits } }
    var sleep: @Sendable (Double) async -> Void { { [self] seconds in lock.withLock { waits.append(seconds) } } }
}

@Suite("Slack webhook client against a real HTTP server on 127.0.0.1")
struct SlackWebhookClientTests {
    static let path = "/services/T0TEST/B0TEST/abcdefghijklmnopqrstuvwx"

    /// A Slack stand-in: answers from `script` in turn (then 200 ok), and 400 invalid_blocks
    /// whenever the payload breaks a limit.
    func slack(_ script: [LoopbackServer.Reply]) async throws -> LoopbackServer {
        let replies = ReplyScript(script)
        return try await LoopbackServer { request in
            guard request.method == "POST", request.path == Self.path else { return .init(status: 404, body: Data("no_service".utf8)) }
            guard request.headers["content-type"]?.hasPrefix("application/json") == true else { return .init(status: 400, body: Data("invalid_payload".utf8)) }
            if !SlackPayloadCheck.problems(request.body).isEmpty { return .init(status: 400, body: Data("invalid_blocks".utf8)) }
            return replies.next() ?? .init(status: 200, body: Data("ok".utf8))
        }
    }

    func message(_ name: String = "mixed") throws -> SlackMessage {
        SlackMessageRenderer.render(SyncDigest(try NotifyFixtures.results(name)))
    }

    @Test("the 500-target message is accepted by a server that checks Slack's limits")
    func acceptsHuge() async throws {
        let server = try await slack([])
        let client = try SlackWebhookClient(webhookURL: server.baseURL + Self.path)
        let attempts = try await client.post(try message("huge"))
        await server.stop()
        #expect(attempts == 1)
        let body = try #require(server.requests.first?.body)
        #expect(SlackPayloadCheck.problems(body) == [])
    }

    @Test("a webhook that redirects (even to itself) gets one request and a clear error; no redirect is followed")
    func redirectsAreNotFollowed() async throws {
        let server = try await LoopbackServer { _ in .init(status: 301, headers: ["Location": Self.path], body: Data()) }
        let client = try SlackWebhookClient(webhookURL: server.baseURL + Self.path, effects: HTTPEffects(sleep: SleepRecorder().sleep))
        let payload = try message()
        do {
            _ = try await client.post(payload)
            Issue.record("a redirect was taken for success")
        } catch {
            #expect(error == .redirected(status: 301))
            #expect(error.description.contains("follows no redirect"))
            #expect(!error.description.contains(Self.path))
        }
        await server.stop()
        #expect(server.requests.count == 1)
    }

    @Test("429 waits what Retry-After says, then succeeds")
    func retryAfter() async throws {
        let server = try await slack([.init(status: 429, headers: ["Retry-After": "7"], body: Data("rate_limited".utf8))])
        let sleeper = SleepRecorder()
        let client = try SlackWebhookClient(webhookURL: server.baseURL + Self.path, effects: HTTPEffects(sleep: sleeper.sleep))
        let attempts = try await client.post(try message())
        await server.stop()
        #expect(attempts == 2)
        #expect(sleeper.recorded == [7])
        #expect(server.requests.count == 2)
    }

    @Test("a Retry-After beyond the ceiling fails at once instead of stalling the job")
    func retryAfterTooLong() async throws {
        let server = try await slack([.init(status: 429, headers: ["Retry-After": "3600"])])
        let sleeper = SleepRecorder()
        let client = try SlackWebhookClient(webhookURL: server.baseURL + Self.path, policy: .init(maxRetryAfter: 60), effects: HTTPEffects(sleep: sleeper.sleep))
        await #expect(throws: SlackError.rateLimited(retryAfter: 3600, attempts: 1)) { try await client.post(try message()) }
        await server.stop()
        #expect(sleeper.recorded.isEmpty)
    }

    @Test("500s are retried with back-off and give up after the bounded number of attempts")
    func serverErrors() async throws {
        let server = try await slack(Array(repeating: .init(status: 500, body: Data("internal_error".utf8)), count: 10))
        let sleeper = SleepRecorder()
        let client = try SlackWebhookClient(webhookURL: server.baseURL + Self.path, policy: .init(maxAttempts: 3, baseDelay: 1), effects: HTTPEffects(sleep: sleeper.sleep))
        await #expect(throws: SlackError.server(status: 500, text: "internal_error", attempts: 3)) { try await client.post(try message()) }
        await server.stop()
        #expect(server.requests.count == 3)
        #expect(sleeper.recorded == [1, 2])
    }

    @Test("a 503 followed by 200 is a success on the second attempt")
    func transient() async throws {
        let server = try await slack([.init(status: 503)])
        let client = try SlackWebhookClient(webhookURL: server.baseURL + Self.path, effects: HTTPEffects(sleep: SleepRecorder().sleep))
        #expect(try await client.post(try message()) == 2)
        await server.stop()
    }

    @Test("400 invalid_blocks is a failure at once, with Slack's error text and what to do")
    func invalidBlocks() async throws {
        let server = try await slack([])
        let client = try SlackWebhookClient(webhookURL: server.baseURL + Self.path, effects: HTTPEffects(sleep: SleepRecorder().sleep))
        let broken = SlackMessage(text: "x", blocks: Array(repeating: .section("too many"), count: 51))
        await #expect(throws: SlackError.rejected(status: 400, text: "invalid_blocks")) { try await client.post(broken) }
        await server.stop()
        #expect(server.requests.count == 1)
        #expect(SlackError.rejected(status: 400, text: "invalid_blocks").description.contains("Slack refused the message (400 invalid_blocks)"))
    }

    @Test("a removed webhook (404 no_service) fails without quoting the webhook URL")
    func noService() async throws {
        let server = try await slack([])
        let url = server.baseURL + "/services/T0/B0/zz9WebhookKeyPart"
        let client = try SlackWebhookClient(webhookURL: url, effects: HTTPEffects(sleep: SleepRecorder().sleep))
        let slackMessage = try message()
        do throws(SlackError) {
            try await client.post(slackMessage)
            Issue.record("a 404 must fail")
        } catch {
            #expect(error == .rejected(status: 404, text: "no_service"))
            #expect(!error.description.contains(url))
            #expect(!error.description.contains("zz9WebhookKeyPart"))
        }
        await server.stop()
    }

    @Test("a refused connection is retried, then reported")
    func unreachable() async throws {
        let server = try await slack([])
        let url = server.baseURL + Self.path
        await server.stop()
        let client = try SlackWebhookClient(webhookURL: url, policy: .init(maxAttempts: 2, timeout: 2), effects: HTTPEffects(sleep: SleepRecorder().sleep))
        await #expect(throws: SlackError.self) { try await client.post(try message()) }
    }
}

/// Replies handed out in order, shared by the server's concurrent handlers.
final class ReplyScript: @unchecked Sendable {
    private let lock = NSLock()
    private var replies: [LoopbackServer.Reply]

    init(_ replies: [LoopbackServer.Reply]) {
        self.replies = replies
    }

    func next() -> LoopbackServer.Reply? {
        lock.withLock { replies.isEmpty ? nil : replies.removeFirst() }
    }
}
