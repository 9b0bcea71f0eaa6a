import Foundation
import Steps
import StepTestSupport
import SyncCore
import TestSupport
import Testing

/// validate-secrets' live check when a rule writes under .github/workflows/: the token must be
/// able to write workflow files, and the step says exactly what to grant when it cannot, or
/// when that cannot be known from the token itself.
@Suite("validate-secrets: workflow files")
struct ValidateSecretsWorkflowTests {
    static let appToken: String = "ghs_" + String(String(repeating: "Q7w8E9r0T1", count: 4).prefix(36))
    static let fineGrainedToken: String = "github_pat_" + String(String(repeating: "K3m4N5p6Q7", count: 3).prefix(22))
        + "_" + String(String(repeating: "R8s9T0u1V2", count: 6).prefix(59))

    /// GitHub Actions workflows into org/a.
    static let workflowRule = """
        sync_rule:
          id: sync-ci
          source: "templates/workflows/*.yml"
          target_repo: org/a
          target_path: .github/workflows/
          strategy: copy
          frequency: on_release
        """

    /// Documentation into the root of org/a: `**` never steps into .github/.
    static let docsRule = """
        sync_rule:
          id: sync-docs
          source: "core/docs/**"
          target_repo: org/a
          target_path: ""
          strategy: copy
          frequency: on_release
        """

    func fake(token: String, scopes: String? = "repo, workflow") async throws -> FakeGitHub {
        try await FakeGitHub(token: token, repositories: ["org/upstream": .init(), "org/a": .init(), "org/b": .init()], scopes: scopes)
    }

    func makeHarness(_ github: FakeGitHub, token: String = SampleSecrets.githubToken, rules: [String: String]) throws -> StepHarness {
        let harness = try StepHarness(environment: SampleSecrets.all.merging([
            "GITHUB_API_URL": github.apiURL, "GITHUB_REPOSITORY": "org/upstream", "GITHUB_TOKEN": token,
        ]) { _, new in new })
        for (name, text) in rules {
            try harness.directory.write("work/core/orchestrator/distribution/rules/\(name)", text + "\n")
        }
        return harness
    }

    func runLiveCheck(_ harness: StepHarness, _ github: FakeGitHub, _ arguments: [String] = []) async throws -> StepHarness.Result {
        let result = try await harness.run(ValidateSecretsStep.self, ["--live-check", "--target-repos", "org/a"] + arguments)
        await github.server.stop()
        #expect(github.contractViolations.isEmpty, "\(github.contractViolations)")
        return result
    }

    @Test("a classic token without the workflow scope fails, naming the scope to add")
    func classicWithoutWorkflowScope() async throws {
        let github = try await fake(token: SampleSecrets.githubToken, scopes: "repo")
        let harness = try makeHarness(github, rules: ["ci.yaml": Self.workflowRule])
        let result = try await runLiveCheck(harness, github, ["--report-path", "secrets-report.json"])
        #expect(result.status == 1, "\(result.log)")
        #expect(result.output("valid") == "false")
        #expect(result.log.contains("::error title=Workflow files::Rule 'sync-ci' (org/a, target_path .github/workflows/) can write files under .github/workflows/, but the classic personal access token has the scopes repo and not `workflow`."), "\(result.log)")
        #expect(result.log.contains("Add the `workflow` scope to the token"))
        #expect(result.log.contains("Secrets check failed: the token cannot write workflow files (it needs the `workflow` scope)."))
        #expect(result.summary.contains("### Workflow files"))
        #expect(result.summary.contains("❌ Rule 'sync-ci'"))
        #expect(result.summary.contains("| sync-ci | org/a | .github/workflows/ | templates/workflows/*.yml |"))
        let report = try String(contentsOf: harness.workingDirectory.appendingPathComponent("secrets-report.json"), encoding: .utf8)
        #expect(report.contains("\"status\" : \"missing\""))
        #expect(report.contains("\"token\" : \"classic\""))
        // The scopes come with the repository reads: no request of its own.
        #expect(github.server.requests.map(\.path) == ["/repos/org/upstream", "/repos/org/a"])
    }

    @Test("a classic token with the workflow scope passes")
    func classicWithWorkflowScope() async throws {
        let github = try await fake(token: SampleSecrets.githubToken, scopes: "repo, workflow")
        let result = try await runLiveCheck(try makeHarness(github, rules: ["ci.yaml": Self.workflowRule, "docs.yaml": Self.docsRule]), github)
        #expect(result.status == 0, "\(result.log)")
        #expect(result.output("valid") == "true")
        #expect(result.log.contains("The token can write workflow files."))
        #expect(!result.log.contains("::warning"))
        #expect(result.summary.contains("✅ Rule 'sync-ci' (org/a, target_path .github/workflows/) can write files under .github/workflows/; the classic personal access token has the `workflow` scope"))
        #expect(!result.summary.contains("sync-docs"), "a rule writing docs is not a workflow writer")
    }

    @Test("no rule writes under .github/workflows/: no workflow check, whatever the scopes")
    func noWorkflowRule() async throws {
        let github = try await fake(token: SampleSecrets.githubToken, scopes: "repo")
        let result = try await runLiveCheck(try makeHarness(github, rules: ["docs.yaml": Self.docsRule]), github)
        #expect(result.status == 0, "\(result.log)")
        #expect(result.output("valid") == "true")
        #expect(!result.log.contains("Workflow files"))
        #expect(!result.summary.contains("Workflow files"))
        #expect(github.server.requests.map(\.path) == ["/repos/org/upstream", "/repos/org/a"])
    }

    @Test("a workflow rule of a target this run does not sync is not checked")
    func otherTarget() async throws {
        let github = try await fake(token: SampleSecrets.githubToken, scopes: "repo")
        let harness = try makeHarness(github, rules: ["ci.yaml": Self.workflowRule])
        let result = try await harness.run(ValidateSecretsStep.self, ["--live-check", "--target-repos", "org/b"])
        await github.server.stop()
        #expect(result.status == 0, "\(result.log)")
        #expect(!result.summary.contains("Workflow files"))
    }

    @Test("without rules the check says it could not look, and passes nothing off as checked")
    func noRules() async throws {
        let github = try await fake(token: SampleSecrets.githubToken, scopes: "repo")
        let result = try await runLiveCheck(try makeHarness(github, rules: [:]), github)
        #expect(result.status == 0, "\(result.log)")
        #expect(result.log.contains("::notice title=Workflow files::No sync rules at core/orchestrator/distribution/rules: whether the token can write workflow files (.github/workflows/) was not checked."))
        #expect(!result.log.contains("The token can write workflow files."))
    }

    @Test("a broken rule stops the live check before any request (exit 2)")
    func brokenRule() async throws {
        let github = try await fake(token: SampleSecrets.githubToken)
        let broken = "sync_rule:\n  id: broken\n  source: \"core/**\"\n  target_repo: org/a\n  target_path: ../up\n  strategy: copy\n  frequency: manual"
        let result = try await runLiveCheck(try makeHarness(github, rules: ["broken.yaml": broken]), github)
        #expect(result.status == 2, "\(result.log)")
        #expect(result.log.contains("target_path '../up' contains '..'"))
        #expect(github.server.requests.isEmpty)
    }

    @Test("a GitHub App token without app-permissions: a warning with what to grant, not a pass")
    func appTokenUnverified() async throws {
        let github = try await fake(token: Self.appToken, scopes: nil)
        let harness = try makeHarness(github, token: Self.appToken, rules: ["ci.yaml": Self.workflowRule])
        let result = try await runLiveCheck(harness, github, ["--report-path", "secrets-report.json"])
        #expect(result.status == 0, "\(result.log)")
        #expect(result.output("valid") == "true")
        #expect(result.log.contains("::warning title=Workflow files::Rule 'sync-ci' (org/a, target_path .github/workflows/) can write files under .github/workflows/. A GitHub App installation token cannot read its own permissions"), "\(result.log)")
        #expect(result.log.contains("Repository permissions → Workflows: Read and write"))
        #expect(result.log.contains("permission-workflows: write"))
        #expect(result.log.contains("Whether the token can write workflow files was not verified (see the warning)."))
        #expect(!result.log.contains("The token can write workflow files."))
        #expect(result.summary.contains("⚠️ Not verified: Rule 'sync-ci'"))
        let report = try String(contentsOf: harness.workingDirectory.appendingPathComponent("secrets-report.json"), encoding: .utf8)
        #expect(report.contains("\"status\" : \"unverified\""))
        #expect(report.contains("\"token\" : \"app-installation\""))
    }

    @Test("a GitHub App token whose app-permissions give workflows: write passes", arguments: [
        "contents:write,pull_requests:write,workflows:write",
        "permission-contents: write\npermission-workflows: write",
        #"{"contents":"write","metadata":"read","workflows":"write"}"#,
    ])
    func appTokenGranted(_ permissions: String) async throws {
        let github = try await fake(token: Self.appToken, scopes: nil)
        let result = try await runLiveCheck(try makeHarness(github, token: Self.appToken, rules: ["ci.yaml": Self.workflowRule]), github, ["--app-permissions", permissions])
        #expect(result.status == 0, "\(result.log)")
        #expect(result.log.contains("The token can write workflow files."))
        #expect(result.summary.contains("✅ Rule 'sync-ci'"))
        #expect(result.summary.contains("app-permissions gives the GitHub App installation token workflows: write"))
    }

    @Test("a GitHub App token whose app-permissions lack workflows fails, naming the permission")
    func appTokenMissing() async throws {
        let github = try await fake(token: Self.appToken, scopes: nil)
        let result = try await runLiveCheck(try makeHarness(github, token: Self.appToken, rules: ["ci.yaml": Self.workflowRule]), github, ["--app-permissions", "contents:write,pull_requests:write"])
        #expect(result.status == 1, "\(result.log)")
        #expect(result.output("valid") == "false")
        #expect(result.log.contains("but app-permissions gives the GitHub App installation token workflows: none."), "\(result.log)")
        #expect(result.log.contains("Repository permissions → Workflows: Read and write"))
        #expect(result.log.contains("the token cannot write workflow files (it needs the GitHub App permission Workflows: Read and write)"))
    }

    @Test("a malformed app-permissions is an input error (exit 2) before any request")
    func appPermissionsMalformed() async throws {
        let github = try await fake(token: Self.appToken, scopes: nil)
        let result = try await runLiveCheck(try makeHarness(github, token: Self.appToken, rules: ["ci.yaml": Self.workflowRule]), github, ["--app-permissions", "workflows:full"])
        #expect(result.status == 2, "\(result.log)")
        #expect(result.log.contains("Input app-permissions is invalid: the level of 'workflows' is 'full'; a level is read, write or admin."))
        #expect(github.server.requests.isEmpty)
    }

    @Test("a fine-grained token: the documented notice that it cannot be verified, with the permission to grant")
    func fineGrainedUnverifiable() async throws {
        let github = try await fake(token: Self.fineGrainedToken, scopes: "repo")
        let result = try await runLiveCheck(try makeHarness(github, token: Self.fineGrainedToken, rules: ["ci.yaml": Self.workflowRule]), github)
        #expect(result.status == 0, "\(result.log)")
        #expect(result.output("valid") == "true")
        #expect(result.log.contains("::warning title=Workflow files::Rule 'sync-ci' (org/a, target_path .github/workflows/) can write files under .github/workflows/. GitHub has no API that reports a fine-grained personal access token's permissions"), "\(result.log)")
        #expect(result.log.contains("Give the token Repository permissions → Workflows: Read and write"))
        #expect(!result.log.contains("The token can write workflow files."))
        #expect(result.summary.contains("⚠️ Not verified:"))
        // GitHub sends no scopes to a fine-grained token: none are reported.
        #expect(!result.summary.contains("classic token scopes"))
    }

    @Test("which target folders and source patterns can reach .github/workflows/", arguments: [
        (".github/workflows/", "templates/*.yml", true),
        (".github/workflows/reusable/", "templates/*.yml", true),
        (".GitHub/Workflows/", "templates/*.yml", true),
        (".github/", "templates/**", true),
        (".github/", "templates/*/ci.yml", true),
        (".github/", "templates/*.md", false),
        ("", "templates/**", false),
        ("", "templates/**/*.yml", false),
        ("", ".github/workflows/*.yml", false),
        ("", "templates/.github/workflows/*.yml", false),
        ("", "templates/{.github/workflows/ci.yml,README.md}", true),
        ("", "templates/{README.md,.github/workflows/ci.yml}", true),
        ("", "templates/**/.github/workflows/*.yml", true),
        ("", "templates/.g*/workflows/*.yml", true),
        ("docs/", "templates/**", false),
        ("{{target.name}}/", "templates/*.md", true),
        ("docs/{{target.name}}/", "templates/**", false),
    ])
    func reach(_ targetPath: String, _ source: String, _ expected: Bool) throws {
        #expect(WorkflowPermissionCheck.mayWrite(targetPath: targetPath, source: try Glob(source)) == expected)
    }

    @Test("app-permissions reads name:level pairs, create-github-app-token's inputs and the JSON object alike")
    func parsesPermissions() throws {
        let expected = ["contents": "write", "pull_requests": "write", "workflows": "write"]
        #expect(try WorkflowPermissionCheck.permissions("contents:write, pull-requests=write,workflows: write", input: "app-permissions") == expected)
        #expect(try WorkflowPermissionCheck.permissions("permission-contents: write\npermission-pull-requests: write\npermission-workflows: 'write'", input: "app-permissions") == expected)
        #expect(try WorkflowPermissionCheck.permissions(#"{"contents": "write", "pull_requests": "write", "workflows": "write"}"#, input: "app-permissions") == expected)
        #expect(try WorkflowPermissionCheck.permissions("  ", input: "app-permissions") == nil)
        #expect(throws: (any Error).self) { try WorkflowPermissionCheck.permissions("workflows", input: "app-permissions") }
        #expect(throws: (any Error).self) { try WorkflowPermissionCheck.permissions(#"{"workflows": 2}"#, input: "app-permissions") }
    }
}
