import Foundation
import SyncCore

extension GitEnvironment {
    /// Tests find git on the runner's `PATH` and read nothing else of the developer's environment:
    /// `HOME` is a folder that does not exist, so no `~/.gitconfig` or credential helper is seen.
    package static let tests = GitEnvironment(inheriting: [
        "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
        "HOME": "/nonexistent/flash-sync-tests-home",
    ])
}
