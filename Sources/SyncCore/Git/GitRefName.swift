/// Git's rules for a branch name (`git check-ref-format --branch`), checked where a name is made
/// from configuration, so a bad template fails at load time with its file and line, not late on
/// every target.
package enum GitRefName {
    /// Why `name` cannot be a branch name, or nil when it can.
    package static func problem(_ name: String) -> String? {
        if name.isEmpty { return "it is empty" }
        if name.hasPrefix("-") { return "it starts with '-'" }
        if name.hasPrefix("/") || name.hasSuffix("/") { return "it starts or ends with '/'" }
        if name.contains("//") { return "it contains '//'" }
        if name.contains("..") { return "it contains '..'" }
        if name.contains("@{") { return "it contains '@{'" }
        if name == "@" { return "it is '@'" }
        if name.hasSuffix(".") { return "it ends with '.'" }
        for scalar in name.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F { return "it contains a control character" }
            if " ~^:?*[\\".unicodeScalars.contains(scalar) { return "it contains '\(scalar)'" }
        }
        for component in name.split(separator: "/") {
            if component.hasPrefix(".") { return "the part '\(component)' starts with '.'" }
            if component.hasSuffix(".lock") { return "the part '\(component)' ends with '.lock'" }
        }
        return nil
    }

    /// Why `name` cannot be a sync branch beside a valid ref name: `HEAD`, a full ref path, or
    /// the base branch it would be merged into; nil when it can.
    package static func syncBranchProblem(_ name: String, base: String?) -> String? {
        if name == "HEAD" || name.hasPrefix("refs/") { return "a sync branch is a plain branch name, not HEAD or a refs/ path" }
        if let base, name.lowercased() == base.lowercased() { return "it is the base branch the pull request goes into" }
        if ["main", "master"].contains(name.lowercased()) { return "it is a default branch name; a sync never commits to a default branch" }
        return nil
    }

    /// Why `value` cannot be a version: a git tag name of at most 100 characters without white
    /// space (it names branches, stamps and log lines); nil when it can.
    package static func versionProblem(_ value: String) -> String? {
        if value.count > 100 { return "it is \(value.count) characters long; the limit is 100" }
        if let problem = problem(value) { return "it is not a valid tag name (\(problem))" }
        if value.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 }) { return "it contains white space" }
        return nil
    }
}
