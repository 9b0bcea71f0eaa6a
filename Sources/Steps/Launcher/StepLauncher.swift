import ActionsRuntime
import ArgumentParser
import Diagnostics
import Foundation
import SyncCore

/// The command line every step shares: input flags, `--help` and `--replay`.
struct StepArguments<Step: StepCommand>: ParsableArguments {
    @Option(name: .customLong("replay"), help: "Re-run the step from a replay record and compare its outputs.")
    var replay: String?

    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("Inputs as --name value (see INPUTS).", valueName: "inputs"))
    var inputs: [String] = []

    init() {}
}

/// The command type behind every step executable.
struct StepCommandLine<Step: StepCommand>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: Step.definition.name,
            abstract: Step.definition.summary,
            discussion: StepHelp.discussion(for: Step.definition)
        )
    }

    @OptionGroup var arguments: StepArguments<Step>

    init() {}
}

/// Runs a step: parses the command line, builds the session, maps errors to exit codes,
/// writes the summary and, when asked, the replay record. Executables call `main`; tests call `run`.
package enum StepLauncher {
    /// The executable's entry point: the only place that reads the real process.
    package static func main<Step: StepCommand>(_ step: Step.Type) async -> Never {
        let context = StepContext(
            environment: ProcessInfo.processInfo.environment,
            workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        )
        let status = await run(step, arguments: Array(CommandLine.arguments.dropFirst()), context: context)
        exit(status)
    }

    /// Runs in process with the given context; returns the exit status.
    package static func run<Step: StepCommand>(_ step: Step.Type, arguments: [String], context: StepContext) async -> Int32 {
        let parsed: StepCommandLine<Step>
        do {
            parsed = try StepCommandLine<Step>.parse(arguments)
        } catch {
            let message = StepCommandLine<Step>.fullMessage(for: error)
            let code = StepCommandLine<Step>.exitCode(for: error)
            context.log.write(message + "\n")
            return code == .success ? 0 : StepStatus.misconfigured.rawValue
        }
        if let replay = parsed.arguments.replay {
            return await ReplayRunner.replay(step, file: replay, context: context)
        }
        var context = context
        do {
            context.flagInputs = try InputFlags.parse(parsed.arguments.inputs, definition: Step.definition)
        } catch {
            let session = StepSession(definition: Step.definition, context: context)
            for diagnostic in error.diagnostics { session.emit(diagnostic) }
            return StepStatus(session.diagnosticTally).rawValue
        }
        return await execute(step, context: context).status
    }

    /// Runs the step with a ready context; records the run when `FLASH_SYNC_REPLAY_DIR` is set.
    static func execute<Step: StepCommand>(_ step: Step.Type, context: StepContext) async -> (status: Int32, session: StepSession) {
        let session = StepSession(definition: Step.definition, context: context)
        SecretRegistry.register(session)
        let unwritable = OutputPreflight.problems(Step.definition, context: context)
        guard unwritable.isEmpty else {
            for problem in unwritable { session.emit(.configuration(problem + ". Nothing was done.", title: "Output")) }
            return (StepStatus(session.diagnosticTally).rawValue, session)
        }
        let status = await runCatchingErrors(Step(), session: session)
        do {
            try session.finish()
        } catch {
            session.emit(Diagnostic(.warning, "Could not write the step summary: \(error)"))
        }
        if let directory = context.environment["FLASH_SYNC_REPLAY_DIR"], !directory.isEmpty {
            ReplayRunner.record(session: session, status: status, directory: context.url(forPath: directory))
        }
        return (status, session)
    }

    /// Runs the step; what it throws is collected like everything it emitted, and the exit code
    /// is the worse of what the step returned and what the collected diagnostics call for.
    private static func runCatchingErrors(_ step: some StepCommand, session: StepSession) async -> Int32 {
        var returned = StepStatus.success
        do {
            returned = try await step.run(session)
        } catch let error as any DiagnosticConvertible {
            for diagnostic in error.diagnostics {
                // Thrown, a finding ends the step: it counts as a failure.
                var ending = diagnostic
                if ending.category == .finding { ending.category = .failure }
                session.emit(ending)
            }
        } catch {
            session.emit(.failure("\(type(of: step).definition.name) failed: \(error)"))
        }
        return StepStatus.worst(returned, StepStatus(session.diagnosticTally)).rawValue
    }
}
