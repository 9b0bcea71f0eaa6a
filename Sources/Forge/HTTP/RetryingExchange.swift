/// What a client makes of one attempt: keep the answer, try again after a pause, or give up.
package enum AttemptDecision<Failure: Error> {
    case accept(HTTPResponse)
    /// Send again after `after` seconds; when the attempts are spent, fail with `otherwise`.
    case retry(after: Double, otherwise: Failure)
    case fail(Failure)
}

/// The one retry layer above an `HTTPTransport`, shared by the GitHub and Slack clients: it
/// sends, asks the client what the outcome means, waits and sends again within a bound on the
/// attempts. The transport below never re-sends on its own; whether a failed request may be sent
/// again (it may have arrived, and a creation must not happen twice) is the client's decision.
package struct RetryingExchange: Sendable {
    package let transport: any HTTPTransport
    package let effects: HTTPEffects
    /// Attempts in all, the first included.
    package let maxAttempts: Int

    package init(transport: any HTTPTransport, effects: HTTPEffects, maxAttempts: Int) {
        self.transport = transport
        self.effects = effects
        self.maxAttempts = max(1, maxAttempts)
    }

    /// Sends `request` until `judge` accepts an answer or fails, or the attempts are spent.
    /// `admit` runs before every attempt (1-based) and returns seconds to wait first (pacing);
    /// it may throw to stop before sending (a spent budget).
    package func send<Failure: Error>(
        _ request: HTTPRequest,
        admit: (_ attempt: Int) throws(Failure) -> Double = { _ in 0 },
        judge: (_ outcome: Result<HTTPResponse, HTTPTransportError>, _ attempt: Int) -> AttemptDecision<Failure>
    ) async throws(Failure) -> HTTPResponse {
        var attempt = 0
        while true {
            attempt += 1
            let pause = try admit(attempt)
            if pause > 0 { await effects.sleep(pause) }
            let outcome: Result<HTTPResponse, HTTPTransportError>
            do {
                outcome = .success(try await transport.send(request))
            } catch {
                outcome = .failure(error)
            }
            switch judge(outcome, attempt) {
            case .accept(let response):
                return response
            case .fail(let failure):
                throw failure
            case .retry(let after, let otherwise):
                guard attempt < maxAttempts else { throw otherwise }
                await effects.sleep(max(0, after))
            }
        }
    }
}
