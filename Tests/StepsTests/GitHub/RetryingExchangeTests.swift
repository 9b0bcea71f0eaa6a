import Forge
import Foundation
import Testing

/// The one retry layer under the GitHub and Slack clients, with the clock, the random draw and
/// the waits injected: what is sent, how often, and how long the client waits in between.
@Suite("Retrying exchange")
struct RetryingExchangeTests {
    /// Answers from a script, one per request, and counts the requests: the layer's contract is
    /// about how many sends it makes, which a scripted transport shows exactly.
    final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
        private let lock = NSLock()
        private var script: [Result<HTTPResponse, HTTPTransportError>]
        private var sent: [HTTPRequest] = []

        init(_ script: [Result<HTTPResponse, HTTPTransportError>]) { self.script = script }

        var requests: [HTTPRequest] { lock.withLock { sent } }

        func send(_ request: HTTPRequest) async throws(HTTPTransportError) -> HTTPResponse {
            let next: Result<HTTPResponse, HTTPTransportError> = lock.withLock {
                sent.append(request)
                return script.isEmpty ? .failure(.other("script ran out")) : script.removeFirst()
            }
            return try next.get()
        }
    }

    final class Waits: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Double] = []
        var recorded: [Double] { lock.withLock { values } }
        var sleep: @Sendable (Double) async -> Void { { [self] seconds in lock.withLock { values.append(seconds) } } }
    }

    struct Refused: Error, Equatable { var attempt: Int }

    static func answer(_ status: Int, headers: [String: String] = [:], body: String = "{}") -> Result<HTTPResponse, HTTPTransportError> {
        .success(HTTPResponse(status: status, headers: headers, body: Data(body.utf8)))
    }

    static let request = HTTPRequest(method: "GET", url: URL(string: "http://127.0.0.1:9/x")!, timeout: 1)

    @Test("a retried outcome is sent again after the client's pause, and the attempts are bounded: the last failure is thrown")
    func boundedRetries() async throws {
        let transport = ScriptedTransport([Self.answer(502), Self.answer(502), Self.answer(502), Self.answer(200)])
        let waits = Waits()
        let exchange = RetryingExchange(transport: transport, effects: HTTPEffects(sleep: waits.sleep), maxAttempts: 3)
        await #expect(throws: Refused(attempt: 3)) {
            try await exchange.send(Self.request) { outcome, attempt -> AttemptDecision<Refused> in
                .retry(after: Double(attempt), otherwise: Refused(attempt: attempt))
            }
        }
        #expect(transport.requests.count == 3)
        #expect(waits.recorded == [1, 2])
    }

    @Test("admission runs before every attempt: its pause is waited and its failure stops the exchange before a send")
    func admission() async throws {
        let transport = ScriptedTransport([Self.answer(500), Self.answer(200)])
        let waits = Waits()
        let exchange = RetryingExchange(transport: transport, effects: HTTPEffects(sleep: waits.sleep), maxAttempts: 5)
        let response = try await exchange.send(Self.request, admit: { (attempt) throws(Refused) -> Double in 0.5 }) { outcome, attempt -> AttemptDecision<Refused> in
            let response = try! outcome.get()
            return response.status == 200 ? .accept(response) : .retry(after: 0.25, otherwise: Refused(attempt: attempt))
        }
        #expect(response.status == 200)
        #expect(waits.recorded == [0.5, 0.25, 0.5])
        await #expect(throws: Refused(attempt: 1)) {
            try await exchange.send(Self.request, admit: { (attempt) throws(Refused) -> Double in throw Refused(attempt: attempt) }) { _, _ in .fail(Refused(attempt: 0)) }
        }
        #expect(transport.requests.count == 2, "a refused admission sends nothing")
    }

    @Test("GitHub's primary rate limit is waited until its reset by the injected clock, not the machine's")
    func rateLimitResetUsesInjectedClock() async throws {
        let reset = ["x-ratelimit-limit": "5000", "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1000030"]
        let transport = ScriptedTransport([Self.answer(403, headers: reset, body: #"{"message":"API rate limit exceeded"}"#), Self.answer(200)])
        let waits = Waits()
        let client = try GitHubClient(apiURL: "http://127.0.0.1:9", token: "t", transport: transport,
                                      effects: HTTPEffects(now: { 1_000_000 }, random: { 0.5 }, sleep: waits.sleep))
        let response = try await client.send("GET", "/repos/o/r")
        #expect(response.status == 200)
        #expect(waits.recorded == [30])
        #expect(client.meter.snapshot.requests == 2)
    }

    @Test("back-off jitter is the injected draw: a 5xx on a read waits draw × base × 2^(attempt-1)")
    func jitterUsesInjectedRandom() async throws {
        let transport = ScriptedTransport([Self.answer(502), Self.answer(503), Self.answer(200)])
        let waits = Waits()
        let client = try GitHubClient(apiURL: "http://127.0.0.1:9", token: "t", policy: RetryPolicy(maxAttempts: 4, baseDelay: 2, maxDelay: 30),
                                      transport: transport, effects: HTTPEffects(now: { 0 }, random: { 0.25 }, sleep: waits.sleep))
        _ = try await client.send("GET", "/repos/o/r")
        #expect(waits.recorded == [0.5, 1])
    }

    @Test("a creation whose answer was lost is not sent again by the layer: the caller looks first")
    func lostCreationIsNotResent() async throws {
        let transport = ScriptedTransport([.failure(.connectionLost), Self.answer(201)])
        let client = try GitHubClient(apiURL: "http://127.0.0.1:9", token: "t", transport: transport, effects: HTTPEffects(sleep: Waits().sleep))
        await #expect(throws: GitHubError.network(path: "/repos/o/r/issues", reason: "connection lost before the answer", attempts: 1)) {
            try await client.send("POST", "/repos/o/r/issues", body: Data("{}".utf8), replay: .lookFirst)
        }
        #expect(transport.requests.count == 1)
    }

    @Test("a connection never made is safe to retry even for a creation; the retry counts on the meter")
    func neverArrivedIsRetried() async throws {
        let transport = ScriptedTransport([.failure(.connectionFailed("refused")), Self.answer(201)])
        let client = try GitHubClient(apiURL: "http://127.0.0.1:9", token: "t", transport: transport, effects: HTTPEffects(random: { 0 }, sleep: Waits().sleep))
        let response = try await client.send("POST", "/repos/o/r/issues", body: Data("{}".utf8), replay: .lookFirst)
        #expect(response.status == 201)
        #expect(transport.requests.count == 2)
        #expect(client.meter.snapshot.retries == 1)
    }
}
