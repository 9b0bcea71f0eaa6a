import ActionsRuntime
import Diagnostics
import Foundation
import Testing

@Suite("Diagnostics: one type, rendered in one place")
struct DiagnosticRenderingTests {
    @Test("the location reads file, file:line or file:line:column")
    func locationText() {
        #expect(FileLocation(file: "a.md").description == "a.md")
        #expect(FileLocation(file: "a.md", line: 3).description == "a.md:3")
        #expect(FileLocation(file: "a.md", line: 3, column: 7).description == "a.md:3:7")
        #expect(FileLocation(file: "a.md", column: 7).description == "a.md", "a column without a line is not shown")
    }

    @Test("the plain line carries severity, location, message and hint")
    func plainLine() {
        let diagnostic = Diagnostic.configuration(file: "rules/a.yaml", line: 4, column: 2, message: "unknown key 'sorce'.", hint: "Did you mean 'source'?")
        #expect(diagnostic.plainLine == "error: rules/a.yaml:4:2: unknown key 'sorce'. Did you mean 'source'?")
        #expect(diagnostic.description == "rules/a.yaml:4:2: unknown key 'sorce'. Did you mean 'source'?")
        #expect(Diagnostic(.notice, "no file").plainLine == "notice: no file")
    }

    @Test("the annotation command carries title, file, lines and columns, and the hint in the message")
    func annotation() {
        let diagnostic = Diagnostic(.warning, "odd", title: "Check", file: "a.md", line: 2, endLine: 3, column: 4, endColumn: 5, hint: "Fix it.")
        #expect(diagnostic.command.line == "::warning title=Check,file=a.md,line=2,endLine=3,col=4,endColumn=5::odd Fix it.")
        #expect(Diagnostic(.error, "plain").command.line == "::error::plain")
    }

    @Test("secrets are masked in the message, the hint and the title before anything is shown")
    func redaction() {
        let log = CapturedLog()
        let session = StepSession(
            definition: StepDefinition(name: "t", summary: "", inputs: [], outputs: [], secretVariables: ["TOKEN"]),
            context: StepContext(environment: ["TOKEN": "s3cr3t-value"], workingDirectory: URL(fileURLWithPath: "/tmp"), log: log)
        )
        session.emit(Diagnostic(.error, "bad s3cr3t-value", title: "t s3cr3t-value", file: "a", hint: "drop s3cr3t-value"))
        #expect(!log.text.contains("s3cr3t-value"))
        #expect(log.text.contains("error: a: bad *** drop ***"))
    }

    @Test("the tally says what the collected errors mean: configuration over failure; findings and warnings leave it to the step")
    func tally() {
        let quiet = DiagnosticTally([Diagnostic(.error, "finding"), Diagnostic(.warning, "w", category: .failure)])
        #expect(!quiet.hasFailure && !quiet.hasConfigurationError)
        var tally = DiagnosticTally([Diagnostic.failure("could not")])
        #expect(tally.hasFailure && !tally.hasConfigurationError)
        tally.add(.configuration("bad input"))
        #expect(tally.hasConfigurationError)
        #expect(tally.count(.error) == 2)
        #expect(tally.count(.warning) == 0)
    }

    @Test("a group of diagnostics reads one per line")
    func group() {
        let group = DiagnosticGroup([.configuration(file: "a", line: 1, message: "one"), .configuration(file: "b", message: "two")])
        #expect(group.description == "a:1: one\nb: two")
        #expect(group.diagnostics.count == 2)
    }
}
