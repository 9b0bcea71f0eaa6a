import ActionsRuntime
import Forge
import Foundation
import Notify

extension NotifyStep {
    /// Sends on every configured channel, one after another; a failure on one does not stop the others.
    func send(_ rendered: RenderedNotifications, plan: ChannelPlan, session: StepSession) async -> [ChannelOutcome] {
        var outcomes = plan.skipped
        if let webhook = plan.slackWebhook {
            outcomes.append(await session.group("Slack") { await sendSlack(rendered, webhook: webhook, timeout: plan.timeout, session: session) })
        }
        if let smtp = plan.smtp {
            outcomes.append(await session.group("Email") { await sendEmail(rendered, plan: plan, settings: smtp, session: session) })
        }
        if let issue = plan.issue, let token = issue.token {
            outcomes.append(await session.group("GitHub status issue") { await publishIssue(rendered, issue: issue, token: token, session: session, timeout: plan.timeout) })
        }
        return outcomes.sorted { NotifyChannel.allCases.firstIndex(of: $0.channel)! < NotifyChannel.allCases.firstIndex(of: $1.channel)! }
    }

    private func sendSlack(_ rendered: RenderedNotifications, webhook: String, timeout: Double, session: StepSession) async -> ChannelOutcome {
        do {
            let client = try SlackWebhookClient(webhookURL: webhook, policy: .init(timeout: timeout), effects: session.context.httpEffects)
            let attempts = try await client.post(rendered.slack)
            return ChannelOutcome(channel: .slack, result: .sent("\(rendered.slack.blocks.count) blocks" + (attempts > 1 ? ", \(attempts) attempts" : "")))
        } catch {
            return ChannelOutcome(channel: .slack, result: .failed("\(error)"))
        }
    }

    private func sendEmail(_ rendered: RenderedNotifications, plan: ChannelPlan, settings: SMTPSettings, session: StepSession) async -> ChannelOutcome {
        let message = makeEmail(rendered, plan: plan, session: session)
        do {
            let delivery = try await SMTPClient(settings: settings).send(message)
            for note in delivery.notes { session.log("warning: " + note) }
            var detail = "\(plan.recipients.count) recipient\(plan.recipients.count == 1 ? "" : "s") via \(settings.host):\(settings.port)"
            detail += delivery.encrypted ? " (TLS" : " (no TLS"
            detail += delivery.authenticated ? ", authenticated)" : ")"
            if delivery.attempts > 1 { detail += ", \(delivery.attempts) attempts" }
            return ChannelOutcome(channel: .email, result: .sent(detail))
        } catch {
            return ChannelOutcome(channel: .email, result: .failed("\(error)"))
        }
    }

    private func publishIssue(_ rendered: RenderedNotifications, issue: ChannelPlan.IssueTarget, token: String, session: StepSession, timeout: Double) async -> ChannelOutcome {
        do {
            let client = try GitHubClient(
                apiURL: session.context.environment["GITHUB_API_URL"] ?? "https://api.github.com", token: token,
                policy: RetryPolicy(maxAttempts: 3, baseDelay: 1, maxDelay: 8, maxRateLimitWait: 60, timeout: timeout), effects: session.context.httpEffects
            )
            let forge = GuardedForge(GitHubForge(client: client, cache: try ResponseCache()), redact: { session.redact($0) }, recordOnly: false, note: { session.log($0) })
            let outcome = try await StatusIssue(forge: forge, repository: issue.repository, label: issue.label, title: issue.title)
                .publish(body: rendered.issueBody)
            return ChannelOutcome(channel: .githubIssue, result: .sent("\(outcome.action.rawValue) \(issue.repository)#\(outcome.number) \(outcome.url)"))
        } catch {
            return ChannelOutcome(channel: .githubIssue, result: .failed("\(error)"))
        }
    }

    func makeEmail(_ rendered: RenderedNotifications, plan: ChannelPlan, session: StepSession) -> EmailMessage {
        EmailMessage(
            from: plan.sender, to: plan.recipients, subject: rendered.emailSubject, text: rendered.emailText, html: rendered.emailHTML,
            date: session.context.now(), id: session.context.makeUUID(), extraHeaders: [("Auto-Submitted", "auto-generated")]
        )
    }

    /// Writes what each channel would send, and sends nothing.
    func writeDryRun(_ rendered: RenderedNotifications, plan: ChannelPlan, session: StepSession) throws -> [ChannelOutcome] {
        let folder = plan.outputDirectory
        func write(_ text: String, _ name: String) throws -> String {
            let url = folder.appendingPathComponent(name)
            try session.writeFile(text, to: url)
            return url.path
        }
        var outcomes: [ChannelOutcome] = []
        let slack = try write(String(decoding: try rendered.slackJSON(pretty: true), as: UTF8.self) + "\n", "slack.json")
        outcomes.append(ChannelOutcome(channel: .slack, result: .rendered(slack)))
        let eml = try write(makeEmail(rendered, plan: plan, session: session).rendered(), "email.eml")
        _ = try write(rendered.emailText, "email.txt")
        _ = try write(rendered.emailHTML, "email.html")
        outcomes.append(ChannelOutcome(channel: .email, result: .rendered(eml)))
        if plan.issue != nil {
            outcomes.append(ChannelOutcome(channel: .githubIssue, result: .rendered(try write(rendered.issueBody, "issue.md"))))
        } else {
            outcomes += plan.skipped.filter { $0.channel == .githubIssue }
        }
        try session.setOutput(Output.rendered, folder.path)
        session.log("Dry run: notifications written to \(folder.path); nothing sent.")
        return outcomes
    }
}
