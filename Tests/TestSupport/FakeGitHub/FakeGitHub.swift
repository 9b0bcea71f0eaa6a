import Crypto
import Foundation
import Testing

/// An in-memory GitHub on 127.0.0.1 that a real REST and GraphQL client can sync against: git data
/// (blobs, trees, commits, refs), pull requests, issues with comments, labels, review requests,
/// auto-merge, with GitHub's rate-limit headers, ETags and injectable faults. Every request is
/// recorded by the underlying `LoopbackServer`.
///
/// All state sits behind one lock, so concurrent requests and test helpers see whole operations.
package final class FakeGitHub: @unchecked Sendable {
    private let lock = NSLock()
    private var state: State
    package let token: String
    package let scopes: String?
    package private(set) var server: LoopbackServer!
    /// Whether every request is checked against GitHub's published contract (`GitHubContract`).
    package let checksContract: Bool
    private var violations: [String] = []

    /// `scopes`: the `X-OAuth-Scopes` header of every answer, as GitHub sends it to classic
    /// (`ghp_`) and OAuth (`gho_`) tokens only; app and fine-grained tokens have permissions, not
    /// scopes, and get no such header. `nil`: no header for any token.
    /// `checksContract`: every request is checked against GitHub's published descriptions first
    /// (`GitHubContract`: REST and GraphQL); one outside them is answered as GitHub refuses it (422
    /// for REST, 200 with `errors` for GraphQL, naming what is wrong) and listed in
    /// `contractViolations`, and the test fails when the fake ends with violations left. Off only
    /// for the benchmark, which measures the client.
    package init(token: String, repositories: [String: Repository], scopes: String? = "repo, workflow", checksContract: Bool = true) async throws {
        self.token = token
        self.scopes = scopes
        self.checksContract = checksContract
        state = State(token: token, scopes: scopes, repositories: repositories)
        if checksContract { await GitHubContract.shared.start() }
        server = try await LoopbackServer { [weak self] request in
            guard let self else { return .init(status: 503) }
            return await self.handle(request)
        }
        let url = server.baseURL
        withState { $0.apiURL = url }
    }

    package var apiURL: String { server.baseURL }

    /// GitHub reports scopes (`X-OAuth-Scopes`) to the tokens that have them: classic personal
    /// access tokens and OAuth app tokens.
    static func sendsOAuthScopes(to token: String) -> Bool {
        token.hasPrefix("ghp_") || token.hasPrefix("gho_")
    }

    /// Every request the server received, faults included, in arrival order.
    package var requests: [LoopbackServer.RecordedRequest] { server.requests }

    /// Requests that reached the API (not answered by a fault beforehand), by kind.
    package var counts: RequestCounts { withState { $0.counts } }

    package func inject(_ fault: Fault) {
        withState { $0.faults.append(fault) }
    }

    /// Removes the faults not used up yet.
    package func clearFaults() {
        withState { $0.faults.removeAll() }
    }

    /// The clock of pull request dates (`created_at`, `updated_at`, `merged_at`, `closed_at`), for
    /// tests that fix the time; by default the real time.
    package func setClock(_ clock: @escaping @Sendable () -> Date) {
        withState { $0.clock = clock }
    }

    /// Starts the primary (`core`) rate limit over with this many requests left.
    package func setRateLimit(remaining: Int, limit: Int = 5000) {
        withState { $0.budgets["core"] = RateBudget(limit: limit, remaining: remaining) }
    }

    /// Runs `body` with the state under the lock: one whole operation at a time.
    func withState<T>(_ body: (inout State) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&state)
    }

    /// Requests that were outside GitHub's published contract, each with what was wrong.
    package var contractViolations: [String] { lock.withLock { violations } }

    /// The violations so far, forgotten: for a test that sends requests outside the contract on
    /// purpose, so the fake's end does not report them.
    package func takeContractViolations() -> [String] {
        lock.withLock {
            defer { violations = [] }
            return violations
        }
    }

    /// A request outside the contract is answered as GitHub would refuse it, but a client may get
    /// over a refusal (a batched read falls back to REST): the violations left when the fake ends
    /// are recorded as an issue, which fails the test it ends in (or, outside one, the run).
    deinit {
        guard checksContract, !violations.isEmpty else { return }
        let list = violations.joined(separator: "\n")
        Testing.Issue.record(Testing.Comment(rawValue: "\(violations.count) request(s) outside GitHub's published contract:\n\(list)"))
    }

    func handle(_ request: LoopbackServer.RecordedRequest) async -> LoopbackServer.Reply {
        if checksContract {
            let problems = await GitHubContract.shared.problems(method: request.method, path: request.path, query: request.query,
                                                          headers: request.headers, body: request.body)
            if !problems.isEmpty {
                let text = "\(request.method) \(request.path): " + problems.joined(separator: "; ")
                lock.withLock { violations.append(text) }
                if request.path == "/graphql" {
                    // GitHub answers a document outside its schema with 200 and the errors.
                    return .json(200, ["errors": problems.map { ["message": "Outside GitHub's public GraphQL schema: \($0)"] }])
                }
                return .json(422, ["message": "Outside GitHub's published REST contract (githubkit-schemas-2022-11-28): \(text)",
                                   "documentation_url": "https://docs.github.com/rest"])
            }
        }
        let fault = withState { state -> Fault? in
            guard let index = state.faults.firstIndex(where: { $0.matches(request) }) else { return nil }
            state.faults[index].times -= 1
            return state.faults[index]
        }
        guard let fault else { return withState { $0.serve(request) } }
        if fault.afterHandling {
            let real = withState { $0.serve(request) }
            await pause(fault.delay)
            return fault.reply ?? real
        }
        await pause(fault.delay)
        return fault.reply ?? withState { $0.serve(request) }
    }

    private func pause(_ seconds: Double) async {
        guard seconds > 0 else { return }
        try? await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
    }
}

extension FakeGitHub {
    /// One rate-limit resource's window.
    struct RateBudget {
        var limit = 5000
        var remaining = 5000
        var reset = Int(Date().timeIntervalSince1970) + 3600

        var headers: [String: String] {
            ["x-ratelimit-limit": String(limit), "x-ratelimit-remaining": String(remaining),
             "x-ratelimit-used": String(limit - remaining), "x-ratelimit-reset": String(reset)]
        }
    }
}

extension FakeGitHub.State {
    /// Authentication, the rate limit, conditional GETs, then the route.
    mutating func serve(_ recorded: LoopbackServer.RecordedRequest) -> LoopbackServer.Reply {
        guard recorded.headers["authorization"] == "Bearer \(token)" else {
            return .json(401, ["message": "Bad credentials", "documentation_url": "https://docs.github.com/rest"])
        }
        let resource = recorded.path == "/graphql" ? "graphql" : "core"
        var budget = budgets[resource] ?? FakeGitHub.RateBudget()
        var headers = budget.headers.merging(["x-ratelimit-resource": resource]) { old, _ in old }
        if let scopes, FakeGitHub.sendsOAuthScopes(to: token) { headers["x-oauth-scopes"] = scopes }
        guard budget.remaining > 0 else {
            return .json(403, ["message": "API rate limit exceeded for user ID 1.", "documentation_url": "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"], headers: headers)
        }
        var reply: LoopbackServer.Reply
        if let request = FakeGitHub.APIRequest(recorded) {
            reply = respond(to: request)
        } else {
            reply = .json(400, ["message": "Problems parsing JSON"])
        }
        let isGET = recorded.method == "GET"
        if isGET, reply.status == 200 {
            let tag = "W/\"\(SHA256.hash(data: reply.body).map { String(format: "%02x", $0) }.joined())\""
            if Self.ifNoneMatch(recorded.headers["if-none-match"], matches: tag) {
                counts.notModified += 1
                return LoopbackServer.Reply(status: 304, headers: headers.merging(["ETag": tag]) { old, _ in old })
            }
            reply.headers["ETag"] = tag
        }
        if isGET { counts.reads += 1 } else { counts.writes += 1 }
        budget.remaining -= 1
        budgets[resource] = budget
        headers.merge(budget.headers) { _, new in new }
        reply.headers.merge(headers) { old, _ in old }
        return reply
    }

    /// `If-None-Match` holds one or more entity tags; weak and strong forms compare equal.
    static func ifNoneMatch(_ header: String?, matches tag: String) -> Bool {
        guard let header else { return false }
        func bare(_ value: some StringProtocol) -> String {
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            return trimmed.hasPrefix("W/") ? String(trimmed.dropFirst(2)) : trimmed
        }
        return header.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == "*" || bare($0) == bare(tag) }
    }
}
