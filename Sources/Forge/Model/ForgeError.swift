import Foundation
import SyncCore

package struct ForgeError: Error, Sendable, Equatable, CustomStringConvertible {
    package var message: String

    package init(_ message: String) {
        self.message = message
    }

    package var description: String { message }

    /// Refuses a commit or a read that names a path that is not a repository path: the last line
    /// of defence, so no forge ever writes outside the repository or into `.git`.
    package static func checkPaths(_ paths: some Sequence<String>, repository: String) throws {
        for path in paths {
            if let problem = RepositoryPath.problem(path) {
                throw ForgeError("refused to touch \(path.debugDescription) in \(repository): \(problem).")
            }
        }
    }
}
