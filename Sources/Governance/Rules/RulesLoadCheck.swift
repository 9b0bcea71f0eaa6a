import Foundation
import SyncKit

/// "The sync rules load without error": runs a loader over the rules folder and turns each
/// configuration error into a finding on its file and line.
///
/// The loader is a seam: the step passes `BasicSyncRulesCheck.load` until SyncKit's planning
/// loader exists; then the step passes a closure that runs the real loader and returns its
/// errors (see `GovernanceAuditStep.rulesLoader`).
package struct RulesLoadCheck: Sendable {
    /// Loads every rule in a folder and returns every problem found. `folder` is the folder's
    /// URL; `shownAs` is its repository-relative path, to be used for `ConfigError.file`
    /// (`shownAs + "/" + file name`), so findings point at repository paths.
    package typealias Loader = @Sendable (_ folder: URL, _ shownAs: String) -> [ConfigError]

    package var loader: Loader

    package init(loader: @escaping Loader) {
        self.loader = loader
    }

    /// The basic YAML check, used until the real loader is plugged in.
    package static let basic = RulesLoadCheck(loader: BasicSyncRulesCheck.load)

    func check(folder: String, required: Bool, in snapshot: RepositorySnapshot) -> [Problem] {
        guard snapshot.directories.contains(folder) else {
            return required ? [Problem("the sync rules folder '\(folder)/' does not exist.")] : []
        }
        return loader(snapshot.url(of: folder), folder).map { error in
            Problem(error.message + (error.hint.map { " " + $0 } ?? ""), file: error.file, line: error.line ?? 1, column: error.column)
        }
    }
}

/// Every `*.yaml` under the rules folder is YAML whose top level is a mapping with a
/// `sync_rule` mapping. It does not check the rule's own keys: that is the real loader's job.
package enum BasicSyncRulesCheck {
    package static func load(_ folder: URL, shownAs: String) -> [ConfigError] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return [ConfigError(file: shownAs, message: "the rules folder cannot be read.")]
        }
        let base = folder.standardizedFileURL.path
        var files: [String] = []
        for case let url as URL in walker where url.pathExtension == "yaml" {
            let relative = String(url.standardizedFileURL.path.dropFirst(base.count)).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            files.append(relative)
        }
        var errors: [ConfigError] = []
        for relative in files.sorted() {
            let name = shownAs + "/" + relative
            do throws(ConfigError) {
                let text = try ConfigFile.read(folder.appendingPathComponent(relative), shownAs: name)
                guard let document = try ConfigNode.parse(text, file: name) else {
                    errors.append(ConfigError(file: name, line: 1, message: "the rule file is empty.", hint: "Write one 'sync_rule:' mapping."))
                    continue
                }
                let mapping = try document.mapping()
                guard let rule = mapping["sync_rule"] else {
                    errors.append(document.error("the rule file has no top-level 'sync_rule' mapping.", hint: "Each file under the rules folder holds one 'sync_rule:'."))
                    continue
                }
                _ = try rule.mapping()
            } catch {
                errors.append(error)
            }
        }
        return errors
    }
}
