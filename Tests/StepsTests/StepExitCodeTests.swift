import ActionsRuntime
import Diagnostics
import Foundation
import Steps
import StepTestSupport
import Testing

/// A step that does one thing with diagnostics, so the launcher's exit code can be seen alone.
private struct DiagnosingStep: StepCommand {
    enum Action: String {
        case throwGroup, throwFinding, throwUnknown, emitFailure, emitFindingAndSucceed, emitFindingAndFail, throwInputError
    }

    static let actionInput: InputKey<String> = .string("action", "what to do", required: true)

    static let definition = StepDefinition(
        name: "diagnosing", summary: "test", inputs: [actionInput.spec], outputs: []
    )

    init() {}

    struct Unknown: Error, CustomStringConvertible { var description: String { "disk on fire" } }

    func run(_ session: StepSession) async throws -> StepStatus {
        switch Action(rawValue: try session.inputs(Self.actionInput))! {
        case .throwGroup:
            throw DiagnosticGroup([.configuration(file: "rules/a.yaml", line: 2, message: "one"), .configuration(file: "rules/b.yaml", message: "two")])
        case .throwFinding:
            throw Diagnostic(.error, "found while running", file: "docs/a.md", line: 9)
        case .throwUnknown:
            throw Unknown()
        case .emitFailure:
            session.emit(.failure("could not reach org/a", title: "Target"))
            return .success
        case .emitFindingAndSucceed:
            session.emit(Diagnostic(.error, "forced past it", file: "docs/a.md", line: 1))
            return .success
        case .emitFindingAndFail:
            session.emit(Diagnostic(.error, "blocks the rule", file: "docs/a.md", line: 1))
            return .failed
        case .throwInputError:
            throw InputError.notBoolean("force", value: "yes")
        }
    }
}

@Suite("Exit codes follow from the collected diagnostics")
struct StepExitCodeTests {
    fileprivate func run(_ action: DiagnosingStep.Action) async throws -> StepHarness.Result {
        try await StepHarness(inActions: false).run(DiagnosingStep.self, ["--action", action.rawValue])
    }

    @Test("a thrown group of configuration errors: each on its own line, exit 2")
    func group() async throws {
        let result = try await run(.throwGroup)
        #expect(result.status == 2)
        #expect(result.log.contains("error: rules/a.yaml:2: one\n"))
        #expect(result.log.contains("error: rules/b.yaml: two\n"))
    }

    @Test("a thrown finding ends the step: exit 1")
    func thrownFinding() async throws {
        let result = try await run(.throwFinding)
        #expect(result.status == 1)
        #expect(result.log.contains("error: docs/a.md:9: found while running"))
    }

    @Test("an error the step does not describe is named with the step: exit 1")
    func unknown() async throws {
        let result = try await run(.throwUnknown)
        #expect(result.status == 1)
        #expect(result.log.contains("error: diagnosing failed: disk on fire"))
    }

    @Test("an emitted failure fails the run even when the step returns success")
    func emittedFailure() async throws {
        let result = try await run(.emitFailure)
        #expect(result.status == 1)
        #expect(result.log.contains("error: could not reach org/a"))
    }

    @Test("an emitted finding leaves the exit code to the step")
    func findings() async throws {
        #expect(try await run(.emitFindingAndSucceed).status == 0)
        #expect(try await run(.emitFindingAndFail).status == 1)
    }

    @Test("a bad input is a configuration error: exit 2 naming the input")
    func inputError() async throws {
        let result = try await run(.throwInputError)
        #expect(result.status == 2)
        #expect(result.log.contains("error: Input does not meet YAML 1.2"))
    }
}
