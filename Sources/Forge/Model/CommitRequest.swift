import Foundation
import SyncCore

package struct CommitRequest: Sendable, Equatable {
    package var branch: String
    package var parent: String
    package var message: String
    /// Path → new content, or nil to delete the file.
    package var changes: [String: Data?]

    package init(branch: String, parent: String, message: String, changes: [String: Data?]) {
        self.branch = branch
        self.parent = parent
        self.message = message
        self.changes = changes
    }
}
