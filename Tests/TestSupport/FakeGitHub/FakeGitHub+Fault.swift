import Foundation

extension FakeGitHub {
    /// A canned failure for the next `times` requests that match: by method (any when nil), path
    /// prefix, and a substring of the path.
    ///
    /// - `status` nil: the real answer (with `delay`, a slow GitHub).
    /// - `delay`: seconds to wait before answering, to run a client into its time-out.
    /// - `afterHandling`: GitHub performs the request, then the answer is lost: the real change is
    ///   made and the fault's status is sent instead of the real answer.
    package struct Fault: Sendable {
        package var method: String?
        package var pathPrefix: String
        package var pathContains: String?
        package var status: Int?
        package var headers: [String: String]
        package var message: String
        /// Sent as is instead of `{"message": message}`.
        package var body: Data?
        package var times: Int
        package var delay: Double
        package var afterHandling: Bool

        package init(method: String? = nil, pathPrefix: String = "/", pathContains: String? = nil, status: Int? = nil,
                     headers: [String: String] = [:], message: String = "fault", body: Data? = nil, times: Int = 1,
                     delay: Double = 0, afterHandling: Bool = false) {
            self.method = method
            self.pathPrefix = pathPrefix
            self.pathContains = pathContains
            self.status = status
            self.headers = headers
            self.message = message
            self.body = body
            self.times = times
            self.delay = delay
            self.afterHandling = afterHandling
        }

        /// GitHub's primary rate limit spent: 403 with `x-ratelimit-remaining: 0` and the reset time.
        package static func rateLimited(method: String? = nil, pathPrefix: String = "/", resetIn seconds: Int = 60, times: Int = 1) -> Fault {
            Fault(method: method, pathPrefix: pathPrefix, status: 403, headers: [
                "x-ratelimit-limit": "5000", "x-ratelimit-remaining": "0", "x-ratelimit-used": "5000",
                "x-ratelimit-reset": String(Int(Date().timeIntervalSince1970) + seconds), "x-ratelimit-resource": "core",
            ], message: "API rate limit exceeded for user ID 1.", times: times)
        }

        /// A secondary rate limit: 403 with `retry-after`.
        package static func secondaryRateLimit(method: String? = nil, pathPrefix: String = "/", retryAfter seconds: Int = 1, times: Int = 1) -> Fault {
            Fault(method: method, pathPrefix: pathPrefix, status: 403, headers: ["retry-after": String(seconds)],
                  message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.", times: times)
        }

        /// The real answer, late.
        package static func slow(method: String? = nil, pathPrefix: String = "/", seconds: Double, times: Int = 1) -> Fault {
            Fault(method: method, pathPrefix: pathPrefix, times: times, delay: seconds)
        }

        /// The change is made, and the client gets `status` instead of the answer.
        package static func answerLost(method: String? = nil, pathPrefix: String = "/", status: Int = 502, times: Int = 1) -> Fault {
            Fault(method: method, pathPrefix: pathPrefix, status: status, message: "Server Error", times: times, afterHandling: true)
        }

        func matches(_ request: LoopbackServer.RecordedRequest) -> Bool {
            times > 0
                && method.map { $0.uppercased() == request.method.uppercased() } ?? true
                && request.path.hasPrefix(pathPrefix)
                && pathContains.map { request.path.contains($0) } ?? true
        }

        /// The fault's answer, or nil when the real answer goes out.
        var reply: LoopbackServer.Reply? {
            guard let status else { return nil }
            if let body {
                return LoopbackServer.Reply(status: status, headers: headers.merging(["Content-Type": "application/json"]) { old, _ in old }, body: body)
            }
            return .json(status, ["message": message], headers: headers)
        }
    }
}
