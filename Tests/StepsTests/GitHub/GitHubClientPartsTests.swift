import Forge
import Foundation
import TestSupport
import Testing

/// The GitHub forge's parts that need no server: endpoints, pacing, budget, cache, inline text.
@Suite("GitHub client parts")
struct GitHubClientPartsTests {
    @Test("GraphQL sits beside the REST root on github.com and at /api/graphql on GitHub Enterprise Server", arguments: [
        ("https://api.github.com", "https://api.github.com/graphql"),
        ("https://ghe.example.com/api/v3", "https://ghe.example.com/api/graphql"),
        ("https://ghe.example.com/api/v3/", "https://ghe.example.com/api/graphql"),
    ])
    func graphQLEndpoint(api: String, graphQL: String) throws {
        #expect(GitHubClient.graphQLURL(forAPI: api) == graphQL)
        #expect(try GitHubClient(apiURL: api, token: "t").graphQLURL.absoluteString == graphQL)
        #expect(try GitHubClient(apiURL: api, graphQLURL: "https://other.example/graphql", token: "t").graphQLURL.absoluteString == "https://other.example/graphql")
    }

    @Test("an API URL that is not http(s) is refused with the variable to fix")
    func invalidURL() {
        #expect(throws: GitHubError.invalidURL("ftp://x")) { try GitHubClient(apiURL: "ftp://x", token: "t") }
        #expect(GitHubError.invalidURL("x").description.contains("set GITHUB_API_URL"))
    }

    final class FakeClock: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 1_000.0
        var now: Double { lock.withLock { value } }
        func advance(_ seconds: Double) { lock.withLock { value += seconds } }
    }

    @Test("mutating requests start at least the interval apart; reads are never paced")
    func pacing() throws {
        let clock = FakeClock()
        let meter = RequestMeter(mutationInterval: 1, clock: { clock.now })
        #expect(try meter.admit(method: "POST", path: "/a", isRetry: false) == 0)
        #expect(try meter.admit(method: "GET", path: "/b", isRetry: false) == 0)
        #expect(try meter.admit(method: "PATCH", path: "/c", isRetry: false) == 1)
        clock.advance(0.25)
        #expect(try meter.admit(method: "POST", path: "/d", isRetry: true) == 1.75)
        clock.advance(10)
        #expect(try meter.admit(method: "POST", path: "/e", isRetry: false) == 0)
        let usage = meter.snapshot
        #expect(usage.requests == 5 && usage.reads == 1 && usage.mutating == 4 && usage.retries == 1)
        #expect(usage.pacingSeconds == 2.75)
    }

    @Test("the request budget stops the job at the request that would exceed it, naming the input")
    func budget() throws {
        let meter = RequestMeter(budget: 2, mutationInterval: 0)
        _ = try meter.admit(method: "GET", path: "/a", isRetry: false)
        _ = try meter.admit(method: "GET", path: "/b", isRetry: false)
        #expect(throws: GitHubError.budgetExhausted(path: "/c", budget: 2)) { try meter.admit(method: "GET", path: "/c", isRetry: false) }
        #expect(GitHubError.budgetExhausted(path: "/c", budget: 2).description.contains("Raise github-request-budget"))
    }

    @Test("the cache keeps ETags and objects across runs in its folder, and never a token")
    func cachePersists() throws {
        let folder = try TemporaryDirectory("github-cache")
        let first = try ResponseCache(folder: folder.url)
        first.storeValidated("/repos/o/r", etag: "W/\"abc\"", body: Data("{\"a\":1}\n".utf8))
        first.storeObject("blob:0123", Data([0, 1, 2, 255]))
        let second = try ResponseCache(folder: folder.url)
        #expect(second.validated("/repos/o/r")?.etag == "W/\"abc\"")
        #expect(second.validated("/repos/o/r")?.body == Data("{\"a\":1}\n".utf8))
        #expect(second.object("blob:0123") == Data([0, 1, 2, 255]))
        #expect(second.validated("/repos/o/other") == nil)
        let names = try FileManager.default.subpathsOfDirectory(atPath: folder.url.path)
        #expect(names.allSatisfy { !$0.contains("repos") }, "file names are hashes of the keys")
    }

    @Test("text goes inline in a tree only when it is valid UTF-8 without NUL bytes, byte for byte", arguments: [
        (Data("# Title\r\nline\n".utf8), true),
        (Data([0xEF, 0xBB, 0xBF]) + Data("bom\n".utf8), true),
        (Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), false),
        (Data("a\u{0}b".utf8), false),
        (Data([0xC3, 0x28]), false),
    ])
    func inlineText(data: Data, inline: Bool) {
        let text = GitHubForge.inlineText(data)
        #expect((text != nil) == inline)
        if let text { #expect(Data(text.utf8) == data) }
    }
}
