import ActionsRuntime
import Diagnostics
import Foundation
import Notify
import SyncCore
import SyncKit

/// Which channels this run uses and their settings, all checked before anything is sent,
/// so a broken setting never leaves a notification half-delivered.
struct ChannelPlan {
    struct IssueTarget {
        var repository: String
        var label: String
        var title: String
        var token: String?
    }

    var slackWebhook: String?
    var smtp: SMTPSettings?
    var sender: EmailAddress
    var recipients: [EmailAddress]
    var issue: IssueTarget?
    /// Channels left out, with the reason.
    var skipped: [ChannelOutcome] = []
    var notes: [String] = []
    var timeout: Double
    var outputDirectory: URL

    init(session: StepSession, results: SyncResults, isDryRun: Bool) throws {
        typealias Input = NotifyStep.Input
        let inputs = session.inputs
        let environment = session.context.environment
        timeout = Double(try inputs(Input.timeout))
        outputDirectory = session.context.url(forPath: try inputs(Input.outputDir)
            ?? session.context.scratchDirectory.appendingPathComponent("notify").path)

        slackWebhook = environment["SLACK_WEBHOOK"].flatMap { $0.isEmpty ? nil : $0 }
        if slackWebhook == nil { skipped.append(ChannelOutcome(channel: .slack, result: .skipped("SLACK_WEBHOOK is not set"))) }

        // Email
        let host = try inputs(Input.smtpHost)
        let security = try inputs(Input.smtpSecurity)
        let recipientsText = environment["NOTIFICATION_EMAIL"] ?? ""
        recipients = []
        if !recipientsText.trimmingCharacters(in: .whitespaces).isEmpty {
            do { recipients = try EmailAddress.list(parsing: recipientsText) } catch {
                // The address is a secret: say what is wrong without quoting it.
                throw Diagnostic.configuration("NOTIFICATION_EMAIL is not a list of email addresses (name@example.com, separated by commas).")
            }
        }
        let fromText = try inputs(Input.smtpFrom)
        do {
            sender = try EmailAddress(parsing: fromText.isEmpty ? "flash-sync <flash-sync@\(host.isEmpty ? "localhost" : host)>" : fromText)
        } catch {
            throw InputError.invalid("smtp-from", reason: "\(error)")
        }
        if recipients.isEmpty {
            skipped.append(ChannelOutcome(channel: .email, result: .skipped("NOTIFICATION_EMAIL is not set")))
        } else if host.isEmpty || fromText.isEmpty {
            guard isDryRun else {
                throw Diagnostic.configuration("NOTIFICATION_EMAIL is set, so email needs smtp-host and smtp-from (the mail server and the sender address).")
            }
        } else {
            var credentials: SMTPCredentials?
            if let username = try inputs(Input.smtpUsername) {
                credentials = SMTPCredentials(username: username, password: try inputs(Input.smtpPassword))
            }
            var pem: String?
            if let caFile = try inputs(Input.smtpCAFile) {
                pem = try ConfigFile.read(session.context.url(forPath: caFile), shownAs: caFile)
            }
            let port = try inputs(Input.smtpPort)
            smtp = SMTPSettings(
                host: host, port: port, security: security, credentials: credentials, trustedCertificatesPEM: pem,
                connectTimeout: min(timeout, 30), replyTimeout: timeout
            )
            if security == .none && credentials != nil {
                notes.append("smtp-security is none: the SMTP login is sent without TLS. Use starttls or tls unless the relay is on a trusted network.")
            }
        }

        // GitHub status issue
        if try inputs(Input.githubIssue) {
            let repository = try inputs(Input.issueRepo) ?? results.sourceRepository
            guard RepositoryNames.isValid(repository) else {
                throw InputError.invalid("issue-repo", reason: "'\(repository)' is not a repository name (owner/name).")
            }
            let token = environment["GITHUB_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
            issue = IssueTarget(repository: repository, label: try inputs(Input.issueLabel), title: try inputs(Input.issueTitle), token: token)
            if token == nil && !isDryRun {
                skipped.append(ChannelOutcome(channel: .githubIssue, result: .skipped("GITHUB_TOKEN is not set")))
            }
        } else {
            skipped.append(ChannelOutcome(channel: .githubIssue, result: .skipped("github-issue is false")))
        }
    }
}
