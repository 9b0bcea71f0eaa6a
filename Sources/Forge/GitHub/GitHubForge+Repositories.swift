import Foundation
import SyncCore

/// The repositories of an owner, for `target_repos` selectors: `GET /orgs/{org}/repos?type=all`,
/// or, when there is no such organisation (404), `GET /users/{username}/repos?type=owner`, every
/// page of 100 (`sort=full_name`, so the pages hold still while they are read), each page a
/// conditional read. A forge lists each owner once (see `OwnerListings`).
///
/// Requests per owner: an organisation, one per 100 repositories (at least one); a user, one more
/// (the organisation's 404 first); an owner that does not exist, two. An owner with more than
/// `listingPageLimit` pages is refused after its first page (its `Link: rel="last"` says how many).
///
/// GitHub lists only the public repositories of a user (`/users/{username}/repos`), even to the
/// user's own token; an organisation's private repositories are listed to a token that can see them.
extension GitHubForge {
    /// Most pages of one owner's listing read (100 repositories each).
    static let listingPageLimit = 100

    package func repositories(of owner: String) async throws -> [ForgeRepositoryListing] {
        guard RepositoryNames.isValid(owner + "/x") else { throw ForgeError("'\(owner)' is not an organisation or user name.") }
        return try await listings.listing(owner) { [self] in try await listRepositories(of: owner) }
    }

    /// The listing itself, sorted by name (case-insensitively), each repository once, topics in lower case.
    func listRepositories(of owner: String) async throws -> [ForgeRepositoryListing] {
        let listed: [GitHubPayload.ListedRepository]
        if let organisation = try await listing("/orgs/\(owner)/repos?type=all&sort=full_name", owner: owner) {
            listed = organisation
        } else if let user = try await listing("/users/\(owner)/repos?type=owner&sort=full_name", owner: owner) {
            listed = user
        } else {
            throw ForgeError("no organisation or user named \(owner) on GitHub (or the token cannot see it)")
        }
        // A repository created or deleted between two pages shifts the later ones by one: the same
        // repository may then come twice.
        var seen = Set<String>()
        var result: [ForgeRepositoryListing] = []
        for repository in listed where RepositoryNames.isValid(repository.fullName) {
            guard seen.insert(repository.fullName.lowercased()).inserted else { continue }
            result.append(ForgeRepositoryListing(name: repository.fullName, topics: (repository.topics ?? []).map { $0.lowercased() },
                                                 archived: repository.archived ?? false, fork: repository.fork ?? false))
        }
        return result.sorted { ($0.name.lowercased(), $0.name) < ($1.name.lowercased(), $1.name) }
    }

    /// Every page of one listing endpoint, following `Link: rel="next"`; nil when the first page is 404.
    private func listing(_ path: String, owner: String) async throws -> [GitHubPayload.ListedRepository]? {
        var found: [GitHubPayload.ListedRepository] = []
        for number in 1...Self.listingPageLimit {
            let pagePath = path + "&per_page=100&page=\(number)"
            guard let page = try await listingPage(pagePath) else {
                guard number == 1 else { throw GitHubError.notFound(path: pagePath) }
                return nil
            }
            if let last = page.last, last > Self.listingPageLimit { break }
            found += page.repositories
            guard page.next else { return found }
        }
        throw ForgeError("\(owner) has more than \(Self.listingPageLimit * 100) repositories on GitHub, more than flash-sync lists for a "
            + "target_repos selector (\(Self.listingPageLimit) pages of 100): name the target repositories in target_repos instead.")
    }

    /// What the forge keeps of a listing page: its repositories (the fields read, not GitHub's whole
    /// answer) and its links, so a 304 answers as the page it confirms.
    private struct ListingPage: Codable {
        var repositories: [GitHubPayload.ListedRepository]
        var next: Bool
        var last: Int?
    }

    /// One page: a conditional GET against the last answer kept for it. Nil on 404.
    private func listingPage(_ path: String) async throws -> ListingPage? {
        let key = "listing:" + path
        let known = cache.validated(key).flatMap { entry in
            (try? JSONDecoder().decode(ListingPage.self, from: entry.body)).map { (etag: entry.etag, page: $0) }
        }
        let response = try await client.send("GET", path, headers: known.map { ["If-None-Match": $0.etag] } ?? [:])
        switch response.status {
        case 304:
            guard let known else { throw GitHubError.unexpected(path: path, status: 304, message: "Not Modified without a cached answer") }
            return known.page
        case 200..<300:
            let repositories = try Self.decode([GitHubPayload.ListedRepository].self, response.body, path)
            let links = Self.links(response.header("link"))
            let page = ListingPage(repositories: repositories, next: links.contains(where: { $0.relation == "next" }),
                                   last: links.first(where: { $0.relation == "last" })?.page)
            if let etag = response.header("etag"), let body = try? JSONEncoder().encode(page) { cache.storeValidated(key, etag: etag, body: body) }
            return page
        case 404:
            return nil
        default:
            throw GitHubError.conflict(path: path, status: response.status, message: response.errorMessage)
        }
    }

    /// One link of a `Link` header: its relation and the `page` its URL names.
    package struct Link: Sendable, Equatable {
        package var relation: String
        package var page: Int?

        package init(relation: String, page: Int?) {
            self.relation = relation
            self.page = page
        }
    }

    /// The links of a `Link` header (`<https://…?page=2>; rel="next", <…>; rel="last"`). Only the
    /// relations and page numbers are read: the forge builds every URL it requests itself.
    package static func links(_ header: String?) -> [Link] {
        guard let header else { return [] }
        var result: [Link] = []
        for part in header.split(separator: ",") {
            guard let open = part.firstIndex(of: "<"), let close = part[open...].firstIndex(of: ">") else { continue }
            let target = String(part[part.index(after: open)..<close])
            let page = URLComponents(string: target)?.queryItems?.first { $0.name == "page" }?.value.flatMap { Int($0) }
            for parameter in part[part.index(after: close)...].split(separator: ";") {
                let field = parameter.trimmingCharacters(in: .whitespaces)
                guard field.lowercased().hasPrefix("rel=") else { continue }
                let value = field.dropFirst(4).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                for relation in value.split(separator: " ") { result.append(Link(relation: relation.lowercased(), page: page)) }
            }
        }
        return result
    }
}

/// Each owner's listing, once per forge (one run): by owner, case-insensitively, as GitHub names
/// owners. Callers asking for an owner being listed wait for that listing instead of starting
/// another; a listing that failed is forgotten, so a later call tries again.
final class OwnerListings: @unchecked Sendable {
    private let lock = NSLock()
    private var tasks: [String: Task<[ForgeRepositoryListing], any Error>] = [:]

    func listing(_ owner: String, _ list: @escaping @Sendable () async throws -> [ForgeRepositoryListing]) async throws -> [ForgeRepositoryListing] {
        let key = owner.lowercased()
        let task: Task<[ForgeRepositoryListing], any Error> = lock.withLock {
            if let running = tasks[key] { return running }
            let started = Task { try await list() }
            tasks[key] = started
            return started
        }
        do {
            return try await task.value
        } catch {
            lock.withLock {
                if tasks[key] == task { tasks[key] = nil }
            }
            throw error
        }
    }
}
