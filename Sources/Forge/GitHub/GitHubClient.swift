import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A small REST and GraphQL client for the GitHub API: the token only in the Authorization header,
/// bounded retries with jittered back-off on 5xx and network errors, waits for rate-limit resets
/// that fit the policy, and every request booked on the job's `RequestMeter`.
package struct GitHubClient: Sendable {
    package static let apiVersion = "2022-11-28"

    /// Whether a failed request may be sent again blindly.
    package enum Replay: Sendable {
        /// Reads, content-addressed writes and updates: sending twice does no harm.
        case safe
        /// Creations (a PR, an issue, a comment): after a 5xx or a lost answer GitHub may have
        /// acted, so the caller looks before it sends again. Rate-limit answers are still waited for.
        case lookFirst
    }

    package let apiURL: URL
    package let graphQLURL: URL
    private let token: String
    package let userAgent: String
    package let policy: RetryPolicy
    package let meter: RequestMeter
    private let session: URLSession
    private let sleep: @Sendable (Double) async -> Void

    package init(
        apiURL: String, graphQLURL: String? = nil, token: String, userAgent: String = "flash-sync", policy: RetryPolicy = RetryPolicy(),
        meter: RequestMeter = RequestMeter(mutationInterval: 0),
        sleep: @escaping @Sendable (Double) async -> Void = { try? await Task.sleep(nanoseconds: UInt64(max(0, $0) * 1_000_000_000)) }
    ) throws(GitHubError) {
        self.apiURL = try Self.parse(apiURL)
        self.graphQLURL = try Self.parse(graphQLURL ?? Self.graphQLURL(forAPI: apiURL))
        self.token = token
        self.userAgent = userAgent
        self.policy = policy
        self.meter = meter
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = policy.timeout
        configuration.timeoutIntervalForResource = policy.timeout * 2
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        self.session = RedirectRefusal.session(configuration)
        self.sleep = sleep
    }

    private static func parse(_ text: String) throws(GitHubError) -> URL {
        let trimmed = text.hasSuffix("/") ? String(text.dropLast()) : text
        guard let url = URL(string: trimmed), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
            throw .invalidURL(text)
        }
        return url
    }

    /// GitHub.com's GraphQL endpoint is `/graphql` beside the REST root; GHES serves REST at
    /// `/api/v3` and GraphQL at `/api/graphql`.
    package static func graphQLURL(forAPI api: String) -> String {
        let trimmed = api.hasSuffix("/") ? String(api.dropLast()) : api
        if trimmed.hasSuffix("/api/v3") { return String(trimmed.dropLast("/v3".count)) + "/graphql" }
        return trimmed + "/graphql"
    }

    /// Sends a REST request and returns the response for any status the caller must interpret
    /// (2xx, 304, 404, 409, 422); turns the others into `GitHubError` after retries.
    package func send(_ method: String, _ path: String, body: Data? = nil, headers: [String: String] = [:], replay: Replay = .safe) async throws(GitHubError) -> GitHubResponse {
        guard let url = URL(string: apiURL.absoluteString + path) else { throw .invalidURL(apiURL.absoluteString + path) }
        return try await send(method, url: url, label: path, body: body, headers: headers, replay: replay)
    }

    /// Posts a GraphQL document; the answer's `errors` are the caller's to read.
    package func graphQL(_ query: String, variables: [String: Any]) async throws(GitHubError) -> GitHubResponse {
        let body = (try? JSONSerialization.data(withJSONObject: ["query": query, "variables": variables], options: [.sortedKeys])) ?? Data()
        return try await send("POST", url: graphQLURL, label: "graphql", body: body, headers: [:], replay: .lookFirst)
    }

    private func send(_ method: String, url: URL, label path: String, body: Data?, headers: [String: String], replay: Replay) async throws(GitHubError) -> GitHubResponse {
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
            let pause = try meter.admit(method: method, path: path, isRetry: attempt > 1)
            if pause > 0 { await sleep(pause) }
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
                guard attempt < policy.maxAttempts, replay == .safe || Self.neverArrived(error) else {
                    throw .network(path: path, reason: Self.describe(error), attempts: attempt)
                }
                await sleep(policy.delay(afterAttempt: attempt, random: Double.random(in: 0...1)))
                continue
            }
            meter.record(status: response.status, rateLimit: response.rateLimit)
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
                    meter.recordRateLimitWait(wait)
                    await sleep(wait)
                    continue
                }
                throw .forbidden(path: path, message: response.errorMessage, acceptedPermissions: response.header("x-accepted-github-permissions"))
            case 500..<600:
                guard attempt < policy.maxAttempts, replay == .safe else {
                    throw .server(path: path, status: response.status, attempts: attempt)
                }
                await sleep(policy.delay(afterAttempt: attempt, random: Double.random(in: 0...1)))
            default:
                throw .unexpected(path: path, status: response.status, message: response.errorMessage)
            }
        }
    }

    /// Waits the back-off for a retry the caller decided to make itself.
    package func backoff(afterAttempt attempt: Int) async {
        await sleep(policy.delay(afterAttempt: attempt, random: Double.random(in: 0...1)))
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

    /// Failures where the request cannot have reached GitHub, so sending it again is safe.
    private static func neverArrived(_ error: any Error) -> Bool {
        guard let error = error as? URLError else { return false }
        return [.cannotConnectToHost, .cannotFindHost, .dnsLookupFailed].contains(error.code)
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
