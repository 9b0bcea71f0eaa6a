import Diagnostics
import SyncCore
/// Checks for the paths and patterns a rule names: nothing absolute, nothing that climbs out of
/// the repository, globs that compile.
enum RulePaths {
    static func validateRelative(_ path: String, node: ConfigNode, what: String) throws(Diagnostic) {
        if path.hasPrefix("/") || path.hasPrefix("~") || path.range(of: #"^[A-Za-z]:[\\/]"#, options: .regularExpression) != nil {
            throw node.error("\(what) '\(path)' is absolute; paths are relative to the repository root.")
        }
        if path.contains("\\") {
            throw node.error("\(what) '\(path)' contains a backslash; use / between folders.")
        }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        if segments.contains("..") {
            throw node.error("\(what) '\(path)' contains '..' and could escape the repository.")
        }
        if segments.dropLast().contains("") && !path.isEmpty {
            throw node.error("\(what) '\(path)' contains an empty folder name ('//').")
        }
        if let segment = segments.first(where: { RepositoryPath.isGitFolderName($0) }) {
            throw node.error("\(what) '\(path)' points into '\(segment)', which git reads as .git; it is never synced.")
        }
        if let scalar = path.unicodeScalars.first(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw node.error("\(what) contains the control character U+\(String(scalar.value, radix: 16, uppercase: true)); paths are plain text.")
        }
    }

    /// A target folder, normalised to end in `/` (`""` and `.` and `./` mean the root).
    static func targetFolder(_ path: String, node: ConfigNode) throws(Diagnostic) -> String {
        var value = path
        if value == "." || value == "./" { value = "" }
        if value.hasPrefix("./") { value.removeFirst(2) }
        try validateRelative(value, node: node, what: "target_path")
        if !value.isEmpty && !value.hasSuffix("/") { value += "/" }
        if !value.isEmpty, let problem = RepositoryPath.problem(String(value.dropLast())) {
            throw node.error("target_path '\(path)': \(problem).")
        }
        return value
    }

    static func glob(_ pattern: String, node: ConfigNode, what: String) throws(Diagnostic) -> Glob {
        if pattern.split(separator: "/").contains("..") {
            throw node.error("\(what) '\(pattern)' contains '..'; patterns match paths inside the repository.")
        }
        do {
            return try Glob(pattern)
        } catch {
            throw Diagnostic.configuration(
                file: node.file, line: node.line, column: node.column.map { $0 + (error.column ?? 1) - 1 + (node.isQuoted ? 1 : 0) },
                message: "\(what) '\(pattern)' is not a valid glob: \(error.description)"
            )
        }
    }
}

extension ConfigNode {
    /// Whether the scalar was written in quotes (the column of its text is one further).
    var isQuoted: Bool {
        guard case .scalar(let scalar) = node else { return false }
        return scalar.style == .singleQuoted || scalar.style == .doubleQuoted
    }
}
