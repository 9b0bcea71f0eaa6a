import Foundation

/// A small REST and GraphQL client for the GitHub API: the token only in the Authorization header,
/// bounded retries with jittered back-off on 5xx and network errors, waits for rate-limit resets
/// that fit the policy, and every request booked on the job's `RequestMeter`. It is the retry
/// layer; the `HTTPTransport` below it sends each request exactly once.
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
    private let transport: any HTTPTransport
    private let sleep: @Sendable (Double) async -> Void

    package init(
        apiURL: String, graphQLURL: String? = nil, token: String, userAgent: String = "flash-sync", policy: RetryPolicy = RetryPolicy(),
        meter: RequestMeter = RequestMeter(mutationInterval: 0), transport: any HTTPTransport = AsyncHTTPTransport.shared,
        sleep: @escaping @Sendable (Double) async -> Void = { try? await Task.sleep(nanoseconds: UInt64(max(0, $0) * 1_000_000_000)) }
    ) throws(GitHubError) {
        self.apiURL = try Self.parse(apiURL)
        self.graphQLURL = try Self.parse(graphQLURL ?? Self.graphQLURL(forAPI: apiURL))
        self.token = token
        self.userAgent = userAgent
        self.policy = policy
        self.meter = meter
        self.transport = transport
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
        var fields: [(name: String, value: String)] = [
            ("Authorization", "Bearer \(token)"), ("Accept", "application/vnd.github+json"),
            ("X-GitHub-Api-Version", Self.apiVersion), ("User-Agent", userAgent),
        ]
        if body != nil { fields.append(("Content-Type", "application/json")) }
        for (name, value) in headers { fields.append((name, value)) }
        let request = HTTPRequest(method: method, url: url, headers: fields, body: body, timeout: policy.timeout)

        var attempt = 0
        while true {
            attempt += 1
            let pause = try meter.admit(method: method, path: path, isRetry: attempt > 1)
            if pause > 0 { await sleep(pause) }
            let response: GitHubResponse
            do {
                response = try await transport.send(request)
            } catch {
                guard attempt < policy.maxAttempts, replay == .safe || error.neverArrived else {
                    throw .network(path: path, reason: error.description, attempts: attempt)
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
}
