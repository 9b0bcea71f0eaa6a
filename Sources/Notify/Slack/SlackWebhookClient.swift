import Forge
import Foundation

/// Posts a message to a Slack incoming webhook through the shared retry layer (`RetryingExchange`):
/// a bounded number of attempts on 429 (waiting what `Retry-After` says, up to a ceiling) and on
/// 5xx or connections never made (with back-off); any other answer but 2xx is a failure that
/// carries Slack's error text.
/// The webhook URL is a secret: it never appears in an error or a log line.
package struct SlackWebhookClient: Sendable {
    package struct Policy: Sendable {
        package var maxAttempts: Int
        package var baseDelay: Double
        /// The longest `Retry-After` honoured; a longer one fails at once.
        package var maxRetryAfter: Double
        /// Seconds per request.
        package var timeout: Double

        package init(maxAttempts: Int = 4, baseDelay: Double = 1, maxRetryAfter: Double = 60, timeout: Double = 15) {
            self.maxAttempts = maxAttempts
            self.baseDelay = baseDelay
            self.maxRetryAfter = maxRetryAfter
            self.timeout = timeout
        }
    }

    private let webhookURL: URL
    package let policy: Policy
    private let transport: any HTTPTransport
    private let effects: HTTPEffects

    package init(
        webhookURL: String, policy: Policy = Policy(), transport: any HTTPTransport = AsyncHTTPTransport.shared,
        effects: HTTPEffects = .live
    ) throws(SlackError) {
        guard let url = URL(string: webhookURL.trimmingCharacters(in: .whitespacesAndNewlines)),
              let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http", url.host != nil
        else { throw .invalidWebhook }
        self.webhookURL = url
        self.policy = policy
        self.transport = transport
        self.effects = effects
    }

    /// Posts the message; returns how many attempts it took.
    @discardableResult
    package func post(_ message: SlackMessage) async throws(SlackError) -> Int {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body: Data
        do { body = try encoder.encode(message) } catch { throw .encoding("\(error)") }
        return try await post(body: body)
    }

    /// Posts an already-encoded JSON payload.
    package func post(body: Data) async throws(SlackError) -> Int {
        let request = HTTPRequest(method: "POST", url: webhookURL, headers: [("Content-Type", "application/json; charset=utf-8"), ("User-Agent", "flash-sync")],
                                  body: body, timeout: policy.timeout)

        let exchange = RetryingExchange(transport: transport, effects: effects, maxAttempts: policy.maxAttempts)
        var attempts = 0
        _ = try await exchange.send(request) { outcome, attempt in
            attempts = attempt
            return judge(outcome, attempt: attempt)
        }
        return attempts
    }

    /// Slack's reading of one attempt. A post that may have arrived is not sent again (Slack would
    /// show the message twice); a 429 waits what `Retry-After` says, up to a ceiling; a 5xx backs off.
    private func judge(_ outcome: Result<HTTPResponse, HTTPTransportError>, attempt: Int) -> AttemptDecision<SlackError> {
        let response: HTTPResponse
        switch outcome {
        case .failure(let error):
            let failure = SlackError.network(reason: error.description, attempts: attempt)
            return error.neverArrived ? .retry(after: backoff(attempt), otherwise: failure) : .fail(failure)
        case .success(let answer):
            response = answer
        }
        let text = String(decoding: response.body.prefix(2_000), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        switch response.status {
        case 200..<300:
            return .accept(response)
        case 429:
            let retryAfter = response.headers["retry-after"].flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            let failure = SlackError.rateLimited(retryAfter: retryAfter, attempts: attempt)
            let wait = retryAfter ?? backoff(attempt)
            return wait <= policy.maxRetryAfter ? .retry(after: wait, otherwise: failure) : .fail(failure)
        case 500..<600:
            return .retry(after: backoff(attempt), otherwise: .server(status: response.status, text: text, attempts: attempt))
        case 300..<400:
            return .fail(.redirected(status: response.status))
        default:
            return .fail(.rejected(status: response.status, text: text))
        }
    }

    private func backoff(_ attempt: Int) -> Double {
        policy.baseDelay * Double(1 << min(attempt - 1, 10))
    }
}
