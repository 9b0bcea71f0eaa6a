import Foundation
import SyncCore
import SyncKit

/// Reviewers for a sync PR: the target's CODEOWNERS (`.github/`, root, `docs/`, first found)
/// for the changed paths, plus the rule's own reviewers.
enum Reviewers {
    static let codeOwnersPaths = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"]

    static func resolve(codeOwners: [String: Data], changed: [String], extra: [String]) -> (users: [String], teams: [String]) {
        var users = Set<String>()
        var teams = Set<String>()
        if let path = codeOwnersPaths.first(where: { codeOwners[$0] != nil }), let text = TextContent.decode(codeOwners[path]!) {
            let request = CodeOwners(parsing: text, file: path).reviewers(for: changed)
            users.formUnion(request.users)
            teams.formUnion(request.teams)
        }
        for name in extra {
            let trimmed = name.hasPrefix("@") ? String(name.dropFirst()) : name
            if trimmed.contains("/") { teams.insert(trimmed) } else if !trimmed.isEmpty { users.insert(trimmed) }
        }
        return (users.sorted(), teams.sorted())
    }
}
