import Foundation

/// What a step recorded about its run, enough to run it again on a laptop.
/// Secret values are never in it: only the names of the secrets that were present.
package struct ReplayRecord: Codable, Sendable, Equatable {
    package static let currentFormat = "flash-sync-replay/1"

    package struct Output: Codable, Sendable, Equatable {
        package var name: String
        package var value: String

        package init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    package var format: String
    package var step: String
    package var recordedAt: String
    /// Input name → value, for the inputs that were given (secret inputs are left out).
    package var inputs: [String: String]
    /// Names of the secret variables and inputs that were set; their values come from the
    /// environment of whoever replays.
    package var secretNames: [String]
    /// The non-secret `GITHUB_*`, `RUNNER_*` and `FLASH_SYNC_*` variables.
    package var environment: [String: String]
    package var eventName: String?
    /// The event payload as JSON text.
    package var eventPayload: String?
    package var outputs: [Output]
    package var exitCode: Int32

    package init(
        step: String, recordedAt: String, inputs: [String: String], secretNames: [String],
        environment: [String: String], eventName: String?, eventPayload: String?, outputs: [Output], exitCode: Int32
    ) {
        self.format = Self.currentFormat
        self.step = step
        self.recordedAt = recordedAt
        self.inputs = inputs
        self.secretNames = secretNames
        self.environment = environment
        self.eventName = eventName
        self.eventPayload = eventPayload
        self.outputs = outputs
        self.exitCode = exitCode
    }

    /// Variables that describe the machine's files; they are replaced on replay.
    static let machineVariables: Set<String> = [
        "GITHUB_OUTPUT", "GITHUB_ENV", "GITHUB_STATE", "GITHUB_PATH", "GITHUB_STEP_SUMMARY",
        "GITHUB_EVENT_PATH", "FLASH_SYNC_REPLAY_DIR",
    ]

    /// Variables that always hold secrets, whatever a specification says.
    static let knownSecretVariables: Set<String> = ["GITHUB_TOKEN", "ACTIONS_RUNTIME_TOKEN", "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "ENCRYPTION_KEY"]

    /// Builds the record of a finished run.
    package static func make(session: StepSession, exitCode: Int32) -> ReplayRecord {
        let context = session.context
        let definition = session.definition
        var inputs: [String: String] = [:]
        var secretNames: [String] = []
        for input in definition.inputs {
            guard let value = context.flagInputs[input.name] ?? context.environment[input.environmentVariable] else { continue }
            if input.isSecret {
                secretNames.append(input.environmentVariable)
            } else {
                inputs[input.name] = session.redact(value)
            }
        }
        let secretVariables = Set(definition.secretVariables).union(knownSecretVariables)
        var environment: [String: String] = [:]
        for (name, value) in context.environment where isRecordable(name) {
            if secretVariables.contains(name) || name.hasPrefix("INPUT_") {
                continue
            }
            if session.secretValues.contains(where: { value.contains($0) }) { continue }
            environment[name] = value
        }
        secretNames += definition.secretVariables.filter { context.environment[$0] != nil }
        var payload: String?
        if let path = context.environment["GITHUB_EVENT_PATH"], let data = FileManager.default.contents(atPath: path) {
            payload = session.redact(String(decoding: data, as: UTF8.self))
        }
        return ReplayRecord(
            step: definition.name,
            recordedAt: ISO8601DateFormatter().string(from: context.now()),
            inputs: inputs,
            secretNames: Array(Set(secretNames)).sorted(),
            environment: environment,
            eventName: context.environment["GITHUB_EVENT_NAME"],
            eventPayload: payload,
            outputs: session.outputs.map { Output(name: $0.name, value: $0.value) },
            exitCode: exitCode
        )
    }

    private static func isRecordable(_ name: String) -> Bool {
        guard !machineVariables.contains(name) else { return false }
        return name.hasPrefix("GITHUB_") || name.hasPrefix("RUNNER_") || name.hasPrefix("FLASH_SYNC_")
    }
}
