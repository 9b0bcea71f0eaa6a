import Foundation
import Steps
import StepTestSupport
import TestSupport
import Testing

/// Well-formed values, generated so no real credential is ever in the tests.
enum SampleSecrets {
    static let githubToken = "ghp_" + String(repeating: "A1b2C3d4E5", count: 4).prefix(36)
    static let apiToken = "api-7f3c9a1e5b2d4f6a8c0e"
    static let externalToken = "ext-0a9b8c7d6e5f4a3b2c1d"
    static let encryptionKey = String(repeating: "0123456789abcdef", count: 4)
    static let slackWebhook = "https://hooks.slack.com/services/T0001ABCD/B0002EFGH/abcdefghijklmnopqrstuvwx"

    static var all: [String: String] {
        ["GITHUB_TOKEN": githubToken, "API_TOKEN": apiToken, "EXTERNAL_API_TOKEN": externalToken, "ENCRYPTION_KEY": encryptionKey,
         "SLACK_WEBHOOK": slackWebhook, "NOTIFICATION_EMAIL": "sync-team@example.com"]
    }
}

@Suite("validate-secrets")
struct ValidateSecretsTests {
    @Test("all secrets of the built-in specification present and valid pass")
    func allValid() async throws {
        let harness = try StepHarness(environment: SampleSecrets.all)
        let result = try await harness.run(ValidateSecretsStep.self)
        #expect(result.status == 0)
        #expect(result.output("valid") == "true")
        #expect(result.output("missing") == "")
        let report = try #require(result.output("report"))
        #expect(FileManager.default.fileExists(atPath: report))
        #expect(result.summary.contains("| secret | present | format | access | note |"))
        #expect(result.summary.contains("| GITHUB_TOKEN | yes | ✅ github-token | — |  |"))
    }

    @Test("a missing required secret fails with exit 1 and is named in the outputs")
    func missingSecret() async throws {
        var secrets = SampleSecrets.all
        secrets["API_TOKEN"] = nil
        secrets["SLACK_WEBHOOK"] = nil
        let result = try await StepHarness(environment: secrets).run(ValidateSecretsStep.self)
        #expect(result.status == 1)
        #expect(result.output("valid") == "false")
        #expect(result.output("missing") == "API_TOKEN")
        #expect(result.log.contains("::error title=Secret API_TOKEN::API_TOKEN not set"))
        #expect(result.summary.contains("| SLACK_WEBHOOK | no (optional) |"))
    }

    @Test("placeholders and padded values are refused, naming the secret and why, never the value", arguments: [
        ("changeme", "placeholder"), ("<token>", "angle brackets"), ("xxxxxxxxxxxx", "placeholder"),
        ("  \(SampleSecrets.apiToken)", "whitespace"), ("\(SampleSecrets.apiToken)\n", "line break"),
        ("${{ secrets.API_TOKEN }}", "unexpanded"), ("short", "at least 16"),
    ])
    func placeholders(value: String, reason: String) async throws {
        var secrets = SampleSecrets.all
        secrets["API_TOKEN"] = value
        let result = try await StepHarness(environment: secrets).run(ValidateSecretsStep.self)
        #expect(result.status == 1)
        let line = try #require(result.log.split(separator: "\n").first { $0.hasPrefix("::error title=Secret API_TOKEN") })
        #expect(line.contains(reason))
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        let printed = result.log.split(separator: "\n").filter { !$0.hasPrefix("::add-mask::") }.joined(separator: "\n")
        #expect(!printed.contains(trimmed))
    }

    /// Required secrets fail the run when malformed; optional ones warn (`nil` expects no annotation).
    @Test("formats: GitHub token shapes, Slack webhook, email and 256-bit key", arguments: [
        ("GITHUB_TOKEN", "github_pat_11ABCDEFG0123456789abc_" + String(repeating: "x1Y2z3", count: 10), true),
        ("GITHUB_TOKEN", "ghs_" + String(repeating: "a", count: 35), false),
        ("GITHUB_TOKEN", "ghs_" + String(repeating: "aB3", count: 12), true),
        ("GITHUB_TOKEN", "ghs_" + String(repeating: "eyJ0eXAi_Qk9", count: 4) + "." + String(repeating: "x7Kp_2Lm", count: 40) + "." + String(repeating: "Zq9w", count: 20), true),
        ("GITHUB_TOKEN", "ghs_" + String(repeating: "eyJ0eXAi", count: 4) + ".x-y", false),
        ("GITHUB_TOKEN", "ghp_short", false),
        ("GITHUB_TOKEN", String(repeating: "ab12", count: 10), false),
        ("SLACK_WEBHOOK", "http://hooks.slack.com/services/T0001ABCD/B0002EFGH/abcdefghijklmnopqrstuvwx", false),
        ("SLACK_WEBHOOK", "https://example.com/hook", false),
        ("NOTIFICATION_EMAIL", "ops@example.com, lead@example.org", true),
        ("NOTIFICATION_EMAIL", "not-an-email", false),
        ("ENCRYPTION_KEY", Data(repeating: 7, count: 32).base64EncodedString(), true),
        ("ENCRYPTION_KEY", Data(repeating: 7, count: 16).base64EncodedString(), false),
    ])
    func formats(name: String, value: String, valid: Bool) async throws {
        var secrets = SampleSecrets.all
        secrets[name] = value
        let result = try await StepHarness(environment: secrets).run(ValidateSecretsStep.self)
        let optional = ["SLACK_WEBHOOK", "NOTIFICATION_EMAIL"].contains(name)
        #expect(result.status == (valid || optional ? 0 : 1), "\(name) \(valid ? "accepted" : "refused"): \(result.log)")
        let annotation = valid ? nil : (optional ? "::warning title=Secret \(name)::" : "::error title=Secret \(name)::")
        #expect(result.log.contains("title=Secret \(name)::") == (annotation != nil))
        if let annotation { #expect(result.log.contains(annotation)) }
    }

    @Test("a custom specification is read, and a broken one exits 2 naming file and line")
    func customSpecification() async throws {
        let harness = try StepHarness(environment: ["DEPLOY_KEY": "dk-1234567890abcdef"])
        try harness.directory.write("work/secrets.yml", """
        secrets:
          DEPLOY_KEY:
            required: true
            min_length: 12
            pattern: "dk-[0-9a-f]+"
          OPTIONAL_ONE:
            required: false
        """)
        let good = try await harness.run(ValidateSecretsStep.self, ["--secrets-spec", "secrets.yml"])
        #expect(good.status == 0, "\(good.log)")

        try harness.directory.write("work/broken.yml", """
        secrets:
          DEPLOY_KEY:
            requird: true
        """)
        let broken = try await harness.run(ValidateSecretsStep.self, ["--secrets-spec=broken.yml"])
        #expect(broken.status == 2)
        #expect(broken.log.contains("::error title=Configuration error,file=broken.yml,line=3,col=5::unknown key 'requird' in 'secrets.DEPLOY_KEY'. Did you mean 'required'?"))

        try harness.directory.write("work/format.yml", "secrets:\n  A:\n    format: githubtoken\n")
        let format = try await harness.run(ValidateSecretsStep.self, ["--secrets-spec", "format.yml"])
        #expect(format.status == 2)
        #expect(format.log.contains("file=format.yml,line=3,col=13::unknown format 'githubtoken' for A. Did you mean 'github-token'?"))

        try harness.directory.write("work/yaml.yml", "secrets:\n  A: [unclosed\n")
        let yaml = try await harness.run(ValidateSecretsStep.self, ["--secrets-spec", "yaml.yml"])
        #expect(yaml.status == 2)
        #expect(yaml.log.contains("file=yaml.yml,line=3"))

        let missing = try await harness.run(ValidateSecretsStep.self, ["--secrets-spec", "nope.yml"])
        #expect(missing.status == 2)
        #expect(missing.log.contains("file=nope.yml::file not found."))
    }

    @Test("a bad boolean input exits 2 with the toolkit's message")
    func badBoolean() async throws {
        var harness = try StepHarness(environment: SampleSecrets.all)
        harness.environment["INPUT_LIVE-CHECK"] = "yes"
        let result = try await harness.run(ValidateSecretsStep.self)
        #expect(result.status == 2)
        #expect(result.log.contains("Input does not meet YAML 1.2 \"Core Schema\" specification: live-check"))
    }
}
