import Foundation
import Governance
import TestSupport

/// A repository in a temporary folder, built from literal files, audited in process.
struct AuditFixture {
    let directory: TemporaryDirectory

    init(_ files: [String: String]) throws {
        directory = try TemporaryDirectory("flash-sync-governance")
        for (path, text) in files { try directory.write(path, text) }
    }

    var root: URL { directory.url }

    func policy(_ path: String) throws -> Policy {
        try PolicyLoader(repositoryRoot: root).load(path)
    }

    /// Audits with the policy at `policyPath` (and exemptions, when given) on `today`.
    func audit(
        policy policyPath: String = "policy.yml", exemptions exemptionsPath: String? = nil,
        today: String = "2026-11-21", rulesLoad: RulesLoadCheck = .syncRules
    ) throws -> AuditResult {
        let policy = try policy(policyPath)
        var exemptions: [Exemption] = []
        if let exemptionsPath {
            exemptions = try ExemptionsFile.parse(try directory.read(exemptionsPath), file: exemptionsPath, policy: policy)
        }
        let auditor = Auditor(policy: policy, exemptions: exemptions, rulesLoad: rulesLoad, today: ExemptionDate(today)!)
        return try auditor.run(on: try RepositorySnapshot(root: root))
    }
}

extension AuditResult {
    /// `file:line` of every counted finding, in report order.
    var locations: [String] { findings.map { "\($0.file):\($0.line)" } }
}
