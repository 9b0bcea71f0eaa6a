import Foundation

/// Counts every request a job makes, enforces its request budget, and paces mutating requests
/// (GitHub asks integrators to leave at least a second between POST, PATCH, PUT and DELETE
/// requests). One meter is shared by every client of a job.
package final class RequestMeter: @unchecked Sendable {
    /// What the job has spent, for the step summary and the benchmark.
    package struct Usage: Sendable, Equatable, Codable {
        /// HTTP requests sent, retries included.
        package var requests = 0
        /// GET requests (conditional or not).
        package var reads = 0
        /// GET requests GitHub answered 304 Not Modified (free under the primary rate limit).
        package var notModified = 0
        /// POST, PATCH, PUT and DELETE requests, GraphQL mutations included.
        package var mutating = 0
        /// Reads answered from the job's cache of immutable git objects, without a request.
        package var cacheHits = 0
        /// Requests sent again after a 5xx, a network error or a rate limit.
        package var retries = 0
        /// Times the job waited for a rate limit to reset, and for how long in all.
        package var rateLimitWaits = 0
        package var rateLimitWaitSeconds = 0.0
        /// Seconds spent pacing mutating requests.
        package var pacingSeconds = 0.0
        /// The last primary rate limit GitHub reported.
        package var rateLimitRemaining: Int?
        package var rateLimitLimit: Int?
        package var rateLimitReset: Int?

        package init() {}
    }

    /// Most requests the job may send; nil for no limit.
    package let budget: Int?
    /// Seconds between the starts of two mutating requests.
    package let mutationInterval: Double
    private let clock: @Sendable () -> Double
    private let lock = NSLock()
    private var usage = Usage()
    private var nextMutation = 0.0

    package init(budget: Int? = nil, mutationInterval: Double = 1, clock: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }) {
        self.budget = budget
        self.mutationInterval = mutationInterval
        self.clock = clock
    }

    package var snapshot: Usage { lock.withLock { usage } }

    /// Books one request against the budget, and returns how long to wait first when it mutates.
    package func admit(method: String, path: String, isRetry: Bool) throws(GitHubError) -> Double {
        lock.lock()
        defer { lock.unlock() }
        if let budget, usage.requests >= budget { throw .budgetExhausted(path: path, budget: budget) }
        usage.requests += 1
        if isRetry { usage.retries += 1 }
        guard method != "GET" && method != "HEAD" else {
            usage.reads += 1
            return 0
        }
        usage.mutating += 1
        let now = clock()
        let start = max(now, nextMutation)
        nextMutation = start + mutationInterval
        usage.pacingSeconds += start - now
        return start - now
    }

    func record(status: Int, rateLimit: RateLimit?) {
        lock.withLock {
            if status == 304 { usage.notModified += 1 }
            if let rateLimit {
                usage.rateLimitRemaining = rateLimit.remaining
                usage.rateLimitLimit = rateLimit.limit
                usage.rateLimitReset = rateLimit.reset
            }
        }
    }

    func recordRateLimitWait(_ seconds: Double) {
        lock.withLock {
            usage.rateLimitWaits += 1
            usage.rateLimitWaitSeconds += seconds
        }
    }

    func recordCacheHit() {
        lock.withLock { usage.cacheHits += 1 }
    }
}

extension RequestMeter.Usage {
    /// One line for logs: `42 requests (30 reads, 12 not modified; 12 mutating), 3 retries, …`.
    package var line: String {
        var text = "\(requests) request\(requests == 1 ? "" : "s") (\(reads) read\(reads == 1 ? "" : "s"), \(notModified) not modified; \(mutating) mutating)"
        text += ", \(cacheHits) cached read\(cacheHits == 1 ? "" : "s")"
        if retries > 0 { text += ", \(retries) retr\(retries == 1 ? "y" : "ies")" }
        if rateLimitWaits > 0 { text += ", waited \(Int(rateLimitWaitSeconds.rounded())) s for rate limits" }
        if let remaining = rateLimitRemaining, let limit = rateLimitLimit { text += "; rate limit \(remaining)/\(limit) left" }
        return text
    }
}
