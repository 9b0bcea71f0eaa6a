import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// `HTTPTransport` on AsyncHTTPClient (swift-nio, swift-nio-ssl): one request per call, never
/// re-sent (AsyncHTTPClient only retries a connection that is not yet established, before any
/// byte of the request is written; here not even that, so every attempt is the caller's),
/// redirects refused, and a hard deadline per exchange.
package final class AsyncHTTPTransport: HTTPTransport {
    /// The process's transport: one connection pool for every client of a step.
    package static let shared = AsyncHTTPTransport()

    /// Answers larger than this are refused (GitHub's largest blob read is 100 MB base64-encoded).
    package static let maximumResponseBytes = 160 << 20

    private let client: HTTPClient

    package init() {
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow, timeout: .init(connect: .seconds(10)), decompression: .disabled)
        configuration.connectionPool.retryConnectionEstablishment = false
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    // The shared instance lives as long as the process; others are shut down when released.
    deinit {
        try? client.syncShutdown()
    }

    package func send(_ request: HTTPRequest) async throws(HTTPTransportError) -> HTTPResponse {
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for (name, value) in request.headers { outgoing.headers.add(name: name, value: value) }
        if let body = request.body {
            outgoing.body = .bytes(ByteBuffer(bytes: body))
            outgoing.headers.replaceOrAdd(name: "Content-Length", value: String(body.count))
        }
        let deadline = NIODeadline.now() + .milliseconds(Int64((max(0.05, request.timeout) * 1000).rounded()))
        do {
            let response = try await client.execute(outgoing, deadline: deadline)
            var headers: [String: String] = [:]
            for (name, value) in response.headers {
                let key = name.lowercased()
                headers[key] = headers[key].map { $0 + ", " + value } ?? value
            }
            let body = try await response.body.collect(upTo: Self.maximumResponseBytes)
            return HTTPResponse(status: Int(response.status.code), headers: headers, body: Data(body.readableBytesView))
        } catch {
            throw Self.classify(error)
        }
    }

    /// Sorts AsyncHTTPClient's and NIO's errors into what the retry layer needs to know.
    static func classify(_ error: any Error) -> HTTPTransportError {
        if let error = error as? HTTPTransportError { return error }
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout, .tlsHandshakeTimeout: return .connectionFailed("connect timed out")
            case .deadlineExceeded, .readTimeout, .writeTimeout: return .timedOut
            case .remoteConnectionClosed: return .connectionLost
            case .invalidURL, .emptyHost, .emptyScheme: return .connectionFailed("invalid URL")
            default: return .other("HTTP error: \(error)")
            }
        }
        if error is NIOTooManyBytesError { return .responseTooLarge(maximumResponseBytes) }
        if let error = error as? NIOConnectionError {
            return .connectionFailed(error.connectionErrors.first.map { "\($0.error)" } ?? "\(error)")
        }
        let text = String(describing: error)
        if text.contains("connection refused") || text.contains("Connection refused") { return .connectionFailed("connection refused") }
        if error is ChannelError, text.contains("connectTimeout") { return .connectionFailed("connect timed out") }
        if let error = error as? ChannelError, error == .ioOnClosedChannel || error == .eof || error == .alreadyClosed { return .connectionLost }
        return .other(text)
    }
}
