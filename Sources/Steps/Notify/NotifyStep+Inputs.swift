import ActionsRuntime
import Notify

extension NotifyStep {
    /// notify's inputs, in the order its definition lists them.
    enum Input {
        static let results: InputKey<String> = .string("results", "Path of the results JSON that open-sync-pr wrote (its `results` output).", kind: .path, required: true)
        static let on: InputKey<[String]> = .list("on", "Events that notify: failure (failed targets, blocked rules), conflict, drift, success; comma-separated, or all.", default: "failure,conflict,drift")
        static let dryRun: InputKey<Bool> = .boolean("dry-run", "Render every channel's notification into output-dir instead of sending anything.", default: "false")
        static let outputDir: InputKey<String?> = .path("output-dir", "Where a dry run writes slack.json, email.eml, email.txt, email.html and issue.md. Default: RUNNER_TEMP/flash-sync/notify (.flash-sync/notify locally).", default: "", writes: true)
        static let githubIssue: InputKey<Bool> = .boolean("github-issue", "Keep one labelled status issue in the upstream repository up to date (needs GITHUB_TOKEN with issues: write).", default: "true")
        static let issueRepo: InputKey<String?> = .optionalString("issue-repo", "Repository (owner/name) of the status issue. Default: the results' source_repository.", default: "")
        static let issueLabel: InputKey<String> = .string("issue-label", "Label that marks the status issue.", default: "agent33-sync-status")
        static let issueTitle: InputKey<String> = .string("issue-title", "Title of the status issue.", default: "flash-sync: sync status")
        static let smtpHost: InputKey<String> = .string("smtp-host", "Mail server for NOTIFICATION_EMAIL.", default: "")
        /// Empty by default: the port then follows from smtp-security.
        static let smtpPort: InputKey<Int?> = .optionalInteger("smtp-port", "Mail server port. Default: 587 for starttls, 465 for tls, 25 for none.", in: 1...65_535, default: "")
        static let smtpSecurity: InputKey<SMTPSettings.Security> = .choice("smtp-security", "none, starttls (upgrade required, never downgraded) or tls (TLS from the first byte).", as: SMTPSettings.Security.self, default: "starttls")
        static let smtpUsername: InputKey<String?> = .optionalString("smtp-username", "Login for the mail server; sent only after TLS unless smtp-security is none.", default: "")
        static let smtpPassword: InputKey<String> = .string("smtp-password", "Password for smtp-username.", default: "", secret: true)
        static let smtpFrom: InputKey<String> = .string("smtp-from", "Sender, e.g. flash-sync <sync@example.com>. Required to send email.", default: "")
        static let smtpCAFile: InputKey<String?> = .path("smtp-ca-file", "PEM certificates to trust for the mail server besides the system's (a private CA).", default: "")
        static let timeout: InputKey<Int> = .integer("timeout", "Seconds for each request (Slack, GitHub) and each SMTP reply; retries are bounded too.", in: 1...600, default: "30")
    }

    enum Output {
        static let sent = OutputKey("sent", "Comma-separated channels that got the notification (slack, email, github-issue); empty when nothing was sent.")
        static let events = OutputKey("events", "Comma-separated events of this run (failure, conflict, drift, success); empty when nothing changed.")
        static let rendered = OutputKey("rendered", "With dry-run: the folder holding the rendered notifications.")
    }
}
