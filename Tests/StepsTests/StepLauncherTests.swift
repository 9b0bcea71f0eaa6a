import ActionsRuntime
import Foundation
import Steps
import StepTestSupport
import TestSupport
import Testing

@Suite("Step command line")
struct StepLauncherTests {
    @Test("--help documents every input with its flag and variable, and every output")
    func help() async throws {
        let result = try await StepHarness(inActions: false).run(ValidateSecretsStep.self, ["--help"])
        #expect(result.status == 0)
        for input in ValidateSecretsStep.definition.inputs {
            #expect(result.log.contains(input.flag))
            #expect(result.log.contains(input.environmentVariable))
        }
        for output in ValidateSecretsStep.definition.outputs { #expect(result.log.contains("  \(output.name)\n")) }
        // Descriptions stay indented under their flag: no line is re-wrapped to column 0.
        let start = try #require(result.log.range(of: "INPUTS (flag")).upperBound
        let end = try #require(result.log.range(of: "EXIT STATUS")).lowerBound
        for line in result.log[start..<end].split(separator: "\n").dropFirst() where !line.hasPrefix("OUTPUTS") {
            #expect(line.hasPrefix("  ") && line.count <= 80, "\(line)")
        }
    }

    @Test("a flag is the same as its INPUT_ variable and wins over it")
    func flagsOverrideEnvironment() async throws {
        var harness = try StepHarness(environment: SampleSecrets.all)
        harness.environment["INPUT_REPORT-PATH"] = "from-env.json"
        let result = try await harness.run(ValidateSecretsStep.self, ["--report-path", "from-flag.json"])
        #expect(result.output("report")?.hasSuffix("/from-flag.json") == true)
        let fromEnvironment = try await harness.run(ValidateSecretsStep.self)
        #expect(fromEnvironment.output("report")?.hasSuffix("/from-env.json") == true)
    }

    @Test("unknown flags and stray arguments exit 2 with a suggestion")
    func badArguments() async throws {
        let harness = try StepHarness(environment: SampleSecrets.all)
        let unknown = try await harness.run(ValidateSecretsStep.self, ["--target-repo", "org/a"])
        #expect(unknown.status == 2)
        #expect(unknown.log.contains("Unknown option '--target-repo'. Did you mean '--target-repos'?"))
        let noValue = try await harness.run(ValidateSecretsStep.self, ["--report-path"])
        #expect(noValue.status == 2)
        #expect(noValue.log.contains("Option '--report-path' needs a value"))
    }
}
