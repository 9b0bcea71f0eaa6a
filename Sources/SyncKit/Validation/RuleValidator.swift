import Diagnostics
import Foundation
import SyncCore

/// Runs the five checks on one planned rule, on the files exactly as they will be written.
package struct RuleValidator: Sendable {
    package struct Context: Sendable {
        package var version: String
        package var versionKey: String
        package var force: Bool
        /// Every path the target will have after the sync.
        package var tree: Set<String>
        /// Markdown of the target's known files, by path (for fragment checks across files).
        package var documents: [String: String]
        package var scanner: SecretScanner
        package var schemas: SchemaCheck
        /// Upstream source text by source path, to map rendered lines back.
        package var sources: [String: String]

        package init(version: String, versionKey: String, force: Bool, tree: Set<String>, documents: [String: String],
                     scanner: SecretScanner, schemas: SchemaCheck, sources: [String: String]) {
            self.version = version
            self.versionKey = versionKey
            self.force = force
            self.tree = tree
            self.documents = documents
            self.scanner = scanner
            self.schemas = schemas
            self.sources = sources
        }
    }

    package let context: Context

    package init(context: Context) {
        self.context = context
    }

    package func validate(_ rule: PlannedRule, blob: (String) -> Data?) -> (validation: RuleValidation, findings: [ValidationFinding]) {
        var findings: [ValidationFinding] = []
        func add(_ check: ValidationCheck, _ file: String, _ line: Int?, _ column: Int?, _ message: String, _ help: String? = nil) {
            findings.append(ValidationFinding(check: check, ruleID: rule.ruleID, location: FileLocation(file: file, line: line, column: column), message: message, help: help))
        }
        var matching = 0, broken = 0, schemasValidated = 0, parsed = 0, secrets = 0, stamped = 0, unstamped = 0
        var schemaNotes: [String] = []
        let linkCheck = LinkCheck(tree: context.tree, documents: context.documents)

        for file in rule.files {
            guard let data = blob(file.sha256) else {
                add(.checksum, file.source, nil, nil, "the rendered content of \(file.destination) is missing from the plan's blob store")
                continue
            }
            // 1. Checksum
            let actual = Checksum.sha256Hex(data)
            if actual == file.sha256 {
                matching += 1
            } else {
                add(.checksum, file.source, nil, nil, "\(file.destination): SHA-256 \(actual.prefix(12))… does not match the plan's \(file.sha256.prefix(12))…", "Re-run plan-sync; the plan or its blob store changed after planning.")
            }
            guard !file.binary, let text = TextContent.decode(data) else { continue }
            let lines = SourceLineMap(rendered: text, source: rule.strategy == .reference ? nil : context.sources[file.source])
            // 2. Links
            if TextContent.isMarkdown(file.destination) {
                for link in linkCheck.check(text, at: file.destination) {
                    broken += 1
                    add(.linkIntegrity, file.source, lines.sourceLine(link.line), link.column, "broken link '\(link.destination)' in \(file.destination): \(link.reason)",
                        "Sync the linked file with this rule, fix the link, or strip it (strip_internal_links).")
                }
            }
            // 3. Schemas
            if rule.schemaCheck {
                let outcome = context.schemas.check(text, sourcePath: file.source, targetPath: file.destination)
                schemasValidated += outcome.validated
                parsed += outcome.parsed
                schemaNotes += outcome.notes
                for problem in outcome.problems {
                    add(.schemaCheck, file.source, lines.sourceLine(problem.line ?? 1), problem.column, "\(file.destination): \(problem.message)")
                }
            }
            // 4. Secrets, internal-only content, private paths
            for finding in context.scanner.scan(Array(data), path: file.source) {
                secrets += 1
                add(.secretScan, file.source, lines.sourceLine(finding.line), finding.column, "\(finding.message) [\(finding.ruleID)] in \(file.destination): \(finding.preview)",
                    "Remove it upstream, or add an allowlist entry with a reason if it is a known false positive (fingerprint \(finding.fingerprint)).")
            }
            // 5. Version tag
            if file.stamp.hasPrefix(context.versionKey + ":") {
                if VersionStamp.carries(text, key: context.versionKey, version: context.version) {
                    stamped += 1
                } else {
                    unstamped += 1
                    add(.versionTag, file.source, 1, nil, "\(file.destination) does not carry \(context.versionKey): \(context.version)")
                }
            } else {
                unstamped += 1
                add(.versionTag, file.source, nil, nil, "\(file.destination) carries no version tag (\(file.stamp))")
            }
        }

        let total = rule.files.count
        var checks: [CheckResult] = []
        checks.append(rule.checksum
            ? CheckResult(name: .checksum, status: matching == total ? .pass : .fail, details: "\(matching)/\(total) files match")
            : CheckResult(name: .checksum, status: .skipped, details: "disabled by the rule"))
        checks.append(CheckResult(name: .linkIntegrity, status: broken == 0 ? .pass : .fail, details: "\(broken) broken link\(broken == 1 ? "" : "s")"))
        if rule.schemaCheck {
            let failed = findings.filter { $0.check == .schemaCheck }.count
            var details = "\(schemasValidated) schema\(schemasValidated == 1 ? "" : "s") validated, \(parsed) document\(parsed == 1 ? "" : "s") parsed"
            if failed > 0 { details += ", \(failed) error\(failed == 1 ? "" : "s")" }
            if !schemaNotes.isEmpty { details += "; " + Set(schemaNotes).sorted().joined(separator: "; ") }
            checks.append(CheckResult(name: .schemaCheck, status: failed == 0 ? .pass : .fail, details: details))
        } else {
            checks.append(CheckResult(name: .schemaCheck, status: .skipped, details: "disabled by the rule"))
        }
        checks.append(CheckResult(name: .secretScan, status: secrets == 0 ? .pass : .fail, details: "\(secrets) violation\(secrets == 1 ? "" : "s")"))
        checks.append(CheckResult(
            name: .versionTag, status: unstamped == 0 ? .pass : .warn,
            details: unstamped == 0 ? "\(context.version) present in all files" : "\(context.version) missing in \(unstamped) of \(stamped + unstamped) text files"
        ))
        if !rule.checksum { findings.removeAll { $0.check == .checksum } }

        let failing = checks.filter { $0.status == .fail }
        var notes: [String] = []
        var blocked = false
        for check in failing where check.name.blocks {
            if check.name == .secretScan || !context.force {
                blocked = true
            } else {
                notes.append("\(check.name.title) failed; forced through with force: true")
            }
        }
        if checks.contains(where: { $0.name == .versionTag && $0.status == .warn }) {
            notes.append("Some files carry no \(context.version) version tag: \(checks.first { $0.name == .versionTag }!.details).")
        }
        let overall: CheckStatus = blocked ? .fail : (checks.map(\.status).max() == .fail || checks.contains { $0.status == .warn } ? .warn : .pass)
        return (RuleValidation(checks: checks, overall: overall, blocked: blocked, notes: notes), findings)
    }
}
