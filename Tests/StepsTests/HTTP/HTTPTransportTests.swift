import Forge
import Foundation
import TestSupport
import Testing

/// The one HTTP transport under the GitHub and Slack clients, against real sockets on 127.0.0.1:
/// a request is sent exactly once (never re-sent on a fresh connection when the kept-alive one
/// dies), redirects come back as answers, and failures say whether the request can have arrived.
@Suite("HTTP transport", .serialized)
struct HTTPTransportTests {
    /// The Python peer (standard library only): reads each request, prints it, drops the connection.
    final class DropServer: @unchecked Sendable {
        let port: Int
        private let process: Process
        private let output: Pipe
        private let input = Pipe()

        init(answerFirst: Bool) throws {
            process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", RepositoryFiles.url("Tests/StepsTests/HTTP/drop_server.py").path] + (answerFirst ? ["--answer"] : [])
            output = Pipe()
            process.standardOutput = output
            process.standardInput = input
            try process.run()
            var line = Data()
            while !line.contains(UInt8(ascii: "\n")) {
                let chunk = output.fileHandleForReading.availableData
                guard !chunk.isEmpty else { throw FixtureError.oracleUnavailable("drop_server.py", reason: "it printed no port", fix: "install python3") }
                line += chunk
            }
            guard let port = Int(String(decoding: line, as: UTF8.self).split(separator: "\n").first ?? "") else {
                throw FixtureError.oracleUnavailable("drop_server.py", reason: "no port in its first line", fix: "install python3")
            }
            self.port = port
        }

        /// The requests it saw: "METHOD PATH declared received".
        func stop() -> [String] {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            return text.split(separator: "\n").map(String.init)
        }
    }

    static func post(_ port: Int, path: String = "/repos/o/r/pulls", timeout: Double = 5) -> HTTPRequest {
        HTTPRequest(method: "POST", url: URL(string: "http://127.0.0.1:\(port)\(path)")!, headers: [("Content-Type", "application/json")],
                    body: Data(#"{"title":"sync"}"#.utf8), timeout: timeout)
    }

    @Test("a POST whose kept-alive connection dies is not re-sent: the server sees it once, whole, and the caller hears the answer was lost")
    func noSilentResend() async throws {
        let server = try DropServer(answerFirst: true)
        let transport = AsyncHTTPTransport()
        // Generous time-outs: under a loaded machine the peer is slow, and this test is about resends.
        let first = try await transport.send(Self.post(server.port, path: "/warm-up", timeout: 30))
        #expect(first.status == 200)
        do {
            _ = try await transport.send(Self.post(server.port, timeout: 30))
            Issue.record("an answer came from a server that sends none")
        } catch {
            #expect(error == .connectionLost, "\(error)")
            #expect(!error.neverArrived)
        }
        let seen = server.stop()
        let posts = seen.filter { $0.hasPrefix("POST /repos/o/r/pulls") }
        #expect(posts.count == 1, "\(seen)")
        #expect(posts.allSatisfy { $0.hasSuffix(" 16 16") }, "the body arrived whole: \(seen)")
    }

    @Test("a refused connection is one the request never reached")
    func refused() async throws {
        let server = try DropServer(answerFirst: false)
        let port = server.port
        _ = server.stop()
        do {
            _ = try await AsyncHTTPTransport.shared.send(Self.post(port))
            Issue.record("a closed port answered")
        } catch {
            #expect(error.neverArrived, "\(error)")
        }
    }

    @Test("time-outs under a second are kept")
    func shortTimeout() async throws {
        let server = try await LoopbackServer { _ in
            try? await Task.sleep(nanoseconds: 2_000_000_000)
            return .init(status: 200)
        }
        let started = Date()
        do {
            _ = try await AsyncHTTPTransport.shared.send(Self.post(Int(URL(string: server.baseURL)?.port ?? 0), timeout: 0.3))
            Issue.record("no time-out")
        } catch {
            #expect(error == .timedOut, "\(error)")
        }
        #expect(Date().timeIntervalSince(started) < 1.5)
        await server.stop()
    }

    @Test("a redirect is an answer, never followed")
    func redirect() async throws {
        let server = try await LoopbackServer { request in
            request.path == "/start" ? .init(status: 307, headers: ["Location": "/elsewhere"]) : .init(status: 200)
        }
        let response = try await AsyncHTTPTransport.shared.send(Self.post(Int(URL(string: server.baseURL)?.port ?? 0), path: "/start"))
        await server.stop()
        #expect(response.status == 307)
        #expect(server.requests.map(\.path) == ["/start"])
    }
}
