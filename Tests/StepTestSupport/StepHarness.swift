import ActionsRuntime
import Foundation
import Steps
import TestSupport

/// Runs a step in process as the runner would: a working folder, GITHUB_OUTPUT and
/// GITHUB_STEP_SUMMARY files, a captured log, and the environment given as literals.
package struct StepHarness {
    package struct Result {
        package var status: Int32
        package var log: String
        package var outputs: [String: String]
        package var summary: String

        package func output(_ name: String) -> String? { outputs[name] }
    }

    package let directory: TemporaryDirectory
    package var environment: [String: String]
    /// The step's clock (StepContext.now): fix it for tests that depend on dates.
    package var now: @Sendable () -> Date = { Date() }
    /// The step's waits (StepContext.sleep): set `{ _ in }` for tests whose pacing would take minutes.
    package var sleep: (@Sendable (Double) async -> Void)?

    /// `inActions` sets GITHUB_ACTIONS and the file-command variables like the runner does.
    package init(environment: [String: String] = [:], inActions: Bool = true) throws {
        directory = try TemporaryDirectory("flash-sync-step")
        try FileManager.default.createDirectory(at: directory.path("work"), withIntermediateDirectories: true)
        var base = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": directory.path("home").path,
            "RUNNER_TEMP": directory.path("runner-temp").path,
        ]
        if inActions {
            base["GITHUB_ACTIONS"] = "true"
            base["GITHUB_OUTPUT"] = directory.path("github-output").path
            base["GITHUB_STEP_SUMMARY"] = directory.path("step-summary.md").path
        }
        self.environment = base.merging(environment) { _, new in new }
    }

    package var workingDirectory: URL { directory.path("work") }

    package func run<Step: StepCommand>(_ step: Step.Type, _ arguments: [String] = []) async throws -> Result {
        let log = CapturedLog()
        var context = StepContext(environment: environment, workingDirectory: workingDirectory, now: now, log: log)
        if let sleep { context.sleep = sleep }
        let status = await StepLauncher.run(step, arguments: arguments, context: context)
        var outputs: [String: String] = [:]
        if let file = environment["GITHUB_OUTPUT"], let data = FileManager.default.contents(atPath: file) {
            for (name, value) in try FileCommand.parseKeyValues(String(decoding: data, as: UTF8.self)) { outputs[name] = value }
            try? FileManager.default.removeItem(atPath: file)
        }
        var summary = ""
        if let file = environment["GITHUB_STEP_SUMMARY"], let data = FileManager.default.contents(atPath: file) {
            summary = String(decoding: data, as: UTF8.self)
            try? FileManager.default.removeItem(atPath: file)
        }
        return Result(status: status, log: log.text, outputs: outputs, summary: summary)
    }
}
