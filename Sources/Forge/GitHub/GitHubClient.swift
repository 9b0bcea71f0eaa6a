import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A small REST client for the GitHub API: the token only in the Authorization header,
/// bounded retries with jittered back-off on 5xx and network errors, and waits for
/// rate-limit resets that fit the policy.
package struct GitHubClient: Sendable {
    package static let apiVersion = "2022-11-28"

    package let apiURL: URL
    private let token: String
    package let userAgent: String
    package let policy: RetryPolicy
    private let session: URLSession
    private let sleep: @Sendable (Double) async -> Void

    package init(
        apiURL: String, token: String, userAgent: String = "flash-sync", policy: RetryPolicy = RetryPolicy(),
        sleep: @escaping @Sendable (Double) async -> Void = { try? await Task.sleep(nanoseconds: UInt64($0 * 1_000_000_000)) }
    ) throws(GitHubError) {
        let trimmed = apiURL.hasSuffix("/") ? String(apiURL.dropLast()) : apiURL
        guard let url = URL(string: trimmed), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
            throw .invalidURL(apiURL)
        }
        self.apiURL = url
        self.token = token
        self.userAgent = userAgent
        self.policy = policy
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = policy.timeout
        configuration.timeoutIntervalForResource = policy.timeout * 2
        configuration.urlCache = nil
        self.session = URLSession(configuration: configuration)
        self.sleep = sleep
    }

    /// Sends a request and returns the response for any status the caller must interpret
    /// (2xx, 304, 404, 409, 422); turns the others into `GitHubError` after retries.
    package func send(_ method: String, _ path: String, body: Data? = nil, headers: [String: String] = [:]) async throws(GitHubError) -> GitHubResponse {
        guard let url = URL(string: apiURL.absoluteString + path) else { throw .invalidURL(apiURL.absoluteString + path) }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.httpBody = body
        request.timeoutInterval = policy.timeout
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.setValue("application/vnd.github+json", forHTTPHeaderField: "Accept")
        request.setValue(Self.apiVersion, forHTTPHeaderField: "X-GitHub-Api-Version")
        request.setValue(userAgent, forHTTPHeaderField: "User-Agent")
        if body != nil { request.setValue("application/json", forHTTPHeaderField: "Content-Type") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }

        var attempt = 0
        while true {
            attempt += 1
            let response: GitHubResponse
            do {
                let (data, urlResponse) = try await session.data(for: request)
                guard let http = urlResponse as? HTTPURLResponse else {
                    throw GitHubError.network(path: path, reason: "not an HTTP response", attempts: attempt)
                }
                var fields: [String: String] = [:]
                for (key, value) in http.allHeaderFields {
                    if let key = key as? String, let value = value as? String { fields[key.lowercased()] = value }
                }
                response = GitHubResponse(status: http.statusCode, headers: fields, body: data)
            } catch {
                guard attempt < policy.maxAttempts else {
                    throw .network(path: path, reason: Self.describe(error), attempts: attempt)
                }
                await sleep(policy.delay(afterAttempt: attempt, random: Double.random(in: 0...1)))
                continue
            }
            switch response.status {
            case 200..<300, 304, 404, 409, 422:
                return response
            case 401:
                throw .badCredentials(path: path)
            case 403, 429:
                if let wait = rateLimitWait(response) {
                    guard wait <= policy.maxRateLimitWait, attempt < policy.maxAttempts else {
                        throw .rateLimited(path: path, waitSeconds: Int(wait.rounded(.up)))
                    }
                    await sleep(wait)
                    continue
                }
                throw .forbidden(path: path, message: response.errorMessage, acceptedPermissions: response.header("x-accepted-github-permissions"))
            case 500..<600:
                guard attempt < policy.maxAttempts else {
                    throw .server(path: path, status: response.status, attempts: attempt)
                }
                await sleep(policy.delay(afterAttempt: attempt, random: Double.random(in: 0...1)))
            default:
                throw .unexpected(path: path, status: response.status, message: response.errorMessage)
            }
        }
    }

    /// Seconds to wait on a rate-limited answer, or nil when the 403 is not about rate limits.
    func rateLimitWait(_ response: GitHubResponse) -> Double? {
        if let retryAfter = response.header("retry-after").flatMap(Double.init) {
            return max(0, retryAfter)
        }
        if let limit = response.rateLimit, limit.remaining == 0 {
            return max(1, Double(limit.reset) - Date().timeIntervalSince1970)
        }
        if response.status == 429 {
            return policy.baseDelay * 60
        }
        if let message = response.errorMessage?.lowercased(), message.contains("secondary rate limit") {
            return 60
        }
        return nil
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
