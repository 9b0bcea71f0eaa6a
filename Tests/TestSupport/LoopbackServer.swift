import FlyingFox
import FlyingSocks
import Foundation

/// A real HTTP server on 127.0.0.1 with a free port, recording every request it gets.
/// Tests give it one handler; it stops when `stop()` is called or the value is released.
package final class LoopbackServer: @unchecked Sendable {
    package struct RecordedRequest: Sendable {
        package var method: String
        package var path: String
        package var query: [String: String]
        package var headers: [String: String]
        package var body: Data
    }

    package struct Reply: Sendable {
        package var status: Int
        package var headers: [String: String]
        package var body: Data

        package init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
            self.status = status
            self.headers = headers
            self.body = body
        }

        package static func json(_ status: Int, _ object: Any, headers: [String: String] = [:]) -> Reply {
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
            return Reply(status: status, headers: headers.merging(["Content-Type": "application/json"]) { old, _ in old }, body: data)
        }
    }

    private let server: HTTPServer
    private var task: Task<Void, any Error>?
    private let lock = NSLock()
    private var recorded: [RecordedRequest] = []
    package private(set) var port: UInt16 = 0

    package init(handler: @escaping @Sendable (RecordedRequest) async -> Reply) async throws {
        server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 10, logger: .disabled)
        await server.appendRoute("*") { [weak self] request in
            var headers: [String: String] = [:]
            for (name, value) in request.headers { headers[name.rawValue.lowercased()] = value }
            var query: [String: String] = [:]
            for item in request.query { query[item.name] = item.value }
            let recordedRequest = RecordedRequest(
                method: request.method.rawValue, path: request.path, query: query, headers: headers, body: try await request.bodyData
            )
            self?.append(recordedRequest)
            let reply = await handler(recordedRequest)
            var responseHeaders = HTTPHeaders()
            for (name, value) in reply.headers { responseHeaders[HTTPHeader(name)] = value }
            return HTTPResponse(statusCode: HTTPStatusCode(reply.status, phrase: "Status \(reply.status)"), headers: responseHeaders, body: reply.body)
        }
        task = Task { [server] in try await server.run() }
        try await server.waitUntilListening(timeout: 5)
        if case .ip4(_, let port) = await server.listeningAddress {
            self.port = port
        }
    }

    private func append(_ request: RecordedRequest) {
        lock.withLock { recorded.append(request) }
    }

    package var baseURL: String { "http://127.0.0.1:\(port)" }

    package var requests: [RecordedRequest] { lock.withLock { recorded } }

    package func stop() async {
        await server.stop(timeout: 1)
        task?.cancel()
    }

    deinit {
        task?.cancel()
    }
}
