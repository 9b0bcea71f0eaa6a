import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TestSupport
import Testing

/// Injected faults: canned answers, late answers, and changes whose answer is lost.
@Suite("FakeGitHub faults")
struct FakeGitHubFaultTests {
    static let statusFaults: [FakeGitHub.Fault] = [
        .init(pathPrefix: "/repos/example-org/app", status: 502, times: 2),
        .init(method: "GET", pathContains: "/git/ref/", status: 500, message: "Server Error"),
        .secondaryRateLimit(retryAfter: 7),
        .rateLimited(resetIn: 120),
        .init(status: 429, headers: ["retry-after": "3"], message: "Too Many Requests"),
        .init(pathPrefix: "/repos/", status: 422, message: "Validation Failed"),
    ]

    @Test("a status fault answers its status, headers and message for `times` requests, then the real answer", arguments: statusFaults)
    func statusFault(_ fault: FakeGitHub.Fault) async throws {
        let (github, api) = try await FakeGitHubHTTP.start()
        github.inject(fault)
        for _ in 0..<fault.times {
            let answer = try await api.get(FakeGitHubHTTP.path("/git/ref/heads/main"))
            #expect(answer.status == fault.status)
            #expect(answer.message == fault.message)
            for (name, value) in fault.headers { #expect(answer.headers[name.lowercased()] == value) }
        }
        #expect(try await api.get(FakeGitHubHTTP.path("/git/ref/heads/main")).status == 200)
        #expect(github.counts.reads == 1, "answers from a fault never reached the API")
        await github.server.stop()
    }

    @Test("a fault matches only its method and path")
    func matching() async throws {
        let (github, api) = try await FakeGitHubHTTP.start()
        github.inject(.init(method: "PATCH", pathContains: "/git/refs/heads/", status: 500))
        #expect(try await api.get(FakeGitHubHTTP.path("/git/ref/heads/main")).status == 200)
        #expect(try await api.get(FakeGitHubHTTP.path("")).status == 200)
        let main = try #require(github.head(FakeGitHubHTTP.repository, branch: "main"))
        #expect(try await api.send("PATCH", FakeGitHubHTTP.path("/git/refs/heads/main"), ["sha": main]).status == 500)
        #expect(try await api.send("PATCH", FakeGitHubHTTP.path("/git/refs/heads/main"), ["sha": main]).status == 200)
        await github.server.stop()
    }

    /// The client's time-out is whole seconds: FoundationNetworking on Linux times a request with a
    /// time-out under one second out at once, before sending it.
    @Test("a late answer runs the client into its time-out, and the change is still made")
    func delay() async throws {
        let (github, api) = try await FakeGitHubHTTP.start()
        let main = try #require(github.head(FakeGitHubHTTP.repository, branch: "main"))
        github.inject(.slow(method: "POST", pathPrefix: FakeGitHubHTTP.path("/git/refs"), seconds: 5))
        await #expect(throws: URLError.self) {
            _ = try await api.send("POST", FakeGitHubHTTP.path("/git/refs"), ["ref": "refs/heads/late", "sha": main], timeout: 2)
        }
        #expect(github.head(FakeGitHubHTTP.repository, branch: "late") == nil)
        // The server finishes the slow request after the client gave up (a loaded machine may be slow to deliver it).
        for _ in 0..<150 where github.head(FakeGitHubHTTP.repository, branch: "late") == nil {
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        #expect(github.requests.contains { $0.method == "POST" }, "the request reached the server")
        #expect(github.head(FakeGitHubHTTP.repository, branch: "late") == main)
        await github.server.stop()
    }

    @Test("an answer lost after handling: the client sees 502, GitHub made the change, and the retry finds it done")
    func afterHandling() async throws {
        let (github, api) = try await FakeGitHubHTTP.start()
        let main = try #require(github.head(FakeGitHubHTTP.repository, branch: "main"))
        github.inject(.answerLost(method: "POST", pathPrefix: FakeGitHubHTTP.path("/git/refs")))
        let lost = try await api.send("POST", FakeGitHubHTTP.path("/git/refs"), ["ref": "refs/heads/sync", "sha": main])
        #expect(lost.status == 502)
        #expect(github.head(FakeGitHubHTTP.repository, branch: "sync") == main)
        let retry = try await api.send("POST", FakeGitHubHTTP.path("/git/refs"), ["ref": "refs/heads/sync", "sha": main])
        #expect(retry.status == 422 && retry.message == "Reference already exists")
        #expect(github.counts.writes == 2)
        await github.server.stop()
    }
}
