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
    package let effects: HTTPEffects

    package init(
        apiURL: String, graphQLURL: String? = nil, token: String, userAgent: String = "flash-sync", policy: RetryPolicy = RetryPolicy(),
        meter: RequestMeter = RequestMeter(mutationInterval: 0), transport: any HTTPTransport = AsyncHTTPTransport.shared,
        effects: HTTPEffects = .live
    ) throws(GitHubError) {
        self.apiURL = try Self.parse(apiURL)
        self.graphQLURL = try Self.parse(graphQLURL ?? Self.graphQLURL(forAPI: apiURL))
        self.token = token
        self.userAgent = userAgent
        self.policy = policy
        self.meter = meter
        self.transport = transport
        self.effects = effects
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

    /// Posts a GraphQL mutation; the answer's `errors` are the caller's to read.
    package func graphQL(_ query: String, variables: [String: Any]) async throws(GitHubError) -> GitHubResponse {
        let body = (try? JSONSerialization.data(withJSONObject: ["query": query, "variables": variables], options: [.sortedKeys])) ?? Data()
        return try await send("POST", url: graphQLURL, label: "graphql", body: body, headers: [:], replay: .lookFirst)
    }

    /// Posts a GraphQL query: a read, so it is metered as one (no write pacing) and may be sent again.
    package func graphQLQuery(_ query: String, variables: [String: Any]) async throws(GitHubError) -> GitHubResponse {
        let body = (try? JSONSerialization.data(withJSONObject: ["query": query, "variables": variables], options: [.sortedKeys])) ?? Data()
        return try await send("POST", url: graphQLURL, label: "graphql", body: body, headers: [:], replay: .safe, meteredAs: "GET")
    }

    private func send(
        _ method: String, url: URL, label path: String, body: Data?, headers: [String: String], replay: Replay, meteredAs meterMethod: String? = nil
    ) async throws(GitHubError) -> GitHubResponse {
        var fields: [(name: String, value: String)] = [
            ("Authorization", "Bearer \(token)"), ("Accept", "application/vnd.github+json"),
            ("X-GitHub-Api-Version", Self.apiVersion), ("User-Agent", userAgent),
        ]
        if body != nil { fields.append(("Content-Type", "application/json")) }
        for (name, value) in headers { fields.append((name, value)) }
        let request = HTTPRequest(method: method, url: url, headers: fields, body: body, timeout: policy.timeout)

        let exchange = RetryingExchange(transport: transport, effects: effects, maxAttempts: policy.maxAttempts)
        let response = try await exchange.send(request, admit: { (attempt) throws(GitHubError) -> Double in
            try meter.admit(method: meterMethod ?? method, path: path, isRetry: attempt > 1)
        }, judge: { outcome, attempt in
            judge(outcome, attempt: attempt, path: path, replay: replay)
        })
        return response
    }

    /// The GitHub reading of one attempt: which answers are the caller's, which are waited out
    /// (rate limits) or retried (5xx, lost connections when the request may be sent twice).
    private func judge(_ outcome: Result<HTTPResponse, HTTPTransportError>, attempt: Int, path: String, replay: Replay) -> AttemptDecision<GitHubError> {
        let response: HTTPResponse
        switch outcome {
        case .failure(let error):
            let failure = GitHubError.network(path: path, reason: error.description, attempts: attempt)
            guard replay == .safe || error.neverArrived else { return .fail(failure) }
            return .retry(after: jitteredDelay(afterAttempt: attempt), otherwise: failure)
        case .success(let answer):
            response = answer
        }
        meter.record(status: response.status, rateLimit: response.rateLimit)
        switch response.status {
        case 200..<300, 304, 404, 409, 422:
            return .accept(response)
        case 401:
            return .fail(.badCredentials(path: path))
        case 403, 429:
            if let wait = rateLimitWait(response) {
                let failure = GitHubError.rateLimited(path: path, waitSeconds: Int(wait.rounded(.up)))
                guard wait <= policy.maxRateLimitWait else { return .fail(failure) }
                if attempt < policy.maxAttempts { meter.recordRateLimitWait(wait) }
                return .retry(after: wait, otherwise: failure)
            }
            return .fail(.forbidden(path: path, message: response.errorMessage, acceptedPermissions: response.header("x-accepted-github-permissions")))
        case 500..<600:
            let failure = GitHubError.server(path: path, status: response.status, attempts: attempt)
            guard replay == .safe else { return .fail(failure) }
            return .retry(after: jitteredDelay(afterAttempt: attempt), otherwise: failure)
        default:
            return .fail(.unexpected(path: path, status: response.status, message: response.errorMessage))
        }
    }

    private func jitteredDelay(afterAttempt attempt: Int) -> Double {
        policy.delay(afterAttempt: attempt, random: effects.random())
    }

    /// Waits the back-off for a retry the caller decided to make itself.
    package func backoff(afterAttempt attempt: Int) async {
        await effects.sleep(jitteredDelay(afterAttempt: attempt))
    }

    /// Seconds to wait on a rate-limited answer, or nil when the 403 is not about rate limits.
    func rateLimitWait(_ response: GitHubResponse) -> Double? {
        if let retryAfter = response.header("retry-after").flatMap(Double.init) {
            return max(0, retryAfter)
        }
        if let limit = response.rateLimit, limit.remaining == 0 {
            return max(1, Double(limit.reset) - effects.now())
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
