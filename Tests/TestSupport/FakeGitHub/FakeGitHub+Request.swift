import Foundation

extension FakeGitHub {
    /// A received request with its path split into percent-decoded segments and its JSON body parsed.
    struct APIRequest {
        var method: String
        var path: String
        var segments: [String]
        var query: [String: String]
        var headers: [String: String]
        var json: Any?

        /// Nil when the body is not JSON.
        init?(_ recorded: LoopbackServer.RecordedRequest) {
            method = recorded.method
            path = recorded.path
            segments = recorded.path.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
            query = recorded.query
            headers = recorded.headers
            if recorded.body.isEmpty {
                json = nil
            } else {
                guard let parsed = try? JSONSerialization.jsonObject(with: recorded.body, options: [.fragmentsAllowed]) else { return nil }
                json = parsed
            }
        }

        var body: [String: Any] { json as? [String: Any] ?? [:] }

        /// `?per_page=` (default 30, at most 100) and `?page=` (from 1).
        var page: (size: Int, number: Int) {
            let size = min(100, max(1, query["per_page"].flatMap(Int.init) ?? 30))
            return (size, max(1, query["page"].flatMap(Int.init) ?? 1))
        }
    }
}

extension FakeGitHub.State {
    /// One page of `items` with GitHub's `Link` header (`next`, `last`, and `prev`/`first` after page 1).
    func paginated(_ items: [Any], _ request: FakeGitHub.APIRequest) -> LoopbackServer.Reply {
        paginated(count: items.count, request) { Array(items[$0]) }
    }

    /// One page of `count` items, `page` making only the items of the page asked for (by their
    /// indices), with GitHub's `Link` header.
    func paginated(count: Int, _ request: FakeGitHub.APIRequest, page items: (Range<Int>) -> [Any]) -> LoopbackServer.Reply {
        let (size, number) = request.page
        let pages = max(1, (count + size - 1) / size)
        let start = number > pages ? count : (number - 1) * size
        let slice = items(start..<min(count, start + size))
        func link(_ page: Int, _ relation: String) -> String {
            var query = request.query
            query["page"] = String(page)
            let text = query.sorted { $0.key < $1.key }
                .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .urlQueryValueAllowed) ?? $0.value)" }
                .joined(separator: "&")
            return "<\(apiURL)\(request.path)?\(text)>; rel=\"\(relation)\""
        }
        var links: [String] = []
        if number > 1 { links += [link(number - 1, "prev"), link(1, "first")] }
        if number < pages { links += [link(number + 1, "next"), link(pages, "last")] }
        return .json(200, slice, headers: links.isEmpty ? [:] : ["Link": links.joined(separator: ", ")])
    }
}

fileprivate extension CharacterSet {
    /// Unreserved characters: everything else in a query value is percent-encoded.
    static let urlQueryValueAllowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
}

extension LoopbackServer.Reply {
    static let documentation = "https://docs.github.com/rest"

    static var notFound: Self { .json(404, ["message": "Not Found", "documentation_url": documentation]) }

    /// 422 with a bare message, as the git data API answers.
    static func unprocessable(_ message: String) -> Self {
        .json(422, ["message": message, "documentation_url": documentation])
    }

    /// 422 "Validation Failed" with GitHub's `errors` list.
    static func validationFailed(_ errors: [[String: Any]]) -> Self {
        .json(422, ["message": "Validation Failed", "errors": errors, "documentation_url": documentation])
    }

    /// 403 for a write the token may not make.
    static var notAccessible: Self {
        .json(403, ["message": "Resource not accessible by integration", "documentation_url": documentation])
    }
}
