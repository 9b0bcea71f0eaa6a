/// How often and how long to retry a request that failed for a passing reason.
package struct RetryPolicy: Sendable {
    /// Attempts in all, the first included.
    package var maxAttempts: Int
    package var baseDelay: Double
    package var maxDelay: Double
    /// The longest this client waits for a rate-limit reset before giving up.
    package var maxRateLimitWait: Double
    /// Per-request time-out in seconds.
    package var timeout: Double

    package init(maxAttempts: Int = 4, baseDelay: Double = 1, maxDelay: Double = 30, maxRateLimitWait: Double = 120, timeout: Double = 20) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRateLimitWait = maxRateLimitWait
        self.timeout = timeout
    }

    /// Exponential back-off with full jitter: a random delay up to base × 2^(attempt-1), capped.
    package func delay(afterAttempt attempt: Int, random: Double) -> Double {
        let ceiling = min(maxDelay, baseDelay * Double(1 << min(attempt - 1, 16)))
        return ceiling * max(0, min(1, random))
    }
}
