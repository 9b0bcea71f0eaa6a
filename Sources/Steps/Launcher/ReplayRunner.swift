import ActionsRuntime
import Diagnostics
import Foundation

/// Records a step's run to a replay file and re-runs a step from one.
package enum ReplayRunner {
    /// Writes `<step>.replay.json` in `directory`, sealed when ENCRYPTION_KEY is set.
    static func record(session: StepSession, status: Int32, directory: URL) {
        let context = session.context
        var key: EncryptionKey?
        if let text = context.environment["ENCRYPTION_KEY"], !text.isEmpty {
            do {
                key = try EncryptionKey(parsing: text)
            } catch {
                session.emit(Diagnostic(.warning, "Replay record not written: ENCRYPTION_KEY \(error.description)."))
                return
            }
        }
        let record = ReplayRecord.make(session: session, exitCode: status)
        do {
            let data = try ReplayFile.encode(record, key: key)
            let url = directory.appendingPathComponent(ReplayFile.fileName(step: session.definition.name))
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            // Never let a secret reach the file: the record is built from masked values, and
            // an unsealed record is masked once more as a whole.
            try (key == nil ? session.redactData(data) : data).write(to: url, options: .atomic)
            session.log("Replay record written to \(url.path)\(key == nil ? "" : " (sealed with AES-256-GCM)").")
        } catch {
            session.emit(Diagnostic(.warning, "Replay record not written: \(error)"))
        }
    }

    /// Re-runs the step from a record, with secrets from the current environment, and prints
    /// how the outputs and exit status compare with the recording.
    static func replay<Step: StepCommand>(_ step: Step.Type, file: String, context: StepContext) async -> Int32 {
        let url = context.url(forPath: file)
        let log = context.log
        // Data from the record goes into these lines: fenced, so none reads as a workflow command.
        func say(_ text: String) { log.write(StepSession.fenced(text, context: context) + "\n") }
        var key: EncryptionKey?
        if let text = context.environment["ENCRYPTION_KEY"], !text.isEmpty {
            do {
                key = try EncryptionKey(parsing: text)
            } catch {
                say("error: ENCRYPTION_KEY \(error.description).")
                return StepStatus.misconfigured.rawValue
            }
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            say("error: cannot read the replay file \(file).")
            return StepStatus.misconfigured.rawValue
        }
        let record: ReplayRecord
        do {
            record = try ReplayFile.decode(data, path: file, key: key)
        } catch {
            say("error: \(error.description)")
            return StepStatus.misconfigured.rawValue
        }
        guard record.step == Step.definition.name else {
            say("error: \(file) records the step '\(record.step)', not '\(Step.definition.name)'. Run it with \(record.step) --replay.")
            return StepStatus.misconfigured.rawValue
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("flash-sync-replay-\(context.makeUUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        } catch {
            say("error: cannot create a temporary folder for the replay: \(error)")
            return StepStatus.failed.rawValue
        }
        defer { try? FileManager.default.removeItem(at: scratch) }

        let environment = replayEnvironment(record: record, definition: Step.definition, current: context.environment, scratch: scratch)
        let missing = record.secretNames.filter { (context.environment[$0] ?? "").isEmpty }
        say("Replaying \(record.step) recorded at \(record.recordedAt) (exit \(record.exitCode)).")
        if !missing.isEmpty {
            say("note: these secrets were set in the recorded run but are not set now: \(missing.joined(separator: ", ")).")
        }
        var replayContext = context
        replayContext.environment = environment
        replayContext.flagInputs = [:]
        replayContext.isReplay = true
        say("note: a replay writes nothing: forge writes and notifications are shown as would-be calls, files go to \(scratch.path).")
        let (status, _) = await StepLauncher.execute(step, context: replayContext)

        let outputFile = scratch.appendingPathComponent("output")
        let replayed = (try? FileCommand.parseKeyValues(String(decoding: FileManager.default.contents(atPath: outputFile.path) ?? Data(), as: UTF8.self))) ?? []
        var substitutions: [(replayed: String, recorded: String)] = []
        if let recordedTemp = record.environment["RUNNER_TEMP"], !recordedTemp.isEmpty, let replayTemp = environment["RUNNER_TEMP"] {
            substitutions.append((replayTemp, recordedTemp))
        }
        for (input, path) in redirectedOutputs(record: record, definition: Step.definition, scratch: scratch) {
            if let value = record.inputs[input.name] { substitutions.insert((path, context.url(forPath: value).path), at: 0) }
        }
        let differences = compare(recorded: record, replayed: replayed, status: status, substitutions: substitutions)
        if differences.isEmpty {
            say("replay: outputs and exit status match the recording (\(record.outputs.count) output\(record.outputs.count == 1 ? "" : "s"), exit \(status)).")
        } else {
            say("replay: \(differences.count) difference\(differences.count == 1 ? "" : "s") from the recording:")
            for line in differences { say("  \(line)") }
        }
        return status
    }

    /// The recorded environment, on top of the current one without its own Actions variables,
    /// with fresh files for the outputs, summary and event payload.
    static func replayEnvironment(record: ReplayRecord, definition: StepDefinition, current: [String: String], scratch: URL) -> [String: String] {
        var environment = current.filter { name, _ in
            !name.hasPrefix("INPUT_") && !name.hasPrefix("GITHUB_") && !name.hasPrefix("RUNNER_") && name != "FLASH_SYNC_REPLAY_DIR"
        }
        for (name, value) in record.environment { environment[name] = value }
        // Masks are announced only under a real runner; a laptop must never print them.
        environment["GITHUB_ACTIONS"] = current["GITHUB_ACTIONS"]
        for name in record.secretNames { environment[name] = current[name] }
        for (name, value) in record.inputs { environment[InputSpec.environmentVariable(for: name)] = value }
        // Every place the step writes goes to the scratch folder, never the recorded run's paths
        // (the defaults already do: they are under RUNNER_TEMP).
        for (input, path) in redirectedOutputs(record: record, definition: definition, scratch: scratch) {
            environment[input.environmentVariable] = path
        }
        environment["GITHUB_OUTPUT"] = scratch.appendingPathComponent("output").path
        environment["GITHUB_STEP_SUMMARY"] = scratch.appendingPathComponent("summary.md").path
        environment["RUNNER_TEMP"] = scratch.appendingPathComponent("temp").path
        if let payload = record.eventPayload {
            let path = scratch.appendingPathComponent("event.json")
            _ = FileManager.default.createFile(atPath: path.path, contents: Data(payload.utf8))
            environment["GITHUB_EVENT_PATH"] = path.path
        }
        if let name = record.eventName { environment["GITHUB_EVENT_NAME"] = name }
        return environment
    }

    /// The output-location inputs the recorded run named, each sent to its own path in the
    /// scratch folder.
    static func redirectedOutputs(record: ReplayRecord, definition: StepDefinition, scratch: URL) -> [(input: InputSpec, path: String)] {
        let outputs = scratch.appendingPathComponent("outputs")
        try? FileManager.default.createDirectory(at: outputs, withIntermediateDirectories: true)
        return definition.inputs.filter { $0.isOutputLocation && !(record.inputs[$0.name] ?? "").isEmpty }.map {
            ($0, outputs.appendingPathComponent($0.name).path)
        }
    }

    package static func compare(
        recorded: ReplayRecord, replayed: [(name: String, value: String)], status: Int32, substitutions: [(replayed: String, recorded: String)]
    ) -> [String] {
        /// Replayed paths (the scratch folder) read as the recorded ones.
        func normalize(_ value: String) -> String {
            substitutions.reduce(value) { $0.replacingOccurrences(of: $1.replayed, with: $1.recorded) }
        }
        var differences: [String] = []
        if status != recorded.exitCode {
            differences.append("exit status: recorded \(recorded.exitCode), replayed \(status)")
        }
        let replayedByName = Dictionary(replayed.map { ($0.name, normalize($0.value)) }, uniquingKeysWith: { _, last in last })
        let recordedByName = Dictionary(recorded.outputs.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
        for name in Set(replayedByName.keys).union(recordedByName.keys).sorted() {
            switch (recordedByName[name], replayedByName[name]) {
            case let (old?, new?) where old != new:
                differences.append("output \(name): recorded \(quote(old)), replayed \(quote(new))")
            case (nil, _?):
                differences.append("output \(name): not in the recording, set by the replay")
            case (_?, nil):
                differences.append("output \(name): recorded, not set by the replay")
            default:
                break
            }
        }
        return differences
    }

    private static func quote(_ value: String) -> String {
        let shown = value.count > 200 ? String(value.prefix(200)) + "…" : value
        return "'" + shown.replacingOccurrences(of: "\n", with: "\\n") + "'"
    }
}
