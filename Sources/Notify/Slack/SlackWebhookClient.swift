import Forge
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

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
    private let session: URLSession
    private let sleep: @Sendable (Double) async -> Void

    package init(
        webhookURL: String, policy: Policy = Policy(),
        sleep: @escaping @Sendable (Double) async -> Void = { try? await Task.sleep(nanoseconds: UInt64($0 * 1_000_000_000)) }
    ) throws(SlackError) {
        guard let url = URL(string: webhookURL.trimmingCharacters(in: .whitespacesAndNewlines)),
              let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http", url.host != nil
        else { throw .invalidWebhook }
        self.webhookURL = url
        self.policy = policy
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = policy.timeout
        configuration.timeoutIntervalForResource = policy.timeout * 2
        configuration.urlCache = nil
        session = RedirectRefusal.session(configuration)
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
        var request = URLRequest(url: webhookURL)
        request.httpMethod = "POST"
        request.httpBody = body
        request.timeoutInterval = policy.timeout
        request.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
        request.setValue("flash-sync", forHTTPHeaderField: "User-Agent")

        var attempt = 0
        while true {
            attempt += 1
            let status: Int
            let text: String
            let retryAfter: Double?
            do {
                let (data, response) = try await session.data(for: request)
                guard let http = response as? HTTPURLResponse else { throw SlackError.network(reason: "not an HTTP response", attempts: attempt) }
                status = http.statusCode
                text = String(decoding: data.prefix(2_000), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                retryAfter = (http.value(forHTTPHeaderField: "Retry-After")).flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            } catch {
                guard attempt < policy.maxAttempts else { throw .network(reason: Self.describe(error), attempts: attempt) }
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
            case _ where RedirectRefusal.isRedirect(status):
                throw .redirected(status: status)
            default:
                throw .rejected(status: status, text: text)
            }
        }
    }

    private func backoff(_ attempt: Int) -> Double {
        policy.baseDelay * Double(1 << min(attempt - 1, 10))
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? URLError {
            switch error.code {
            case .timedOut: return "timed out"
            case .cannotConnectToHost: return "connection refused"
            case .cannotFindHost, .dnsLookupFailed: return "host not found"
            case .networkConnectionLost: return "connection lost"
            default: return "network error \(error.code.rawValue)"
            }
        }
        return String(describing: type(of: error))
    }
}
