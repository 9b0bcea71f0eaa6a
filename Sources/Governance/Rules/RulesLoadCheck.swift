import Diagnostics
import Foundation
import SyncCore

/// "The sync rules load without error": runs a loader over the rules folder and turns each
/// configuration error into a finding on its file and line.
///
/// The loader is a seam so tests can pass their own; governance-audit passes plan-sync's own loader
/// (`RulesLoadCheck.syncRules` in Steps), so the audit and the sync can never disagree about a rule file.
package struct RulesLoadCheck: Sendable {
    /// Loads every rule in a folder and returns every problem found. `folder` is the folder's
    /// URL; `shownAs` is its repository-relative path, to be used for `Diagnostic.file`
    /// (`shownAs + "/" + file name`), so findings point at repository paths.
    package typealias Loader = @Sendable (_ folder: URL, _ shownAs: String) -> [Diagnostic]

    package var loader: Loader

    package init(loader: @escaping Loader) {
        self.loader = loader
    }

    func check(folder: String, required: Bool, in snapshot: RepositorySnapshot) -> [Diagnostic] {
        guard snapshot.directories.contains(folder) else {
            return required ? [Diagnostic(.error, "the sync rules folder '\(folder)/' does not exist.")] : []
        }
        return loader(snapshot.url(of: folder), folder).map { error in
            Diagnostic(.error, error.message + (error.hint.map { " " + $0 } ?? ""), file: error.file, line: error.line ?? 1, column: error.column)
        }
    }
}
