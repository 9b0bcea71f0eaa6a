import Foundation
import SyncCore
import SyncKit

/// One check of the validation suite re-run on the reverted state.
package struct RollbackCheck: Sendable, Equatable {
    package var check: ValidationCheck
    package var status: CheckStatus
    package var details: String
    /// `path:line:column: message`, one per problem.
    package var findings: [String]
}

/// Re-runs the checks that apply to content already in the target: every restored Markdown
/// file's relative links resolve in the reverted tree (with GitHub anchors), and every restored
/// JSON and YAML file (and json/yaml fence in Markdown) parses and meets the `$schema` it names.
/// Secret scan and version tag are upstream checks of new content, and a rollback adds none.
package enum RollbackValidation {
    /// `restored`: path → content after the rollback (deleted paths absent); `tree`: every path of
    /// the target after the rollback; `state`: the restored sync state with the content of every
    /// file it lists, after the rollback.
    package static func run(restored: [String: Data], tree: Set<String>, state: (SyncState, contents: [String: Data])?) -> [RollbackCheck] {
        let texts = restored.compactMapValues(TextContent.decode)
        let markdown = texts.filter { TextContent.isMarkdown($0.key) }
        let links = LinkCheck(tree: tree, documents: markdown)
        var linkFindings: [String] = []
        for (path, text) in markdown.sorted(by: { $0.key < $1.key }) {
            linkFindings += links.check(text, at: path).map { "\(path):\($0.line):\($0.column): \($0.destination): \($0.reason)" }
        }
        let linkCheck = RollbackCheck(
            check: .linkIntegrity, status: markdown.isEmpty ? .skipped : (linkFindings.isEmpty ? .pass : .fail),
            details: markdown.isEmpty ? "no Markdown file restored" : (linkFindings.isEmpty ? "every link of \(markdown.count) restored Markdown file\(markdown.count == 1 ? "" : "s") resolves" : "\(linkFindings.count) broken link\(linkFindings.count == 1 ? "" : "s")"),
            findings: linkFindings
        )

        let schemas = SchemaCheck(schemas: [:], mapping: [])
        var parsed = 0
        var schemaFindings: [String] = []
        for (path, text) in texts.sorted(by: { $0.key < $1.key }) where TextContent.isJSON(path) || TextContent.isYAML(path) || TextContent.isMarkdown(path) {
            let outcome = schemas.check(text, sourcePath: path, targetPath: path)
            parsed += outcome.parsed
            schemaFindings += outcome.problems.map(\.description)
        }
        let schemaCheck = RollbackCheck(
            check: .schemaCheck, status: parsed == 0 && schemaFindings.isEmpty ? .skipped : (schemaFindings.isEmpty ? .pass : .fail),
            details: parsed == 0 && schemaFindings.isEmpty ? "no JSON or YAML restored" : (schemaFindings.isEmpty ? "\(parsed) JSON/YAML document\(parsed == 1 ? "" : "s") parse" : "\(schemaFindings.count) problem\(schemaFindings.count == 1 ? "" : "s")"),
            findings: schemaFindings
        )
        return [checksum(state), linkCheck, schemaCheck]
    }

    /// The restored files match the restored sync state, so drift detection starts clean.
    static func checksum(_ state: (SyncState, contents: [String: Data])?) -> RollbackCheck {
        guard let (state, contents) = state else {
            return RollbackCheck(check: .checksum, status: .skipped, details: "no sync state after the rollback: nothing to compare", findings: [])
        }
        // The rollback restores the tree as it was before the sync, so a file that differs from the
        // restored state was already edited downstream then: drift that comes back, not damage.
        var missing: [String] = []
        var drifted: [String] = []
        for path in state.files.keys.sorted() {
            guard let data = contents[path] else {
                missing.append("\(path): missing after the rollback, but the restored state lists it")
                continue
            }
            let actual = Checksum.sha256Hex(data)
            if actual != state.files[path]!.sha256 {
                drifted.append("\(path): sha256 \(actual.prefix(12)) differs from the restored state's \(state.files[path]!.sha256.prefix(12)): it was edited downstream before this sync (drift), and is restored as it was; detect-drift will report it")
            }
        }
        let findings = missing + drifted
        let status: CheckStatus = !missing.isEmpty ? .fail : (drifted.isEmpty ? .pass : .warn)
        let details = findings.isEmpty
            ? "\(state.files.count) file\(state.files.count == 1 ? "" : "s") match the \(state.version) sync state"
            : [missing.isEmpty ? nil : "\(missing.count) listed file\(missing.count == 1 ? "" : "s") missing",
               drifted.isEmpty ? nil : "\(drifted.count) file\(drifted.count == 1 ? "" : "s") restored with earlier downstream edits (drift)"].compactMap { $0 }.joined(separator: "; ")
        return RollbackCheck(check: .checksum, status: status, details: details, findings: findings)
    }
}
