import Foundation

/// One HTTP exchange, as the GitHub and Slack clients send it.
package struct HTTPRequest: Sendable {
    package var method: String
    package var url: URL
    package var headers: [(name: String, value: String)]
    package var body: Data?
    /// Seconds the whole exchange may take, connection included.
    package var timeout: Double

    package init(method: String, url: URL, headers: [(name: String, value: String)] = [], body: Data? = nil, timeout: Double) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }
}

/// An answer: the status, the headers (names lower-cased) and the whole body.
package struct HTTPResponse: Sendable {
    package var status: Int
    package var headers: [String: String]
    package var body: Data

    package init(status: Int, headers: [String: String], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// Why an exchange got no answer.
package enum HTTPTransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The connection could not be made: the request was never sent, so sending it again is safe.
    case connectionFailed(String)
    /// The exchange ran past its time-out after the request may have been sent.
    case timedOut
    /// The server closed the connection before answering; it may have acted on the request.
    case connectionLost
    /// The answer was larger than the transport accepts.
    case responseTooLarge(Int)
    case other(String)

    /// Whether the request cannot have reached the server.
    package var neverArrived: Bool {
        if case .connectionFailed = self { return true }
        return false
    }

    package var description: String {
        switch self {
        case .connectionFailed(let reason): "could not connect (\(reason))"
        case .timedOut: "timed out"
        case .connectionLost: "connection lost before the answer"
        case .responseTooLarge(let limit): "the answer was larger than \(limit) bytes"
        case .other(let reason): reason
        }
    }
}

/// How the clients reach HTTP servers. An implementation sends each request once: it never
/// re-sends one on its own (RFC 9110 §9.2.2), never follows a redirect (the 3xx comes back as
/// the answer), and reports whether a failed request can have reached the server. Retries,
/// back-off, pacing and budgets belong to the layer above (`GitHubClient`, `SlackWebhookClient`).
package protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) async throws(HTTPTransportError) -> HTTPResponse
}
