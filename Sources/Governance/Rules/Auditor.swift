import Diagnostics
import Foundation
import JSONSchema
import SyncCore

/// Runs every active rule of a policy over a repository snapshot, places each problem on a
/// file and line, and applies the exemptions (an expired one is a finding of its own).
package struct Auditor: Sendable {
    package var policy: Policy
    package var exemptions: [Exemption]
    package var rulesLoad: RulesLoadCheck
    package var today: ExemptionDate

    package init(policy: Policy, exemptions: [Exemption] = [], rulesLoad: RulesLoadCheck, today: ExemptionDate) {
        self.policy = policy
        self.exemptions = exemptions
        self.rulesLoad = rulesLoad
        self.today = today
    }

    /// Throws when the policy itself is broken (a JSON Schema it names cannot be compiled).
    package func run(on snapshot: RepositorySnapshot) throws(DiagnosticGroup) -> AuditResult {
        var found: [Finding] = []
        var errors: [Diagnostic] = []
        for rule in policy.activeRules {
            do throws(Diagnostic) {
                for problem in try problems(of: rule, in: snapshot) {
                    found.append(Finding(ruleId: rule.id, level: rule.level, message: problem.message, at: location(of: problem, rule: rule)))
                }
            } catch {
                errors.append(error)
            }
        }
        guard errors.isEmpty else { throw DiagnosticGroup(errors) }

        let expired = exemptions.filter { $0.isExpired(on: today) }
        let active = exemptions.filter { !$0.isExpired(on: today) }
        var counted: [Finding] = []
        var exempted: [ExemptedFinding] = []
        for finding in found {
            if let exemption = active.first(where: { $0.covers(finding) }) {
                exempted.append(ExemptedFinding(finding: finding, reason: exemption.reason, expires: exemption.expires.description, exemption: "\(exemption.file):\(exemption.line)"))
            } else {
                counted.append(finding)
            }
        }
        for exemption in expired {
            counted.append(Finding(
                ruleId: AuditResult.expiredExemptionRuleId, level: .error,
                message: "the exemption of '\(exemption.path.pattern)' from rule '\(exemption.ruleId)' expired on \(exemption.expires) (\(exemption.reason)); it no longer applies.",
                file: exemption.file, line: exemption.line
            ))
        }
        return AuditResult(policy: policy, findings: counted, exempted: exempted, expiredExemptions: expired.count)
    }

    /// The policy's own files and the exemptions file are not in any rule's scope: they name
    /// the very patterns the rules forbid.
    private var configurationFiles: Set<String> {
        Set(policy.chain + exemptions.map(\.file))
    }

    private func problems(of rule: PolicyRule, in snapshot: RepositorySnapshot) throws(Diagnostic) -> [Diagnostic] {
        let excluded = configurationFiles
        let files = snapshot.files.filter { rule.covers($0) && !excluded.contains($0) }
        do {
            switch rule.check {
            case .fileExists(let globs, let match):
                return FilePresenceChecks.fileExists(globs, match: match, in: snapshot)
            case .fileAbsent(let globs):
                return FilePresenceChecks.fileAbsent(globs, files: files)
            case .directoryExists(let paths, let match):
                return FilePresenceChecks.directoryExists(paths, match: match, in: snapshot)
            case .contentsMatch(let pattern):
                return try ContentChecks.mustMatch(pattern, files: files, in: snapshot)
            case .contentsAbsent(let pattern):
                return try ContentChecks.mustNotMatch(pattern, files: files, in: snapshot)
            case .frontmatter(let keys):
                return FrontmatterCheck.check(keys, files: files, in: snapshot)
            case .largeFile(let maxBytes):
                return ContentChecks.largeFiles(maxBytes: maxBytes, files: files, in: snapshot)
            case .jsonSchema(let schemaPath):
                let schema = try JSONSchemaCheck.compile(schemaPath, rule: rule, in: snapshot)
                return JSONSchemaCheck.check(schema, schemaPath: schemaPath, files: files.filter { $0 != schemaPath }, in: snapshot)
            case .codeOwners:
                return CodeOwnersCoverageCheck.check(files: files, in: snapshot)
            case .licenceFile(let names):
                return FilePresenceChecks.licence(names, in: snapshot)
            case .syncRulesLoad(let folder, let required):
                return rulesLoad.check(folder: folder, required: required, in: snapshot)
            case .glyphAssets(let folder, let required):
                return GlyphAssetCheck.check(folder: folder, required: required, files: files, in: snapshot)
            }
        } catch let error as Diagnostic {
            throw error
        } catch {
            throw Diagnostic.configuration(file: rule.file, line: rule.line, message: "rule '\(rule.id)' cannot run: \(error)")
        }
    }

    /// A problem with a file keeps it; one about the repository as a whole points at the rule in
    /// the policy file, or, for a rule of the built-in policy, at the path it asks for.
    private func location(of problem: Diagnostic, rule: PolicyRule) -> FileLocation {
        if let file = problem.file { return FileLocation(file: file, line: problem.line ?? 1, column: problem.column) }
        if rule.file != PolicyLoader.builtInName { return FileLocation(file: rule.file, line: rule.line) }
        if policy.file != PolicyLoader.builtInName { return FileLocation(file: policy.file, line: 1) }
        return FileLocation(file: rule.check.expectedPath, line: 1)
    }
}

extension RuleCheck {
    /// Where the thing a repository-level rule asks for would be.
    var expectedPath: String {
        switch self {
        case .fileExists(let globs, _), .fileAbsent(let globs): globs.first.map { $0.isLiteral ? $0.pattern : $0.staticPrefix } ?? "."
        case .directoryExists(let paths, _): paths.first ?? "."
        case .licenceFile(let names): names.first ?? "LICENSE"
        case .codeOwners: CodeOwnersCoverageCheck.locations[0]
        case .syncRulesLoad(let folder, _), .glyphAssets(let folder, _): folder
        case .contentsMatch, .contentsAbsent, .frontmatter, .largeFile, .jsonSchema: "."
        }
    }
}
