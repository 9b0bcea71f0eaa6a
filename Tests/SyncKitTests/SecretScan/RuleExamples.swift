import Testing

/// A line a rule must flag: `flagged` is the text the finding points at, `hidden` the value no finding
/// field may contain (the same as `flagged` except for private key blocks, whose secret is the body).
struct PositiveExample: Sendable, CustomTestStringConvertible {
    let ruleID: String
    let text: String
    let flagged: String
    let hidden: String

    init(_ ruleID: String, _ text: String, flagged: String, hidden: String? = nil) {
        self.ruleID = ruleID
        self.text = text
        self.flagged = flagged
        self.hidden = hidden ?? flagged
    }

    var testDescription: String { ruleID }
}

/// A line a rule must not flag, and why.
struct NegativeExample: Sendable, CustomTestStringConvertible {
    let ruleID: String
    let text: String
    let why: String

    init(_ ruleID: String, _ text: String, _ why: String) {
        self.ruleID = ruleID
        self.text = text
        self.why = why
    }

    var testDescription: String { "\(ruleID): \(why)" }
}

enum RuleExamples {
    static let githubToken = FakeSecret.joined("gh", "p_", FakeSecret.random(36, seed: 1))
    static let githubServerToken = FakeSecret.joined("gh", "s_", FakeSecret.random(36, seed: 2))
    static let githubFineGrained = FakeSecret.joined(
        "github_", "pat_", FakeSecret.random(22, seed: 3), "_", FakeSecret.random(59, seed: 4))
    static let awsKeyID = FakeSecret.joined("AK", "IA", FakeSecret.random(16, from: FakeSecret.upperAlphanumeric, seed: 5))
    static let awsSecret = FakeSecret.random(40, from: FakeSecret.base64, seed: 6)
    static let slackToken = FakeSecret.joined("xo", "xb-", "2048", "-", "1024", "-", FakeSecret.random(24, seed: 7))
    static let slackWebhook = FakeSecret.joined(
        "https://hooks.", "slack.com/services/T", FakeSecret.random(8, from: FakeSecret.upperAlphanumeric, seed: 8),
        "/B", FakeSecret.random(8, from: FakeSecret.upperAlphanumeric, seed: 9), "/", FakeSecret.random(24, seed: 10))
    static let googleKey = FakeSecret.joined("AI", "za", FakeSecret.random(35, from: FakeSecret.urlSafe, seed: 11))
    static let stripeKey = FakeSecret.joined("sk", "_live_", FakeSecret.random(24, seed: 12))
    static let keyBody = FakeSecret.random(64, from: FakeSecret.base64, seed: 13)
    static let jwt = FakeSecret.joined(
        "eyJ", FakeSecret.random(20, from: FakeSecret.urlSafe, seed: 14), ".eyJ",
        FakeSecret.random(30, from: FakeSecret.urlSafe, seed: 15), ".", FakeSecret.random(43, from: FakeSecret.urlSafe, seed: 16))
    static let npmToken = FakeSecret.joined("np", "m_", FakeSecret.random(36, seed: 17))
    static let pypiToken = FakeSecret.joined("pypi-", "AgEIcHlwaS5vcmc", FakeSecret.random(60, from: FakeSecret.urlSafe, seed: 18))
    static let gitlabToken = FakeSecret.joined("gl", "pat-", FakeSecret.random(20, seed: 19))
    static let urlPassword = FakeSecret.random(16, seed: 20)
    static let quotedPassword = FakeSecret.random(20, seed: 21)
    static let unquotedToken = FakeSecret.random(24, seed: 22)

    static let positives: [PositiveExample] = [
        PositiveExample("github-token", "GITHUB_TOKEN=\(githubToken)", flagged: githubToken),
        PositiveExample("github-token", "  token: \"\(githubServerToken)\"", flagged: githubServerToken),
        PositiveExample("github-fine-grained-token", "gh auth login --with-token \(githubFineGrained)", flagged: githubFineGrained),
        PositiveExample("aws-access-key-id", "aws_access_key_id = \(awsKeyID)", flagged: awsKeyID),
        PositiveExample("aws-secret-access-key", "aws_secret_access_key = \(awsSecret)", flagged: awsSecret),
        PositiveExample("slack-token", "SLACK_BOT_TOKEN: '\(slackToken)'", flagged: slackToken),
        PositiveExample("slack-webhook-url", "curl -X POST \(slackWebhook) -d @payload.json", flagged: slackWebhook),
        PositiveExample("google-api-key", "const key = \"\(googleKey)\";", flagged: googleKey),
        PositiveExample("stripe-key", "Stripe.apiKey = \(stripeKey)", flagged: stripeKey),
        PositiveExample(
            "private-key-block", FakeSecret.joined("-----BEGIN ", "RSA PRIVATE KEY-----\n", keyBody, "\n-----END RSA PRIVATE KEY-----"),
            flagged: FakeSecret.joined("-----BEGIN ", "RSA PRIVATE KEY-----"), hidden: keyBody),
        PositiveExample("json-web-token", "Authorization: Bearer \(jwt)", flagged: jwt),
        PositiveExample("npm-token", "//registry.npmjs.org/:_authToken=\(npmToken)", flagged: npmToken),
        PositiveExample("pypi-token", "password = \(pypiToken)", flagged: pypiToken),
        PositiveExample("gitlab-token", "git clone https://oauth2:\(gitlabToken)@gitlab.com/group/project.git", flagged: gitlabToken),
        PositiveExample("url-credentials", "DATABASE_URL=postgres://deploy:\(urlPassword)@db.prod.net:5432/app", flagged: urlPassword),
        PositiveExample("generic-secret-quoted", "db_password = \"\(quotedPassword)\"", flagged: quotedPassword),
        PositiveExample("generic-secret-quoted", "{\"client_secret\": \"\(quotedPassword)\"}", flagged: quotedPassword),
        PositiveExample("generic-secret-unquoted", "export API_TOKEN=\(unquotedToken)", flagged: unquotedToken),
        PositiveExample("private-home-path", "see /home/alice/projects/notes.md", flagged: "alice"),
        PositiveExample("private-home-path", "open(\"/Users/j.doe/Library/Preferences\")", flagged: "j.doe"),
        PositiveExample("private-windows-home-path", #"copy C:\Users\alice.smith\AppData\Local\x.log"#, flagged: "alice.smith"),
        PositiveExample("private-windows-home-path", #""C:\\Users\\marek\\Desktop\\plan.docx""#, flagged: "marek"),
        PositiveExample("internal-marker", "Status: INTERNAL ONLY, do not distribute", flagged: "INTERNAL ONLY"),
        PositiveExample("internal-marker", "<!-- internal --> roadmap notes", flagged: "<!-- internal -->"),
        PositiveExample("internal-marker", "Classification: Confidential", flagged: "Confidential"),
    ]

    static let negatives: [NegativeExample] = [
        NegativeExample("github-token", FakeSecret.joined("gh", "p_", FakeSecret.random(20)), "too short"),
        NegativeExample("github-token", FakeSecret.joined("gh", "p_", String(repeating: "x", count: 36)), "placeholder"),
        NegativeExample("github-token", FakeSecret.joined("gh", "x_", FakeSecret.random(36)), "unknown prefix"),
        NegativeExample("github-token", FakeSecret.joined("my", "ghp_", FakeSecret.random(36)), "inside a longer word"),
        NegativeExample("github-fine-grained-token", FakeSecret.joined("github_", "pat_", FakeSecret.random(40)), "wrong shape"),
        NegativeExample("aws-access-key-id", FakeSecret.joined("AK", "IAIOSFODNN7", "EXAMPLE"), "AWS documentation example"),
        NegativeExample("aws-access-key-id", FakeSecret.joined("AK", "IA", FakeSecret.random(15, from: FakeSecret.upperAlphanumeric)), "too short"),
        NegativeExample("aws-access-key-id", FakeSecret.joined("AK", "IA", String(repeating: "A", count: 16)), "low entropy"),
        NegativeExample("aws-secret-access-key", "aws_secret_access_key = \(String(repeating: "ab", count: 20))", "low entropy"),
        NegativeExample("aws-secret-access-key", "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCY\("EXAMPLE")KEY", "AWS documentation example"),
        NegativeExample("slack-token", FakeSecret.joined("xo", "xb-your-token-here"), "placeholder"),
        NegativeExample("slack-webhook-url", "https://hooks.slack.com/services/XXXXXXXXX/XXXXXXXXX/XXXXXXXXXXXXXXXXXXXXXXXX", "placeholder"),
        NegativeExample("slack-webhook-url", "see https://hooks.slack.com/ for details", "no path"),
        NegativeExample("google-api-key", FakeSecret.joined("AI", "za", FakeSecret.random(20)), "too short"),
        NegativeExample("stripe-key", FakeSecret.joined("pk", "_live_", FakeSecret.random(24)), "publishable keys are public"),
        NegativeExample("stripe-key", FakeSecret.joined("sk", "_live_", String(repeating: "x", count: 24)), "placeholder"),
        NegativeExample("private-key-block", "-----BEGIN PUBLIC KEY-----", "public key"),
        NegativeExample("private-key-block", "-----BEGIN CERTIFICATE-----", "certificate"),
        NegativeExample("json-web-token", FakeSecret.joined("eyJ", FakeSecret.random(40)), "one segment"),
        NegativeExample("npm-token", "npm_config_cache=/tmp/npm", "configuration variable"),
        NegativeExample("pypi-token", FakeSecret.joined("pypi-", FakeSecret.random(60)), "no macaroon header"),
        NegativeExample("gitlab-token", FakeSecret.joined("gl", "pat-", String(repeating: "x", count: 20)), "placeholder"),
        NegativeExample("url-credentials", "https://user@example.org/path", "no password"),
        NegativeExample("url-credentials", "postgres://app:${DB_PASSWORD}@db:5432/app", "variable reference"),
        NegativeExample("url-credentials", "http://user:password@host.test/", "low entropy"),
        NegativeExample("generic-secret-quoted", "token_type = 'bare-quoted-string'", "words, not a secret"),
        NegativeExample("generic-secret-quoted", "password = \"aaaaaaaaaaaaaaaa\"", "low entropy"),
        NegativeExample("generic-secret-quoted", "password: \"${{secrets.DB_PASSWORD}}\"", "Actions secret reference"),
        NegativeExample("generic-secret-quoted", "if token == \"\(FakeSecret.random(20))\":", "comparison, not assignment"),
        NegativeExample("generic-secret-quoted", "password = \"<your-password>\"", "placeholder"),
        NegativeExample("generic-secret-quoted", "      password: '${{ secrets.DB_PASSWORD }}'", "Actions secret reference with spaces"),
        NegativeExample("generic-secret-unquoted", "token = tokenize.generate_tokens(readline)", "code"),
        NegativeExample("generic-secret-unquoted", "          token: ${{ secrets.GITHUB_TOKEN }}", "Actions secret reference"),
        NegativeExample("generic-secret-unquoted", "GITHUB_TOKEN: ${{ github.token }}", "Actions context reference"),
        NegativeExample("generic-secret-unquoted", "PASSWORD=changeme1234567", "placeholder"),
        NegativeExample("generic-secret-unquoted", "secret_key_base: ${SECRET_KEY_BASE_2024}", "variable reference"),
        NegativeExample("private-home-path", "cd /home/runner/work/repo", "the Actions runner's home"),
        NegativeExample("private-home-path", "mkdir -p /home/user/.config", "placeholder user"),
        NegativeExample("private-home-path", "GET https://api.github.com/users/octocat/repos", "URL path, not a home folder"),
        NegativeExample("private-windows-home-path", #"C:\Users\Public\Documents\readme.txt"#, "shared folder"),
        NegativeExample("private-windows-home-path", #"C:\Users\%USERNAME%\AppData"#, "variable reference"),
        NegativeExample("internal-marker", "internal documentation lives elsewhere", "no marker"),
    ]
}
