import ActionsRuntime
import ArgumentParser
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
            session.annotate(Annotation(.error, error.description))
            return StepStatus.misconfigured.rawValue
        }
        return await execute(step, context: context).status
    }

    /// Runs the step with a ready context; records the run when `FLASH_SYNC_REPLAY_DIR` is set.
    static func execute<Step: StepCommand>(_ step: Step.Type, context: StepContext) async -> (status: Int32, session: StepSession) {
        let session = StepSession(definition: Step.definition, context: context)
        SecretRegistry.register(session)
        let unwritable = OutputPreflight.problems(Step.definition, context: context)
        guard unwritable.isEmpty else {
            for problem in unwritable { session.annotate(Annotation(.error, problem + ". Nothing was done.", title: "Output")) }
            return (StepStatus.misconfigured.rawValue, session)
        }
        let status = await runCatchingErrors(Step(), session: session)
        do {
            try session.finish()
        } catch {
            session.annotate(Annotation(.warning, "Could not write the step summary: \(error)"))
        }
        if let directory = context.environment["FLASH_SYNC_REPLAY_DIR"], !directory.isEmpty {
            ReplayRunner.record(session: session, status: status, directory: context.url(forPath: directory))
        }
        return (status, session)
    }

    private static func runCatchingErrors(_ step: some StepCommand, session: StepSession) async -> Int32 {
        do {
            return try await step.run(session).rawValue
        } catch let error as StepFailure {
            session.annotate(error.annotation ?? Annotation(.error, error.message))
            return error.status.rawValue
        } catch let error as InputError {
            session.annotate(Annotation(.error, error.description))
            return StepStatus.misconfigured.rawValue
        } catch let error as ConfigError {
            session.annotate(Annotation(error))
            return StepStatus.misconfigured.rawValue
        } catch let error as ConfigErrors {
            for item in error.errors { session.annotate(Annotation(item)) }
            return StepStatus.misconfigured.rawValue
        } catch {
            session.annotate(Annotation(.error, "\(type(of: step).definition.name) failed: \(error)"))
            return StepStatus.failed.rawValue
        }
    }
}

extension Annotation {
    /// A configuration error as an annotation on its file and line.
    init(_ error: ConfigError) {
        self.init(
            .error, error.message + (error.hint.map { " " + $0 } ?? ""), title: "Configuration error",
            file: error.file, line: error.line, column: error.column
        )
    }
}
