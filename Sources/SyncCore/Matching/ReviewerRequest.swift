/// Owners to ask for review, deduplicated (GitHub names are case-insensitive) and sorted.
package struct ReviewerRequest: Sendable, Equatable {
    /// Logins without `@`, for the `reviewers` field of the review-request API.
    package private(set) var users: [String] = []
    /// `organization/team-slug`, for display; `teamSlugs` gives the API's `team_reviewers`.
    package private(set) var teams: [String] = []
    /// Email owners: GitHub resolves them to accounts itself; they cannot be requested by name.
    package private(set) var emails: [String] = []

    package init() {}

    package var isEmpty: Bool { users.isEmpty && teams.isEmpty && emails.isEmpty }

    /// Team slugs without the organization.
    package var teamSlugs: [String] {
        teams.map { String($0.split(separator: "/").last ?? Substring($0)) }
    }

    mutating func insert(_ owner: CodeOwner) {
        switch owner {
        case .user(let login): Self.add(login, to: &users)
        case .team(let organization, let name): Self.add("\(organization)/\(name)", to: &teams)
        case .email(let address): Self.add(address, to: &emails)
        }
    }

    func sorted() -> ReviewerRequest {
        var copy = self
        let order: (String, String) -> Bool = { ($0.lowercased(), $0) < ($1.lowercased(), $1) }
        copy.users.sort(by: order)
        copy.teams.sort(by: order)
        copy.emails.sort(by: order)
        return copy
    }

    private static func add(_ name: String, to list: inout [String]) {
        let key = name.lowercased()
        if !list.contains(where: { $0.lowercased() == key }) { list.append(name) }
    }
}
