import Foundation
import TestSupport
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Plain HTTP calls to a `FakeGitHub`, to see exactly what it answers (no retries, no decoding).
struct FakeGitHubHTTP {
    struct Answer {
        var status: Int
        /// Header names lower-cased.
        var headers: [String: String]
        var data: Data

        var object: [String: Any] { (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:] }
        var array: [[String: Any]] { (try? JSONSerialization.jsonObject(with: data)) as? [[String: Any]] ?? [] }
        var message: String? { object["message"] as? String }
        /// The first `errors[].message` of a "Validation Failed" answer, or of a GraphQL answer.
        var errorMessage: String? { (object["errors"] as? [[String: Any]])?.first?["message"] as? String }
    }

    let baseURL: String
    let token: String

    func send(_ method: String, _ path: String, _ body: Any? = nil, headers: [String: String] = [:], timeout: Double = 60) async throws -> Answer {
        var request = URLRequest(url: try #require(URL(string: baseURL + path)))
        request.httpMethod = method
        request.timeoutInterval = timeout
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.setValue("application/vnd.github+json", forHTTPHeaderField: "Accept")
        if let body {
            request.httpBody = try JSONSerialization.data(withJSONObject: body)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.timeoutIntervalForRequest = timeout
        let (data, response) = try await URLSession(configuration: configuration).data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        var fields: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            if let key = key as? String, let value = value as? String { fields[key.lowercased()] = value }
        }
        return Answer(status: http.statusCode, headers: fields, data: data)
    }

    func get(_ path: String, headers: [String: String] = [:]) async throws -> Answer {
        try await send("GET", path, headers: headers)
    }
}

extension FakeGitHubHTTP {
    static let token = "ghp_" + String(repeating: "F4", count: 18)
    static let repository = "example-org/app"

    /// A fake GitHub with `example-org/app` holding `files` on main, and a client for it.
    static func start(files: [String: String] = ["README.md": "hello\n"], allowsAutoMerge: Bool = true,
                      allowsMergeCommit: Bool = true) async throws -> (FakeGitHub, FakeGitHubHTTP) {
        let github = try await FakeGitHub(token: token, repositories: [:])
        try github.createRepository(repository, files: files.mapValues { Data($0.utf8) }, allowsAutoMerge: allowsAutoMerge,
                                    allowsMergeCommit: allowsMergeCommit)
        return (github, FakeGitHubHTTP(baseURL: github.apiURL, token: token))
    }

    /// `/repos/example-org/app` followed by `rest`.
    static func path(_ rest: String) -> String { "/repos/\(repository)\(rest)" }
}

extension FakeGitHubHTTP.Answer {
    /// `object.sha` of a ref, or `sha` of anything else.
    var sha: String? { (object["object"] as? [String: Any])?["sha"] as? String ?? object["sha"] as? String }

    /// The path and query of the `rel="next"` link, without the server's address.
    func nextPage(after baseURL: String) -> String? {
        for link in (headers["link"] ?? "").components(separatedBy: ", ") where link.hasSuffix("rel=\"next\"") {
            guard let start = link.firstIndex(of: "<"), let end = link.firstIndex(of: ">") else { continue }
            return String(link[link.index(after: start)..<end]).replacingOccurrences(of: baseURL, with: "")
        }
        return nil
    }
}
