import ActionsRuntime
import Diagnostics
import Foundation
import Notify
import SyncKit

/// `notify`: tells the people responsible what a sync did (what succeeded, what failed, what
/// needs a human) on Slack, by email and in a status issue, and stays quiet when nothing changed.
package struct NotifyStep: StepCommand {
    package static let definition = StepDefinition(
        name: "notify",
        summary: "Send a sync run's results to Slack, email and a GitHub status issue; quiet when nothing changed.",
        inputs: [
            InputSpec("results", "Path of the results JSON that open-sync-pr wrote (its `results` output).", kind: .path, required: true),
            InputSpec("on", "Events that notify: failure (failed targets, blocked rules), conflict, drift, success; comma-separated, or all.", kind: .list, default: "failure,conflict,drift"),
            InputSpec("dry-run", "Render every channel's notification into output-dir instead of sending anything.", kind: .boolean, default: "false"),
            InputSpec("output-dir", "Where a dry run writes slack.json, email.eml, email.txt, email.html and issue.md. Default: RUNNER_TEMP/flash-sync/notify (.flash-sync/notify locally).", kind: .path, default: "", writes: true),
            InputSpec("github-issue", "Keep one labelled status issue in the upstream repository up to date (needs GITHUB_TOKEN with issues: write).", kind: .boolean, default: "true"),
            InputSpec("issue-repo", "Repository (owner/name) of the status issue. Default: the results' source_repository.", default: ""),
            InputSpec("issue-label", "Label that marks the status issue.", default: "agent33-sync-status"),
            InputSpec("issue-title", "Title of the status issue.", default: "flash-sync: sync status"),
            InputSpec("smtp-host", "Mail server for NOTIFICATION_EMAIL.", default: ""),
            InputSpec("smtp-port", "Mail server port. Default: 587 for starttls, 465 for tls, 25 for none.", kind: .number, default: ""),
            InputSpec("smtp-security", "none, starttls (upgrade required, never downgraded) or tls (TLS from the first byte).", default: "starttls"),
            InputSpec("smtp-username", "Login for the mail server; sent only after TLS unless smtp-security is none.", default: ""),
            InputSpec("smtp-password", "Password for smtp-username.", default: "", secret: true),
            InputSpec("smtp-from", "Sender, e.g. flash-sync <sync@example.com>. Required to send email.", default: ""),
            InputSpec("smtp-ca-file", "PEM certificates to trust for the mail server besides the system's (a private CA).", kind: .path, default: ""),
            InputSpec("timeout", "Seconds for each request (Slack, GitHub) and each SMTP reply; retries are bounded too.", kind: .number, default: "30"),
        ],
        outputs: [
            OutputSpec("sent", "Comma-separated channels that got the notification (slack, email, github-issue); empty when nothing was sent."),
            OutputSpec("events", "Comma-separated events of this run (failure, conflict, drift, success); empty when nothing changed."),
            OutputSpec("rendered", "With dry-run: the folder holding the rendered notifications."),
        ],
        secretVariables: ["SLACK_WEBHOOK", "NOTIFICATION_EMAIL", "GITHUB_TOKEN"]
    )

    package init() {}

    package func run(_ session: StepSession) async throws -> StepStatus {
        let inputs = session.inputs
        let resultsPath = try inputs.string("results")
        let results: SyncResults
        do throws(SyncResultsError) {
            results = try SyncResults.load(session.context.url(forPath: resultsPath), shownAs: resultsPath)
        } catch {
            throw Diagnostic(.error, error.description, title: "Sync results", file: resultsPath, category: .configuration)
        }
        let policy: NotificationPolicy
        do { policy = try NotificationPolicy(parsing: try inputs.list("on")) } catch let error as NotificationPolicyError {
            throw InputError.invalid("on", reason: error.description)
        }
        // A replay never sends: it renders what it would send, like a dry run.
        let isDryRun = try inputs.bool("dry-run") || session.context.isReplay
        let digest = SyncDigest(results)
        try session.setOutput("events", digest.events.sorted().map(\.rawValue).joined(separator: ","))

        if digest.isQuiet {
            let note = "Nothing changed in \(results.version): \(digest.counts); nothing blocked, no drift. No notification sent."
            session.log(note)
            session.summarize { $0.heading("notify"); $0.paragraph(note) }
            try session.setOutput("sent", "")
            return .success
        }
        let triggers = policy.triggers(digest.events)
        guard !triggers.isEmpty else {
            let note = "This run's events (\(digest.events.sorted().map(\.rawValue).joined(separator: ", "))) are not among `on` "
                + "(\(policy.events.sorted().map(\.rawValue).joined(separator: ", "))). No notification sent."
            session.log(note)
            session.summarize { $0.heading("notify"); $0.paragraph(note); $0.raw(MarkdownReport.render(digest, limit: 200_000)) }
            try session.setOutput("sent", "")
            return .success
        }

        let footer = "Updated by flash-sync notify at \(ISO8601DateFormatter().string(from: session.context.now()))"
            + (results.run.map { " from [run \($0.id)](\($0.url))" } ?? "") + "."
        let rendered = RenderedNotifications(digest, issueFooter: footer, redact: session.redact)
        let plan = try ChannelPlan(session: session, results: results, isDryRun: isDryRun)
        let outcomes = isDryRun
            ? try writeDryRun(rendered, plan: plan, session: session)
            : await send(rendered, plan: plan, session: session)

        let sent = outcomes.filter(\.isSent).map(\.channel.rawValue)
        for outcome in outcomes {
            if case .failed(let message) = outcome.result {
                session.emit(Diagnostic(.error, message, title: "notify: \(outcome.channel.rawValue)"))
            }
        }
        for note in plan.notes { session.emit(Diagnostic(.warning, note, title: "notify")) }
        session.log("\(isDryRun ? "Rendered" : "Notified") for \(triggers.map(\.rawValue).joined(separator: ", ")): "
            + outcomes.map { "\($0.channel.rawValue) \($0.row[1])" }.joined(separator: ", ") + ".")
        session.summarize { summary in
            summary.heading("notify")
            summary.paragraph("Events: \(triggers.map { "`\($0.rawValue)`" }.joined(separator: ", ")) (on: \(policy.events.sorted().map(\.rawValue).joined(separator: ", "))).")
            summary.table(["channel", "result", "detail"], outcomes.map(\.row))
            summary.raw(rendered.summary)
        }
        try session.setOutput("sent", sent.joined(separator: ","))
        return outcomes.contains(where: \.isFailure) ? .failed : .success
    }
}
