import Foundation

/// The local forge's record of repositories' settings, pull requests and issues: one JSON file,
/// rewritten atomically on every change.
struct LocalForgeLedger: Codable, Equatable {
    struct RepositorySettings: Codable, Equatable {
        var defaultBranch: String
        var canPush: Bool
        var allowsAutoMerge: Bool
        /// What an owner's listing says of the repository (`LocalForge.setListing`, `local-forge DIR
        /// topics`): its topics, lower case, and whether it is archived or a fork. Absent until set
        /// (no topics, neither archived nor a fork), so a ledger written before stays as it was.
        var topics: [String]? = nil
        var archived: Bool? = nil
        var fork: Bool? = nil

        enum CodingKeys: String, CodingKey {
            case topics, archived, fork
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
    /// Comments on pull requests and issues, per repository, oldest first (`LocalForge+Comments`).
    /// Optional, so a ledger written before comments existed reads, and one without any stays as it was.
    var comments: [String: [Comment]]?
    /// Next comment id per repository: ids only ever increase, even after a deletion.
    var nextCommentID: [String: Int]?

    enum CodingKeys: String, CodingKey {
        case repositories, issues
        case pullRequests = "pull_requests"
        case nextNumber = "next_number"
        case comments
        case nextCommentID = "next_comment_id"
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
