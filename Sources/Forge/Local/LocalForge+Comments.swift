import Foundation

extension LocalForgeLedger {
    /// One comment on a pull request or an issue (they share numbers, as on GitHub).
    struct Comment: Codable, Equatable {
        var id: Int
        var number: Int
        var body: String
    }

    /// Whether `number` is a pull request or an issue of the repository.
    func holds(_ repository: String, number: Int) -> Bool {
        (pullRequests[repository] ?? []).contains { $0.number == number } || (issues[repository] ?? []).contains { $0.number == number }
    }

    mutating func takeCommentID(_ repository: String) -> Int {
        var next = nextCommentID ?? [:]
        let id = next[repository, default: 1]
        next[repository] = id + 1
        nextCommentID = next
        return id
    }
}

/// Comments on pull requests and issues, kept in the ledger with ids that only increase per
/// repository. (The comment `closePullRequest` and `closeIssue` leave is kept as before, in the pull
/// request's body and the issue's `comments`, and is not listed here.)
extension LocalForge {
    package func comments(_ repository: String, number: Int) async throws -> [ForgeComment] {
        _ = try git(repository)
        return try withLedger { ledger in
            guard ledger.holds(repository, number: number) else {
                throw ForgeError("\(repository)#\(number) is neither a pull request nor an issue.")
            }
            return (ledger.comments?[repository] ?? []).filter { $0.number == number }.map { Self.forgeComment($0, repository: repository) }
        }
    }

    package func createComment(_ repository: String, number: Int, body: String) async throws -> ForgeComment {
        _ = try git(repository)
        return try withLedger { ledger in
            guard ledger.holds(repository, number: number) else {
                throw ForgeError("\(repository)#\(number) is neither a pull request nor an issue.")
            }
            let comment = LocalForgeLedger.Comment(id: ledger.takeCommentID(repository), number: number, body: body)
            var all = ledger.comments ?? [:]
            all[repository, default: []].append(comment)
            ledger.comments = all
            return Self.forgeComment(comment, repository: repository)
        }
    }

    package func updateComment(_ repository: String, id: Int, body: String) async throws -> ForgeComment {
        _ = try git(repository)
        return try withLedger { ledger in
            guard var all = ledger.comments, let index = all[repository]?.firstIndex(where: { $0.id == id }) else {
                throw ForgeError("Comment \(id) does not exist in \(repository).")
            }
            all[repository]![index].body = body
            ledger.comments = all
            return Self.forgeComment(all[repository]![index], repository: repository)
        }
    }

    /// A comment already gone is not an error.
    package func deleteComment(_ repository: String, id: Int) async throws {
        _ = try git(repository)
        try withLedger { ledger in
            guard var all = ledger.comments, let index = all[repository]?.firstIndex(where: { $0.id == id }) else { return }
            all[repository]!.remove(at: index)
            ledger.comments = all
        }
    }

    static func forgeComment(_ comment: LocalForgeLedger.Comment, repository: String) -> ForgeComment {
        ForgeComment(id: comment.id, body: comment.body, url: "local://\(repository)/issues/\(comment.number)#comment-\(comment.id)")
    }
}
