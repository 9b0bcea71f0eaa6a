import Foundation

/// The local forge's record of repositories' settings, pull requests and issues: one JSON file,
/// rewritten atomically on every change.
struct LocalForgeLedger: Codable, Equatable {
    struct RepositorySettings: Codable, Equatable {
        var defaultBranch: String
        var canPush: Bool
        var allowsAutoMerge: Bool

        enum CodingKeys: String, CodingKey {
            case defaultBranch = "default_branch"
            case canPush = "can_push"
            case allowsAutoMerge = "allow_auto_merge"
        }
    }

    var repositories: [String: RepositorySettings] = [:]
    var pullRequests: [String: [PullRequest]] = [:]
    var issues: [String: [ForgeIssue]] = [:]
    /// Next number per repository; pull requests and issues share it, as on GitHub.
    var nextNumber: [String: Int] = [:]

    enum CodingKeys: String, CodingKey {
        case repositories, issues
        case pullRequests = "pull_requests"
        case nextNumber = "next_number"
    }

    mutating func takeNumber(_ repository: String) -> Int {
        let number = nextNumber[repository, default: 1]
        nextNumber[repository] = number + 1
        return number
    }

    static func load(_ url: URL) throws -> LocalForgeLedger {
        guard let data = FileManager.default.contents(atPath: url.path) else { return LocalForgeLedger() }
        return try JSONDecoder().decode(LocalForgeLedger.self, from: data)
    }

    func save(_ url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try (encoder.encode(self) + Data("\n".utf8)).write(to: url, options: .atomic)
    }
}
