import Diagnostics
import Foundation

/// The running step: reads inputs, writes outputs, logs, annotations and the summary,
/// all through the secret masker. Built from a `StepContext`; never touches globals.
package final class StepSession: DiagnosticCollector, @unchecked Sendable {
    package static let annotationsPerKind = 10

    package let definition: StepDefinition
    package let context: StepContext
    package let inputs: StepInputs

    private let lock = NSLock()
    private var masker: SecretMasker
    private var emitted: [Diagnostic.Severity: Int] = [:]
    private var overflow: [Diagnostic] = []
    private var tally = DiagnosticTally()
    private var recordedOutputs: [(name: String, value: String)] = []
    private var summaryStore = StepSummary()

    package init(definition: StepDefinition, context: StepContext) {
        self.definition = definition
        self.context = context
        self.inputs = StepInputs(definition: definition, environment: context.environment, flags: context.flagInputs)
        var secrets: [String] = definition.secretVariables.compactMap { context.environment[$0] }
        for input in definition.inputs where input.isSecret {
            if let value = context.flagInputs[input.name] ?? context.environment[input.environmentVariable] {
                secrets.append(value.trimmingCharacters(in: .whitespacesAndNewlines))
            }
        }
        masker = SecretMasker(secrets.filter { !$0.isEmpty })
        announceMasks(masker.announcements)
    }

    // MARK: Masking

    /// Registers more secret values (read from a file, derived from a token...).
    package func addSecret(_ value: String) {
        let before = lock.withLock { masker.values }
        lock.withLock { masker.add(value) }
        let added = lock.withLock { masker.values }.filter { !before.contains($0) }
        announceMasks(added)
    }

    package func redact(_ text: String) -> String {
        lock.withLock { masker }.redact(text)
    }

    package func redactData(_ data: Data) -> Data {
        lock.withLock { masker }.redact(data)
    }

    package var secretValues: [String] { lock.withLock { masker.values } }

    private func announceMasks(_ values: [String]) {
        // The runner consumes these lines and hides the values from then on. Outside Actions
        // nobody would consume them, and printing them would show the secret: say nothing.
        guard context.isInActions else { return }
        for value in values {
            context.log.write(WorkflowCommand("add-mask", message: value).line + "\n")
        }
    }

    // MARK: Log

    /// Writes a log line. Under Actions, data that could read as a workflow command (a line
    /// starting with `::`, from a file name, a version or a message) is wrapped in
    /// `::stop-commands::`, so the runner prints it and never acts on it.
    package func log(_ message: String) {
        context.log.write(Self.fenced(redact(message), context: context) + "\n")
    }

    /// `text` as a log line may carry it: under Actions, fenced in `::stop-commands::` when a
    /// line of it could read as a workflow command; as it is otherwise.
    package static func fenced(_ text: String, context: StepContext) -> String {
        guard context.isInActions, couldBeCommand(text) else { return text }
        let token = "flash-sync-" + context.makeUUID().uuidString.lowercased()
        return "::stop-commands::\(token)\n\(text)\n::\(token)::"
    }

    /// Whether some line of `text` would be read by the runner as a workflow command.
    static func couldBeCommand(_ text: String) -> Bool {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).contains {
            $0.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("::")
        }
    }

    package func debug(_ message: String) {
        guard context.isDebug else { return }
        context.log.write(WorkflowCommand("debug", message: redact(message)).line + "\n")
    }

    package func command(_ command: WorkflowCommand) {
        var safe = command
        safe.message = redact(command.message)
        safe.properties = command.properties.map { ($0.key, redact($0.value)) }
        context.log.write(safe.line + "\n")
    }

    /// Runs `body` inside a collapsible `::group::` in the log.
    /// Outside Actions nothing folds the log, so the group is a plain heading line there.
    package func group<T>(_ name: String, _ body: () async throws -> T) async rethrows -> T {
        guard context.isInActions else {
            log("▸ \(name)")
            return try await body()
        }
        command(WorkflowCommand("group", message: name))
        defer { command(WorkflowCommand("endgroup")) }
        return try await body()
    }

    // MARK: Diagnostics

    /// Collects a diagnostic and shows it: at most ten annotations of each severity; the rest are
    /// counted and listed in the summary. Outside Actions nobody turns workflow commands into
    /// annotations, so each one is a plain `error: file:line:col: message` line instead, and none
    /// is held back.
    package func emit(_ diagnostic: Diagnostic) {
        let safe = diagnostic.redacted(redact)
        lock.withLock { tally.add(safe) }
        guard context.isInActions else {
            log(safe.plainLine)
            return
        }
        let shouldEmit = lock.withLock {
            let count = emitted[safe.severity, default: 0]
            guard count < Self.annotationsPerKind else {
                overflow.append(safe)
                return false
            }
            emitted[safe.severity] = count + 1
            return true
        }
        if shouldEmit {
            command(safe.command)
        } else {
            log(safe.plainLine)
        }
    }

    /// The diagnostics that did not fit GitHub's annotation limit, in the order they came.
    package var overflowAnnotations: [Diagnostic] { lock.withLock { overflow } }

    /// What the diagnostics collected so far mean for the run.
    package var diagnosticTally: DiagnosticTally { lock.withLock { tally } }

    // MARK: Outputs and file commands

    /// Sets a step output through `GITHUB_OUTPUT`, or prints it readably outside Actions.
    /// The key is the one the step's definition lists, so the output is always a declared one.
    package func setOutput(_ key: OutputKey, _ value: String) throws {
        let name = key.name
        let safe = redact(value)
        lock.withLock { recordedOutputs.append((name, safe)) }
        if try !appendKeyValue(.output, name: name, value: safe) {
            if safe.contains("\n") {
                log("output \(name):\n" + safe.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n"))
            } else {
                log("output \(name)=\(safe)")
            }
        }
    }

    package func exportVariable(_ name: String, _ value: String) throws {
        let safe = redact(value)
        if try !appendKeyValue(.environment, name: name, value: safe) {
            log("export \(name)=\(safe)")
        }
    }

    package func saveState(_ name: String, _ value: String) throws {
        _ = try appendKeyValue(.state, name: name, value: redact(value))
    }

    package func addPath(_ path: String) throws {
        guard let file = context.environment[FileCommand.path.rawValue], !file.isEmpty else {
            log("add to PATH: \(path)")
            return
        }
        try Self.append(path + "\n", to: URL(fileURLWithPath: file))
    }

    /// The outputs set so far, in order, with secrets already masked.
    package var outputs: [(name: String, value: String)] { lock.withLock { recordedOutputs } }

    private func appendKeyValue(_ command: FileCommand, name: String, value: String) throws -> Bool {
        guard let file = context.environment[command.rawValue], !file.isEmpty else { return false }
        let text = try FileCommand.keyValue(name: name, value: value, delimiter: FileCommand.makeDelimiter(context.makeUUID()))
        try Self.append(text, to: URL(fileURLWithPath: file))
        return true
    }

    static func append(_ text: String, to url: URL) throws {
        if !FileManager.default.fileExists(atPath: url.path) {
            _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
    }

    // MARK: Summary

    package func summarize(_ build: (inout StepSummary) -> Void) {
        lock.withLock { build(&summaryStore) }
    }

    /// The summary as it will be written, with the annotations that did not fit listed.
    package func renderedSummary() -> String {
        var summary = lock.withLock { summaryStore }
        let extra = overflowAnnotations
        if !extra.isEmpty {
            let counts = Dictionary(grouping: extra, by: \.severity).sorted { $0.key < $1.key }
                .map { "\($0.value.count) \($0.key.rawValue)\($0.value.count == 1 ? "" : "s")" }
            summary.heading("Annotations not shown on the run (\(counts.joined(separator: ", ")))", level: 3)
            summary.paragraph("GitHub shows at most \(Self.annotationsPerKind) annotations of each kind per step; these are the rest.")
            summary.table(["kind", "location", "message"], extra.map { [$0.severity.rawValue, $0.location?.description ?? "", $0.fullMessage] })
        }
        return redact(summary.render())
    }

    /// Writes the summary to `GITHUB_STEP_SUMMARY`, or prints it when run locally.
    package func finish() throws {
        let text = renderedSummary()
        guard !text.isEmpty else { return }
        if let file = context.environment["GITHUB_STEP_SUMMARY"], !file.isEmpty {
            try Self.append(text, to: URL(fileURLWithPath: file))
        } else if !context.isInActions {
            context.log.write("\n" + text)
        }
    }

    // MARK: Files the step writes

    /// Writes a report or artifact atomically, with secrets masked, creating folders as needed.
    package func writeFile(_ contents: String, to url: URL) throws {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(redact(contents).utf8).write(to: url, options: .atomic)
        } catch {
            throw FileWriteError(path: url.path, reason: (error as NSError).localizedFailureReason ?? error.localizedDescription)
        }
    }
}

/// A file a step could not write, named with the reason (never Foundation's raw error domain).
package struct FileWriteError: Error, CustomStringConvertible {
    package var path: String
    package var reason: String

    package var description: String { "cannot write \(path): \(reason)" }
}
