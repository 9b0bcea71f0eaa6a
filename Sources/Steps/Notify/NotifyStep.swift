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
            Input.results.spec, Input.on.spec, Input.dryRun.spec, Input.outputDir.spec, Input.githubIssue.spec,
            Input.issueRepo.spec, Input.issueLabel.spec, Input.issueTitle.spec, Input.smtpHost.spec, Input.smtpPort.spec,
            Input.smtpSecurity.spec, Input.smtpUsername.spec, Input.smtpPassword.spec, Input.smtpFrom.spec, Input.smtpCAFile.spec,
            Input.timeout.spec,
        ],
        outputs: [Output.sent.spec, Output.events.spec, Output.rendered.spec],
        secretVariables: ["SLACK_WEBHOOK", "NOTIFICATION_EMAIL", "GITHUB_TOKEN"]
    )

    package init() {}

    package func run(_ session: StepSession) async throws -> StepStatus {
        let inputs = session.inputs
        let resultsPath = try inputs(Input.results)
        let results: SyncResults
        do throws(SyncResultsError) {
            results = try SyncResults.load(session.context.url(forPath: resultsPath), shownAs: resultsPath)
        } catch {
            throw Diagnostic(.error, error.description, title: "Sync results", file: resultsPath, category: .configuration)
        }
        let policy: NotificationPolicy
        do { policy = try NotificationPolicy(parsing: try inputs(Input.on)) } catch let error as NotificationPolicyError {
            throw InputError.invalid("on", reason: error.description)
        }
        // A replay never sends: it renders what it would send, like a dry run.
        let isDryRun = try inputs(Input.dryRun) || session.context.isReplay
        let digest = SyncDigest(results)
        try session.setOutput(Output.events, digest.events.sorted().map(\.rawValue).joined(separator: ","))

        if digest.isQuiet {
            let note = "Nothing changed in \(results.version): \(digest.counts); nothing blocked, no drift. No notification sent."
            session.log(note)
            session.summarize { $0.heading("notify"); $0.paragraph(note) }
            try session.setOutput(Output.sent, "")
            return .success
        }
        let triggers = policy.triggers(digest.events)
        guard !triggers.isEmpty else {
            let note = "This run's events (\(digest.events.sorted().map(\.rawValue).joined(separator: ", "))) are not among `on` "
                + "(\(policy.events.sorted().map(\.rawValue).joined(separator: ", "))). No notification sent."
            session.log(note)
            session.summarize { $0.heading("notify"); $0.paragraph(note); $0.raw(MarkdownReport.render(digest, limit: 200_000)) }
            try session.setOutput(Output.sent, "")
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
        try session.setOutput(Output.sent, sent.joined(separator: ","))
        return outcomes.contains(where: \.isFailure) ? .failed : .success
    }
}
