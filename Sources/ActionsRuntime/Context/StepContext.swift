import Foundation

/// Everything a step may read from the outside world, passed in as a value.
/// Only an executable's `main` builds one from the real process; tests build it from literals.
package struct StepContext: Sendable {
    package var environment: [String: String]
    package var workingDirectory: URL
    package var now: @Sendable () -> Date
    package var makeUUID: @Sendable () -> UUID
    /// Waits (pacing, back-off, rate limits): tests give one that returns at once.
    package var sleep: @Sendable (Double) async -> Void = { try? await Task.sleep(nanoseconds: UInt64(max(0, $0) * 1_000_000_000)) }
    /// A uniform draw from 0...1 (back-off jitter): tests give a fixed one.
    package var random: @Sendable () -> Double = { Double.random(in: 0...1) }
    package var log: any LogSink
    /// Inputs given as command-line flags; they win over `INPUT_*` variables.
    package var flagInputs: [String: String]
    /// A replay of a recorded run: the step must not write to a forge, send a notification or
    /// touch the recorded run's files (writes become recorded would-be calls).
    package var isReplay = false

    package init(
        environment: [String: String],
        workingDirectory: URL,
        now: @escaping @Sendable () -> Date = { Date() },
        makeUUID: @escaping @Sendable () -> UUID = { UUID() },
        log: any LogSink = StandardOutputSink(),
        flagInputs: [String: String] = [:]
    ) {
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.now = now
        self.makeUUID = makeUUID
        self.log = log
        self.flagInputs = flagInputs
    }

    /// True when running under the Actions runner (it sets `GITHUB_ACTIONS=true`).
    package var isInActions: Bool { environment["GITHUB_ACTIONS"] == "true" }

    /// Step debug logging (`RUNNER_DEBUG=1`, set when the run is re-run with debug logging).
    package var isDebug: Bool { environment["RUNNER_DEBUG"] == "1" }

    /// Resolves a path from an input against the working directory.
    package func url(forPath path: String) -> URL {
        if path.hasPrefix("/") { return URL(fileURLWithPath: path).standardizedFileURL }
        return workingDirectory.appendingPathComponent(path).standardizedFileURL
    }

    /// A folder for the step's own files: `RUNNER_TEMP/flash-sync` on a runner, `.flash-sync/` locally.
    package var scratchDirectory: URL {
        if let temp = environment["RUNNER_TEMP"], !temp.isEmpty {
            return URL(fileURLWithPath: temp).appendingPathComponent("flash-sync")
        }
        return workingDirectory.appendingPathComponent(".flash-sync")
    }
}
