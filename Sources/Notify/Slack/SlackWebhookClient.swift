import Forge
import Foundation

/// Posts a message to a Slack incoming webhook. Retries a bounded number of times on 429
/// (waiting what `Retry-After` says, up to a ceiling) and on 5xx or network errors (with
/// back-off); any other answer but 200 is a failure that carries Slack's error text.
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
    private let sleep: @Sendable (Double) async -> Void

    package init(
        webhookURL: String, policy: Policy = Policy(), transport: any HTTPTransport = AsyncHTTPTransport.shared,
        sleep: @escaping @Sendable (Double) async -> Void = { try? await Task.sleep(nanoseconds: UInt64($0 * 1_000_000_000)) }
    ) throws(SlackError) {
        guard let url = URL(string: webhookURL.trimmingCharacters(in: .whitespacesAndNewlines)),
              let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http", url.host != nil
        else { throw .invalidWebhook }
        self.webhookURL = url
        self.policy = policy
        self.transport = transport
        self.sleep = sleep
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

        var attempt = 0
        while true {
            attempt += 1
            let status: Int
            let text: String
            let retryAfter: Double?
            do {
                let response = try await transport.send(request)
                status = response.status
                text = String(decoding: response.body.prefix(2_000), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                retryAfter = response.headers["retry-after"].flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            } catch {
                // A post that may have arrived is not sent again: Slack would show the message twice.
                guard attempt < policy.maxAttempts, error.neverArrived else {
                    throw .network(reason: error.description, attempts: attempt)
                }
                await sleep(backoff(attempt))
                continue
            }
            switch status {
            case 200..<300:
                return attempt
            case 429:
                let wait = retryAfter ?? backoff(attempt)
                guard attempt < policy.maxAttempts, wait <= policy.maxRetryAfter else {
                    throw .rateLimited(retryAfter: retryAfter, attempts: attempt)
                }
                await sleep(max(0, wait))
            case 500..<600:
                guard attempt < policy.maxAttempts else { throw .server(status: status, text: text, attempts: attempt) }
                await sleep(backoff(attempt))
            case 300..<400:
                throw .redirected(status: status)
            default:
                throw .rejected(status: status, text: text)
            }
        }
    }

    private func backoff(_ attempt: Int) -> Double {
        policy.baseDelay * Double(1 << min(attempt - 1, 10))
    }
}
