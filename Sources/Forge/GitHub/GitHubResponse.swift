import Foundation

/// A response from the GitHub API: the transport's answer, read the way GitHub writes it.
package typealias GitHubResponse = HTTPResponse

extension HTTPResponse {
    package func header(_ name: String) -> String? { headers[name.lowercased()] }

    package var rateLimit: RateLimit? { RateLimit(headers: headers) }

    /// The `message` field of an error body, when there is one.
    package var errorMessage: String? {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else { return nil }
        let details = (object["errors"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
        let message = object["message"] as? String
        guard !details.isEmpty else { return message }
        return ([message].compactMap { $0 } + details).joined(separator: ": ")
    }

    package func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(type, from: body)
    }
}

/// The primary rate limit as the `x-ratelimit-*` headers report it.
package struct RateLimit: Sendable, Equatable {
    package var limit: Int
    package var remaining: Int
    package var used: Int?
    /// Epoch seconds when the window resets.
    package var reset: Int
    package var resource: String?

    package init?(headers: [String: String]) {
        guard let limit = headers["x-ratelimit-limit"].flatMap(Int.init),
              let remaining = headers["x-ratelimit-remaining"].flatMap(Int.init),
              let reset = headers["x-ratelimit-reset"].flatMap(Int.init)
        else { return nil }
        self.limit = limit
        self.remaining = remaining
        self.reset = reset
        self.used = headers["x-ratelimit-used"].flatMap(Int.init)
        self.resource = headers["x-ratelimit-resource"]
    }
}
