import Foundation
import Governance
import JSONSchema
import Steps
import StepTestSupport
import TestSupport
import Testing

@Suite("governance-audit step")
struct GovernanceAuditStepTests {
    static func harness(_ files: [String: String]) throws -> StepHarness {
        let harness = try StepHarness()
        for (path, text) in files {
            try harness.directory.write("work/" + path, text)
        }
        return harness
    }

    @Test("findings fail the step with exit 1, one annotation per finding on its file and line, and every report")
    func failing() async throws {
        let harness = try Self.harness(ReportFixture.files)
        let result = try await harness.run(GovernanceAuditStep.self, ["--policy", ReportFixture.policyPath, "--sarif-path", "out/audit.sarif"])
        #expect(result.status == 1)
        #expect(result.output("passed") == "false")
        #expect(result.output("errors") == "4")
        #expect(result.output("warnings") == "2")
        #expect(result.output("sarif") == harness.workingDirectory.appendingPathComponent("out/audit.sarif").path)
        let annotations = result.log.split(separator: "\n").filter { $0.hasPrefix("::error ") || $0.hasPrefix("::warning ") }
        #expect(annotations.count == 6)
        #expect(annotations.contains { $0.hasPrefix("::error title=Governance%3A agent-frontmatter,file=agents/planner.md,line=3,col=10::'version' in the frontmatter") })
        #expect(annotations.contains { $0.hasPrefix("::warning title=Governance%3A no-todo,file=core/notes.md,line=2,col=3::") })
        #expect(annotations.contains { $0.hasPrefix("::error title=Governance%3A license-file,file=.github/flash-sync/base.yml,line=2::") })
        #expect(annotations.allSatisfy { $0.contains("How to fix: ") })

        let sarif = try JSONParser.parse(try harness.directory.read("work/out/audit.sarif"))
        #expect(sarif["runs"]?.arrayValue?.first?["results"]?.arrayValue?.count == 6)
        let reportPath = try #require(result.output("report"))
        let report = try JSONParser.parse(String(decoding: try Data(contentsOf: URL(fileURLWithPath: reportPath)), as: UTF8.self))
        #expect(report["passed"] == false)
        #expect(report["policies"] == [".github/flash-sync/policy.yml", ".github/flash-sync/base.yml"])
        #expect(report["exempted"]?.arrayValue?.count == 1)
        #expect(report["findings"]?.arrayValue?.first?["remediation"] == "Add a LICENSE file at the repository root.")
        Golden.check(result.summary, named: "governance-audit-summary.md", in: RepositoryFiles.url("Tests/GovernanceTests/Golden"))
    }

    @Test("the example upstream repository passes its own policy")
    func exampleRepository() async throws {
        let harness = try StepHarness()
        let example = RepositoryFiles.url("examples/upstream").path
        let result = try await harness.run(GovernanceAuditStep.self, [
            "--repository-path", example, "--policy", ".github/flash-sync/policy.yml",
            "--sarif-path", harness.directory.path("audit.sarif").path, "--report-path", harness.directory.path("audit.json").path,
        ])
        #expect(result.status == 0, "\(result.log)")
        #expect(result.output("passed") == "true")
        #expect(result.output("errors") == "0")
        #expect(result.summary.contains("## Governance audit ✅ passed"))
        #expect(result.summary.contains("(extends `builtin:default`)"))
    }

    @Test("a broken policy exits 2 with an annotation on its file and line")
    func brokenPolicy() async throws {
        let harness = try Self.harness([
            ".github/flash-sync/policy.yml": "rules:\n  - id: a\n    type: licence-file\n    remediation: x\n  - id: b\n    type: codeowners\n",
        ])
        let result = try await harness.run(GovernanceAuditStep.self)
        #expect(result.status == 2)
        #expect(result.log.contains("::error title=Configuration error,file=.github/flash-sync/policy.yml,line=3,col=11::unknown rule type 'licence-file'. Did you mean 'license-file'?"))
        #expect(result.log.contains("::error title=Configuration error,file=.github/flash-sync/policy.yml,line=5,col=5::rule 'b' needs a 'remediation'"))
        #expect(result.output("passed") == nil)
    }

    @Test("an exemptions file naming a missing rule exits 2")
    func brokenExemptions() async throws {
        var files = ReportFixture.files
        files[ReportFixture.exemptionsPath] = "exemptions:\n  - path: a\n    rule: nope\n    reason: r\n    expires: 2030-01-01\n"
        let result = try await Self.harness(files).run(GovernanceAuditStep.self, ["--policy", ReportFixture.policyPath])
        #expect(result.status == 2)
        #expect(result.log.contains("file=.github/flash-sync/exemptions.yml,line=3,col=11::the exemption names rule 'nope'"))
    }

    @Test("without a policy file the built-in default policy runs")
    func builtInDefault() async throws {
        let harness = try Self.harness(["agents/planner.md": "# Planner\n", "LICENSE": "x", "CODEOWNERS": "* @org/all\n"])
        let result = try await harness.run(GovernanceAuditStep.self)
        #expect(result.status == 1)
        #expect(result.log.contains("using the built-in default policy"))
        #expect(result.log.contains("::error title=Governance%3A agent-frontmatter,file=agents/planner.md,line=1::'agents/planner.md' has no frontmatter"))
        #expect(result.log.contains("::error title=Governance%3A sync-rules-load,file=core/orchestrator/distribution/rules,line=1::The sync rules folder"))
    }

    @Test("a policy path outside the repository is refused")
    func outsidePolicy() async throws {
        let result = try await Self.harness([:]).run(GovernanceAuditStep.self, ["--policy", "../policy.yml"])
        #expect(result.status == 2)
        #expect(result.log.contains("must be a path inside the repository"))
    }
}
