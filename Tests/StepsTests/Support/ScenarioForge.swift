import Forge
import Foundation
import TestSupport

/// Where a scenario's downstream repositories live: the local forge, or GitHub played by the
/// in-memory `FakeGitHub` on 127.0.0.1 and reached through the real `GitHubForge`.
enum ForgeBackend: String, CaseIterable, Sendable, CustomStringConvertible {
    case local, github

    var description: String { rawValue }
}

/// The time a scenario's forge dates pull requests with (opened, merged, closed by the test's own
/// hands); the steps get the same time from the harness.
final class ScenarioClock: @unchecked Sendable {
    private let lock = NSLock()
    private var date = Date()

    var now: Date { lock.withLock { date } }

    func set(_ date: Date) {
        lock.withLock { self.date = date }
    }
}

/// The test's hands on a backend: set repositories up, merge PRs as a team would, read the
/// issues, and the step arguments and environment that select it.
struct ScenarioForge {
    static let token = "ghs_" + String(repeating: "Fa1e", count: 9)

    let backend: ForgeBackend
    let clock: ScenarioClock
    /// The forge the test reads through (the real GitHubForge for `.github`).
    let forge: any Forge
    let local: LocalForge?
    let github: FakeGitHub?

    init(_ backend: ForgeBackend, root: URL) async throws {
        self.backend = backend
        let clock = ScenarioClock()
        self.clock = clock
        switch backend {
        case .local:
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            let local = LocalForge(root: root, gitEnvironment: .tests, now: { clock.now })
            self.local = local
            self.github = nil
            self.forge = local
        case .github:
            let fake = try await FakeGitHub(token: Self.token, repositories: [:])
            fake.setClock { clock.now }
            self.local = nil
            self.github = fake
            self.forge = GitHubForge(client: try GitHubClient(apiURL: fake.apiURL, token: Self.token, policy: RetryPolicy(maxAttempts: 2, baseDelay: 0.01, timeout: 5)),
                                     cache: try ResponseCache())
        }
    }

    /// What the steps need to reach this backend.
    var arguments: [String] {
        switch backend {
        case .local: ["--forge", "local:" + local!.root.path]
        case .github: ["--forge", "github", "--github-write-interval", "0"]
        }
    }

    var environment: [String: String] {
        guard let github else { return [:] }
        return ["GITHUB_API_URL": github.apiURL, "GITHUB_TOKEN": Self.token]
    }

    func createRepository(_ name: String, files: [String: Data], allowsAutoMerge: Bool = true) throws {
        if let local {
            try local.createRepository(name, files: files, allowsAutoMerge: allowsAutoMerge)
        } else {
            try github!.createRepository(name, files: files, allowsAutoMerge: allowsAutoMerge)
        }
    }

    /// A repository's topics and flags, as an owner's listing shows them.
    func setListing(_ name: String, topics: [String], archived: Bool = false) throws {
        if let local {
            try local.setListing(name, topics: topics, archived: archived)
        } else {
            try github!.setListing(name, topics: topics, archived: archived)
        }
    }

    /// Merges an open pull request with a merge commit; returns the merge commit.
    @discardableResult
    func mergePullRequest(_ repository: String, number: Int) throws -> String {
        if let local { return try local.mergePullRequest(repository, number: number) }
        return try github!.mergePullRequest(repository, number: number)
    }

    /// Every issue of a repository, open or closed, with its comments.
    func issues(_ repository: String) throws -> [ForgeIssue] {
        if let local {
            struct Ledger: Decodable { var issues: [String: [ForgeIssue]] }
            let data = try Data(contentsOf: local.root.appendingPathComponent("ledger.json"))
            return try JSONDecoder().decode(Ledger.self, from: data).issues[repository] ?? []
        }
        return github!.issues(in: repository).filter { !$0.isPullRequest }.map { issue in
            ForgeIssue(number: issue.number, url: "https://github.com/\(repository)/issues/\(issue.number)", title: issue.title, body: issue.body,
                       labels: issue.labels, state: issue.isOpen ? "open" : "closed", comments: issue.comments.map(\.body))
        }
    }
}
