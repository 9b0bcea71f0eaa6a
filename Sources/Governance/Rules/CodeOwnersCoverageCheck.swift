import Diagnostics
import SyncCore

/// Every file in scope has at least one owner in CODEOWNERS. GitHub reads the first of
/// `.github/CODEOWNERS`, `CODEOWNERS` and `docs/CODEOWNERS` that exists; so does this check.
enum CodeOwnersCoverageCheck {
    static let locations = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"]

    static func check(files: [String], in snapshot: RepositorySnapshot) -> [Diagnostic] {
        guard let file = locations.first(where: snapshot.contains) else {
            return [Diagnostic(.error, "no CODEOWNERS file (looked in \(locations.joined(separator: ", "))), so \(files.count) file\(files.count == 1 ? " has" : "s have") no owner.")]
        }
        guard let text = snapshot.text(of: file) else {
            return [Diagnostic(.error, "'\(file)' is not a text file.", file: file, line: 1)]
        }
        let owners = CodeOwners(parsing: text, file: file)
        var problems = owners.problems.map { Diagnostic(.error, $0.description + ".", file: file, line: $0.line) }
        for path in files where path != file {
            if let rule = owners.rule(for: path), rule.owners.isEmpty {
                problems.append(Diagnostic(.error, 
                    "'\(path)' has no owner: the last matching CODEOWNERS line (\(file):\(rule.line), '\(rule.pattern)') names none.",
                    file: path, line: 1
                ))
            } else if owners.rule(for: path) == nil {
                problems.append(Diagnostic(.error, "'\(path)' has no owner: no line of \(file) matches it.", file: path, line: 1))
            }
        }
        return problems
    }
}
