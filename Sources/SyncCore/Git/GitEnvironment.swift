import Foundation

/// The environment every git subprocess runs with, made from the step's environment rather than
/// the process's: git finds itself through `PATH` and keeps `HOME` and `TMPDIR`, and nothing else
/// of the caller's environment reaches it. No system or global git configuration is read (a
/// developer's `~/.gitconfig` with `commit.gpgsign`, hooks or aliases never changes what the
/// tests or a step see), `GIT_*` variables such as `GIT_DIR` are dropped, prompts are off and
/// messages are in the C locale, so the errors a step parses are the same everywhere.
///
/// Only the repository git is run in is marked `safe.directory` (on the command-line scope git
/// trusts), because the global configuration where actions/checkout records it is not read.
///
///     let git = GitRepository(folder, environment: GitEnvironment(inheriting: context.environment))
package struct GitEnvironment: Sendable, Equatable {
    /// The variables taken from the caller's environment when present.
    package static let inherited = ["PATH", "HOME", "TMPDIR"]

    private var base: [String: String]

    package init(inheriting environment: [String: String]) {
        var base: [String: String] = [:]
        for name in Self.inherited {
            if let value = environment[name], !value.isEmpty { base[name] = value }
        }
        base["GIT_CONFIG_NOSYSTEM"] = "1"
        base["GIT_CONFIG_GLOBAL"] = "/dev/null"
        base["GIT_TERMINAL_PROMPT"] = "0"
        base["GIT_ASKPASS"] = "/bin/false"
        base["LC_ALL"] = "C"
        self.base = base
    }

    /// The variables for a git run in `directory`, with `extra` (author and committer, an index
    /// file) on top.
    package func variables(in directory: URL, extra: [String: String] = [:]) -> [String: String] {
        var variables = base
        variables["GIT_CONFIG_COUNT"] = "1"
        variables["GIT_CONFIG_KEY_0"] = "safe.directory"
        variables["GIT_CONFIG_VALUE_0"] = directory.standardizedFileURL.path
        return variables.merging(extra) { _, new in new }
    }
}
