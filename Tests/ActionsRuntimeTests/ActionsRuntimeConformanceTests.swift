import ActionsRuntime
import Diagnostics
import Foundation
import TestSupport
import Testing

/// Every case of Fixtures/vectors.json (written for this project; the Actions runtime's behaviour).
@Suite("Actions runtime conformance vectors")
struct ActionsRuntimeConformanceTests {
    static let commandCases: [RuntimeVectors.CommandCase] = RuntimeVectors.loaded?.workflowCommands ?? []
    static let fileCases: [RuntimeVectors.FileCase] = RuntimeVectors.loaded?.fileCommands.cases ?? []

    @Test("the vectors load, with every table at its full size")
    func vectorsLoad() throws {
        let vectors = try RuntimeVectors.load()
        try FixtureError.requireCount(vectors.workflowCommands, atLeast: 11, in: RuntimeVectors.path)
        try FixtureError.requireCount(vectors.fileCommands.cases, atLeast: 3, in: RuntimeVectors.path)
        try FixtureError.requireCount(vectors.inputs.cases, atLeast: 4, in: RuntimeVectors.path)
        try FixtureError.requireCount(vectors.inputs.booleans.true + vectors.inputs.booleans.false, atLeast: 6, in: RuntimeVectors.path)
        #expect(Self.commandCases.count == vectors.workflowCommands.count)
        #expect(Self.fileCases.count == vectors.fileCommands.cases.count)
    }

    @Test("workflow commands are formatted and escaped like the toolkit", arguments: commandCases)
    func workflowCommand(_ vector: RuntimeVectors.CommandCase) {
        let command = WorkflowCommand(vector.command, properties: vector.properties.map { ($0.key, $0.value) }, message: vector.message)
        #expect(command.line == vector.line)
    }

    @Test("file commands are written as the runner reads them", arguments: fileCases)
    func fileCommand(_ vector: RuntimeVectors.FileCase) async throws {
        let directory = try TemporaryDirectory()
        let file = directory.path(vector.file)
        let delimiterUUID = vector.delimiter.flatMap { UUID(uuidString: String($0.dropFirst("ghadelimiter_".count))) } ?? UUID()
        let context = StepContext(
            environment: [vector.file: file.path], workingDirectory: directory.url,
            makeUUID: { delimiterUUID }, log: CapturedLog()
        )
        let output = OutputKey(vector.name ?? "x", "")
        let definition = StepDefinition(name: "t", summary: "", inputs: [], outputs: [output.spec])
        let session = StepSession(definition: definition, context: context)
        let command = try #require(FileCommand(rawValue: vector.file), "unknown file command \(vector.file)")
        switch command {
        case .output:
            _ = try #require(vector.name)
            try session.setOutput(output, vector.value)
        case .environment: try session.exportVariable(try #require(vector.name), vector.value)
        case .state: try session.saveState(try #require(vector.name), vector.value)
        case .path: try session.addPath(vector.value)
        }
        #expect(try directory.read(vector.file) == vector.written)
    }

    @Test("a name or value containing the delimiter is refused, never written")
    func delimiterInValueIsRefused() throws {
        let delimiter = FileCommand.makeDelimiter(UUID())
        #expect(throws: FileCommandError.delimiterInValue(name: "out")) {
            try FileCommand.keyValue(name: "out", value: "a\n\(delimiter)\nb", delimiter: delimiter)
        }
        #expect(throws: FileCommandError.delimiterInName(name: "x\(delimiter)")) {
            try FileCommand.keyValue(name: "x\(delimiter)", value: "v", delimiter: delimiter)
        }
    }

    @Test("each write uses a fresh ghadelimiter_<UUID>")
    func freshDelimiters() throws {
        let directory = try TemporaryDirectory()
        let file = directory.path("out")
        let context = StepContext(environment: ["GITHUB_OUTPUT": file.path], workingDirectory: directory.url, log: CapturedLog())
        let (a, b) = (OutputKey("a", ""), OutputKey("b", ""))
        let session = StepSession(definition: StepDefinition(name: "t", summary: "", inputs: [], outputs: [a.spec, b.spec]), context: context)
        try session.setOutput(a, "1")
        try session.setOutput(b, "2")
        let lines = try directory.read("out").split(separator: "\n").map(String.init)
        #expect(lines.count == 6)
        let openers = try [lines[0], lines[3]].map { line in String(line[try #require(line.range(of: "<<")).upperBound...]) }
        #expect(openers == [lines[2], lines[5]])
        #expect(Set(openers).count == 2)
        #expect(openers.allSatisfy { $0.hasPrefix("ghadelimiter_") && UUID(uuidString: String($0.dropFirst("ghadelimiter_".count))) != nil })
    }

    @Test("without GITHUB_OUTPUT an output prints readably and nothing crashes")
    func outputOutsideActions() throws {
        let log = CapturedLog()
        let context = StepContext(environment: [:], workingDirectory: URL(fileURLWithPath: "/tmp"), log: log)
        let (plan, multi) = (OutputKey("plan", ""), OutputKey("multi", ""))
        let session = StepSession(definition: StepDefinition(name: "t", summary: "", inputs: [], outputs: [plan.spec, multi.spec]), context: context)
        try session.setOutput(plan, "plan.json")
        try session.setOutput(multi, "line 1\nline 2")
        #expect(log.text == "output plan=plan.json\noutput multi:\n  line 1\n  line 2\n")
    }

    // MARK: Inputs

    @Test("input names map to INPUT_ variables: spaces to underscores, upper-cased, hyphens kept")
    func inputVariableNames() throws {
        let cases = try RuntimeVectors.load().inputs.cases.filter { $0.variable != nil }
        try FixtureError.requireCount(cases, atLeast: 2, in: RuntimeVectors.path)
        for item in cases {
            #expect(InputSpec.environmentVariable(for: item.input) == item.variable)
        }
    }

    @Test("values are trimmed and multiline inputs give trimmed non-empty lines")
    func inputValues() throws {
        let cases = try RuntimeVectors.load().inputs.cases.filter { $0.raw != nil }
        try FixtureError.requireCount(cases, atLeast: 2, in: RuntimeVectors.path)
        for item in cases {
            let raw = try #require(item.raw)
            let name = item.input
            // One input read two ways: the same spec (a plain string input) under both keys.
            let text: InputKey<String> = .string(name, "")
            let lineList: InputKey<[String]> = .lines(name, "", kind: .string)
            let inputs = StepInputs(
                definition: StepDefinition(name: "t", summary: "", inputs: [text.spec], outputs: []),
                environment: [InputSpec.environmentVariable(for: name): raw], flags: [:]
            )
            if let value = item.value { #expect(try inputs(text) == value) }
            if let lines = item.lines { #expect(try inputs(lineList) == lines) }
        }
    }

    @Test("booleans accept exactly the YAML 1.2 core spellings")
    func booleans() throws {
        let spellings = try RuntimeVectors.load().inputs.booleans
        let force: InputKey<Bool> = .boolean("force", "")
        func inputs(_ value: String) -> StepInputs {
            StepInputs(definition: StepDefinition(name: "t", summary: "", inputs: [force.spec], outputs: []),
                       environment: ["INPUT_FORCE": value], flags: [:])
        }
        for value in spellings.true { #expect(try inputs(value)(force) == true) }
        for value in spellings.false { #expect(try inputs(value)(force) == false) }
        for value in ["yes", "1", "on", "tRue", "no"] {
            #expect(throws: InputError.notBoolean("force", value: value)) { try inputs(value)(force) }
        }
        let message = InputError.notBoolean("force", value: "yes").description
        #expect(message.contains("force") && message.contains("true | True | TRUE | false | False | FALSE"))
    }

    @Test("a missing required input fails naming it")
    func requiredInput() {
        let token: InputKey<String> = .string("token", "", required: true)
        let inputs = StepInputs(definition: StepDefinition(name: "t", summary: "", inputs: [token.spec], outputs: []),
                                environment: ["INPUT_TOKEN": "   "], flags: [:])
        #expect(throws: InputError.required("token")) { try inputs(token) }
        #expect(InputError.required("token").description == "Input required and not supplied: token")
    }

    // MARK: Limits

    @Test("at most the vector's annotations per kind are emitted; the rest go to the summary")
    func annotationLimit() throws {
        let perKind = try RuntimeVectors.load().limits.annotationsPerTypePerStep
        #expect(StepSession.annotationsPerKind == perKind)
        let log = CapturedLog()
        let session = StepSession(definition: StepDefinition(name: "t", summary: "", inputs: [], outputs: []),
                                  context: StepContext(environment: ["GITHUB_ACTIONS": "true"], workingDirectory: URL(fileURLWithPath: "/tmp"), log: log))
        for index in 1...(perKind + 3) { session.emit(Diagnostic(.error, "e\(index)", file: "a.md", line: index)) }
        for index in 1...2 { session.emit(Diagnostic(.warning, "w\(index)")) }
        let commands = log.lines.filter { $0.hasPrefix("::error") }
        #expect(commands.count == perKind)
        #expect(log.lines.filter { $0.hasPrefix("::warning") }.count == 2)
        #expect(session.overflowAnnotations.map(\.message) == ["e11", "e12", "e13"])
        let summary = session.renderedSummary()
        #expect(summary.contains("Annotations not shown on the run (3 errors)"))
        #expect(summary.contains("| error | a.md:12 | e12 |"))
    }

    @Test("outside Actions an annotation is a readable line, and none is held back")
    func annotationsOutsideActions() {
        let log = CapturedLog()
        let session = StepSession(definition: StepDefinition(name: "t", summary: "", inputs: [], outputs: []),
                                  context: StepContext(environment: [:], workingDirectory: URL(fileURLWithPath: "/tmp"), log: log))
        for index in 1...12 { session.emit(Diagnostic(.error, "e\(index)", title: "T", file: "rules/a.yaml", line: index, column: 3)) }
        session.emit(Diagnostic(.warning, "no file"))
        #expect(log.lines.first == "error: rules/a.yaml:1:3: e1")
        #expect(log.lines.filter { $0.hasPrefix("error: ") }.count == 12)
        #expect(log.lines.contains("warning: no file"))
        #expect(!log.text.contains("::"))
        #expect(session.overflowAnnotations.isEmpty)
    }

    @Test("annotation messages are cut at the vector's limit")
    func annotationMessageLimit() throws {
        let limit = try RuntimeVectors.load().limits.annotationMessageChars
        let line = Diagnostic(.notice, String(repeating: "a", count: limit + 100)).command.message
        #expect(line.count == limit)
        #expect(line.hasSuffix("…"))
    }

    @Test("the summary stays under the vector's byte limit and says what it left out")
    func summaryLimit() throws {
        let limit = try RuntimeVectors.load().limits.stepSummaryBytes
        #expect(StepSummary.byteLimit == limit)
        var summary = StepSummary()
        for index in 0..<300 { summary.paragraph("block \(index) " + String(repeating: "x", count: 5000)) }
        let rendered = summary.render()
        #expect(rendered.utf8.count <= limit)
        #expect(rendered.contains("block 0 "))
        #expect(!rendered.contains("block 299 "))
        #expect(rendered.contains("left out"))
    }

    @Test("debug lines appear only when RUNNER_DEBUG=1")
    func debugLines() {
        for (debug, expected) in [("1", ["::debug::%0D%0Adebug%0A", ""]), ("0", [""])] {
            let log = CapturedLog()
            let session = StepSession(definition: StepDefinition(name: "t", summary: "", inputs: [], outputs: []),
                                      context: StepContext(environment: ["RUNNER_DEBUG": debug], workingDirectory: URL(fileURLWithPath: "/tmp"), log: log))
            session.debug("\r\ndebug\n")
            #expect(log.lines == expected)
        }
    }
}
