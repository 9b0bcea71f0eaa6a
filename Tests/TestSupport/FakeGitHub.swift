import Foundation

/// GitHub's REST API as far as flash-sync uses it, served on 127.0.0.1 from memory, with
/// injectable faults. Every request is recorded by the underlying `LoopbackServer`.
package final class FakeGitHub: @unchecked Sendable {
    package struct Repository: Sendable {
        package var canPush: Bool
        package var defaultBranch: String

        package init(canPush: Bool = true, defaultBranch: String = "main") {
            self.canPush = canPush
            self.defaultBranch = defaultBranch
        }
    }

    /// A canned failure for the next requests whose path starts with `pathPrefix`.
    package struct Fault: Sendable {
        package var pathPrefix: String
        package var status: Int
        package var headers: [String: String]
        package var message: String
        package var times: Int

        package init(pathPrefix: String, status: Int, headers: [String: String] = [:], message: String = "fault", times: Int = 1) {
            self.pathPrefix = pathPrefix
            self.status = status
            self.headers = headers
            self.message = message
            self.times = times
        }
    }

    private let lock = NSLock()
    private var repositories: [String: Repository]
    private var faults: [Fault] = []
    package let token: String
    package let scopes: String?
    package private(set) var server: LoopbackServer!

    package init(token: String, repositories: [String: Repository], scopes: String? = "repo, workflow") async throws {
        self.token = token
        self.repositories = repositories
        self.scopes = scopes
        server = try await LoopbackServer { [weak self] request in
            guard let self else { return .init(status: 503) }
            return self.handle(request)
        }
    }

    package var apiURL: String { server.baseURL }

    package func inject(_ fault: Fault) {
        lock.withLock { faults.append(fault) }
    }

    private func takeFault(for path: String) -> Fault? {
        lock.withLock {
            guard let index = faults.firstIndex(where: { path.hasPrefix($0.pathPrefix) && $0.times > 0 }) else { return nil }
            faults[index].times -= 1
            return faults[index]
        }
    }

    private var rateHeaders: [String: String] {
        ["x-ratelimit-limit": "5000", "x-ratelimit-remaining": "4990", "x-ratelimit-used": "10",
         "x-ratelimit-reset": String(Int(Date().timeIntervalSince1970) + 3600), "x-ratelimit-resource": "core"]
    }

    func handle(_ request: LoopbackServer.RecordedRequest) -> LoopbackServer.Reply {
        if let fault = takeFault(for: request.path) {
            return .json(fault.status, ["message": fault.message], headers: fault.headers)
        }
        guard request.headers["authorization"] == "Bearer \(token)" else {
            return .json(401, ["message": "Bad credentials", "documentation_url": "https://docs.github.com/rest"])
        }
        var headers = rateHeaders
        if let scopes { headers["x-oauth-scopes"] = scopes }
        let parts = request.path.split(separator: "/").map(String.init)
        if request.method == "GET", parts.count == 3, parts[0] == "repos" {
            let name = "\(parts[1])/\(parts[2])"
            guard let repository = lock.withLock({ repositories[name] }) else {
                return .json(404, ["message": "Not Found"], headers: headers)
            }
            return .json(200, [
                "full_name": name,
                "default_branch": repository.defaultBranch,
                "permissions": ["admin": false, "push": repository.canPush, "pull": true],
                "allow_auto_merge": true,
            ], headers: headers)
        }
        return .json(404, ["message": "Not Found"], headers: headers)
    }
}
