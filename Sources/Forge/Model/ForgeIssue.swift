import Foundation
import SyncCore

package struct ForgeIssue: Sendable, Equatable, Codable {
    package var number: Int
    package var url: String
    package var title: String
    package var body: String
    package var labels: [String]
    package var state: String
    package var comments: [String]

    package init(number: Int, url: String, title: String, body: String, labels: [String], state: String, comments: [String]) {
        self.number = number
        self.url = url
        self.title = title
        self.body = body
        self.labels = labels
        self.state = state
        self.comments = comments
    }
}

/// One comment on an issue or pull request.
package struct ForgeComment: Sendable, Equatable, Codable {
    package var id: Int
    package var body: String
    package var url: String

    package init(id: Int, body: String, url: String) {
        self.id = id
        self.body = body
        self.url = url
    }
}
