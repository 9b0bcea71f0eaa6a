import FlyingFox
import FlyingSocks
import Foundation
#if canImport(Glibc)
import Glibc
#endif

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
            Self.disableNagle(port: port)
        }
    }

    /// FlyingFox answers in two writes (the head, then the body). With Nagle's algorithm on, the
    /// second waits for the client's delayed acknowledgement: 40 ms on every request, which made
    /// a fleet of fake repositories slow for no reason of the client's. The listening socket
    /// (found by its port, as FlyingFox keeps it private) gets TCP_NODELAY, which Linux passes on
    /// to every connection it accepts.
    private static func disableNagle(port: UInt16) {
        #if canImport(Glibc)
        for descriptor in Int32(3)..<Int32(4096) {
            var status = stat()
            guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFSOCK else { continue }
            var address = sockaddr_in()
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let named = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
            }
            guard named == 0, address.sin_family == sa_family_t(AF_INET), UInt16(bigEndian: address.sin_port) == port else { continue }
            var listening: Int32 = 0
            var size = socklen_t(MemoryLayout<Int32>.size)
            guard getsockopt(descriptor, SOL_SOCKET, SO_ACCEPTCONN, &listening, &size) == 0, listening != 0 else { continue }
            var on: Int32 = 1
            _ = setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
        }
        #endif
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
