import Diagnostics
import SyncCore
import SyncKit

/// The findings of validate-sync as SARIF 2.1.0: one reporting rule per check, every result on
/// the upstream file and line it comes from (a finding without a line points at line 1).
enum ValidationSARIF {
    static func render(_ findings: [ValidationFinding], version: String) throws -> String {
        let rules = ValidationCheck.allCases.map { check in
            SARIFReportingDescriptor(
                id: "flash-sync/\(check.rawValue)", name: check.title, shortDescription: check.title,
                fullDescription: check.blocks ? "\(check.title) failures block the sync of the rule." : "\(check.title) failures warn; the PR carries a note.",
                help: SARIFMessage(help(for: check)), level: check.blocks ? .error : .warning, tags: ["flash-sync", "sync-validation"]
            )
        }
        let results = findings.map { finding in
            // The sync rule leads the message: SARIF's rule is the check.
            var diagnostic = finding.diagnostic
            diagnostic.message = "[\(finding.ruleID)] \(finding.message)"
            return SARIFResult(
                diagnostic, ruleIndex: ValidationCheck.allCases.firstIndex(of: finding.check),
                fingerprint: Checksum.sha256Hex("\(finding.check.rawValue)|\(finding.ruleID)|\(finding.file)|\(finding.message)").prefix(32).description
            )
        }
        let tool = SARIFTool(driver: SARIFToolComponent(name: "flash-sync validate-sync", version: version, informationUri: nil, rules: rules))
        return try SARIFWriter.json(SARIFLog(runs: [SARIFRun(tool: tool, results: results)]))
    }

    static func help(for check: ValidationCheck) -> String {
        switch check {
        case .checksum: "The file that would be written differs from the plan. Re-run plan-sync: the plan or its blob store changed."
        case .linkIntegrity: "A relative link or #fragment would not resolve in the target. Sync the linked file, fix the link, or strip internal links."
        case .schemaCheck: "A JSON or YAML document (or a fenced block) does not parse or does not match its JSON Schema. Fix it upstream."
        case .secretScan: "A credential, internal-only marker or private path would leave the repository. Remove it upstream, or allowlist a known false positive with a reason."
        case .versionTag: "The file does not carry the release version in its frontmatter or header comment."
        }
    }
}
