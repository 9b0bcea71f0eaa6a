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
        let inputs = session.inputs
        let environment = session.context.environment
        timeout = Double(try inputs.integer("timeout", in: 1...600))
        outputDirectory = session.context.url(forPath: try inputs.optionalString("output-dir")
            ?? session.context.scratchDirectory.appendingPathComponent("notify").path)

        slackWebhook = environment["SLACK_WEBHOOK"].flatMap { $0.isEmpty ? nil : $0 }
        if slackWebhook == nil { skipped.append(ChannelOutcome(channel: .slack, result: .skipped("SLACK_WEBHOOK is not set"))) }

        // Email
        let host = try inputs.string("smtp-host")
        let security = try inputs.choice("smtp-security", as: SMTPSettings.Security.self)
        let recipientsText = environment["NOTIFICATION_EMAIL"] ?? ""
        recipients = []
        if !recipientsText.trimmingCharacters(in: .whitespaces).isEmpty {
            do { recipients = try EmailAddress.list(parsing: recipientsText) } catch {
                // The address is a secret: say what is wrong without quoting it.
                throw Diagnostic.configuration("NOTIFICATION_EMAIL is not a list of email addresses (name@example.com, separated by commas).")
            }
        }
        let fromText = try inputs.string("smtp-from")
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
            if let username = try inputs.optionalString("smtp-username") {
                credentials = SMTPCredentials(username: username, password: try inputs.string("smtp-password"))
            }
            var pem: String?
            if let caFile = try inputs.optionalString("smtp-ca-file") {
                pem = try ConfigFile.read(session.context.url(forPath: caFile), shownAs: caFile)
            }
            var port: Int?
            if try inputs.optionalString("smtp-port") != nil { port = try inputs.integer("smtp-port", in: 1...65_535) }
            smtp = SMTPSettings(
                host: host, port: port, security: security, credentials: credentials, trustedCertificatesPEM: pem,
                connectTimeout: min(timeout, 30), replyTimeout: timeout
            )
            if security == .none && credentials != nil {
                notes.append("smtp-security is none: the SMTP login is sent without TLS. Use starttls or tls unless the relay is on a trusted network.")
            }
        }

        // GitHub status issue
        if try inputs.bool("github-issue") {
            let repository = try inputs.optionalString("issue-repo") ?? results.sourceRepository
            guard RepositoryNames.isValid(repository) else {
                throw InputError.invalid("issue-repo", reason: "'\(repository)' is not a repository name (owner/name).")
            }
            let token = environment["GITHUB_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
            issue = IssueTarget(repository: repository, label: try inputs.string("issue-label"), title: try inputs.string("issue-title"), token: token)
            if token == nil && !isDryRun {
                skipped.append(ChannelOutcome(channel: .githubIssue, result: .skipped("GITHUB_TOKEN is not set")))
            }
        } else {
            skipped.append(ChannelOutcome(channel: .githubIssue, result: .skipped("github-issue is false")))
        }
    }
}
