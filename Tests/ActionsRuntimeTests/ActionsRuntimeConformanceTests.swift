import ActionsRuntime
import Foundation
import TestSupport
import Testing

/// Every case of ../shared/fixtures/actions-runtime/vectors.json.
@Suite("Actions runtime conformance vectors")
struct ActionsRuntimeConformanceTests {
    nonisolated(unsafe) static let vectors: [String: Any] = {
        let data = try! SharedFixtures.data("actions-runtime/vectors.json")
        return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    }()

    struct CommandCase: CustomTestStringConvertible, Sendable {
        var name: String
        var command: String
        var properties: [Pair]
        var message: String
        var line: String
        var testDescription: String { name }

        struct Pair: Sendable { var key: String; var value: String }
    }

    static let commandCases: [CommandCase] = (vectors["workflowCommands"] as! [[String: Any]]).map { item in
        var pairs: [CommandCase.Pair] = []
        if let list = item["properties"] as? [[String]] {
            pairs = list.map { CommandCase.Pair(key: $0[0], value: $0[1]) }
        } else if let dictionary = item["properties"] as? [String: String] {
            pairs = dictionary.sorted { $0.key < $1.key }.map { CommandCase.Pair(key: $0.key, value: $0.value) }
        }
        return CommandCase(
            name: item["name"] as! String, command: item["command"] as! String, properties: pairs,
            message: item["message"] as! String, line: item["line"] as! String
        )
    }

    @Test("workflow commands are formatted and escaped like the toolkit", arguments: commandCases)
    func workflowCommand(_ vector: CommandCase) {
        let command = WorkflowCommand(vector.command, properties: vector.properties.map { ($0.key, $0.value) }, message: vector.message)
        #expect(command.line == vector.line)
    }

    struct FileCase: CustomTestStringConvertible, Sendable {
        var file: String
        var name: String?
        var value: String
        var delimiter: String?
        var written: String
        var testDescription: String { "\(file) \(name ?? value)" }
    }

    static let fileCases: [FileCase] = ((vectors["fileCommands"] as! [String: Any])["cases"] as! [[String: Any]]).map {
        FileCase(file: $0["file"] as! String, name: $0["name"] as? String, value: $0["value"] as! String,
                 delimiter: $0["delimiter"] as? String, written: $0["written"] as! String)
    }

    @Test("file commands are written as the runner reads them", arguments: fileCases)
    func fileCommand(_ vector: FileCase) async throws {
        let directory = try TemporaryDirectory()
        let file = directory.path(vector.file)
        let delimiterUUID = vector.delimiter.flatMap { UUID(uuidString: String($0.dropFirst("ghadelimiter_".count))) } ?? UUID()
        let context = StepContext(
            environment: [vector.file: file.path], workingDirectory: directory.url,
            makeUUID: { delimiterUUID }, log: CapturedLog()
        )
        let definition = StepDefinition(name: "t", summary: "", inputs: [], outputs: [OutputSpec(vector.name ?? "x", "")])
        let session = StepSession(definition: definition, context: context)
        switch FileCommand(rawValue: vector.file)! {
        case .output: try session.setOutput(vector.name!, vector.value)
        case .environment: try session.exportVariable(vector.name!, vector.value)
        case .state: try session.saveState(vector.name!, vector.value)
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
        let session = StepSession(definition: StepDefinition(name: "t", summary: "", inputs: [], outputs: [OutputSpec("a", ""), OutputSpec("b", "")]), context: context)
        try session.setOutput("a", "1")
        try session.setOutput("b", "2")
        let lines = try directory.read("out").split(separator: "\n").map(String.init)
        #expect(lines.count == 6)
        let openers = [lines[0], lines[3]].map { String($0[$0.range(of: "<<")!.upperBound...]) }
        #expect(openers == [lines[2], lines[5]])
        #expect(Set(openers).count == 2)
        #expect(openers.allSatisfy { $0.hasPrefix("ghadelimiter_") && UUID(uuidString: String($0.dropFirst("ghadelimiter_".count))) != nil })
    }

    @Test("without GITHUB_OUTPUT an output prints readably and nothing crashes")
    func outputOutsideActions() throws {
        let log = CapturedLog()
        let context = StepContext(environment: [:], workingDirectory: URL(fileURLWithPath: "/tmp"), log: log)
        let session = StepSession(definition: StepDefinition(name: "t", summary: "", inputs: [], outputs: [OutputSpec("plan", ""), OutputSpec("multi", "")]), context: context)
        try session.setOutput("plan", "plan.json")
        try session.setOutput("multi", "line 1\nline 2")
        #expect(log.text == "output plan=plan.json\noutput multi:\n  line 1\n  line 2\n")
    }

    // MARK: Inputs

    nonisolated(unsafe) static let inputsVectors = vectors["inputs"] as! [String: Any]

    @Test("input names map to INPUT_ variables: spaces to underscores, upper-cased, hyphens kept")
    func inputVariableNames() {
        for item in Self.inputsVectors["cases"] as! [[String: Any]] {
            guard let variable = item["variable"] as? String else { continue }
            #expect(InputSpec.environmentVariable(for: item["input"] as! String) == variable)
        }
    }

    @Test("values are trimmed and multiline inputs give trimmed non-empty lines")
    func inputValues() throws {
        for item in Self.inputsVectors["cases"] as! [[String: Any]] {
            guard let raw = item["raw"] as? String else { continue }
            let name = item["input"] as! String
            let inputs = StepInputs(
                definition: StepDefinition(name: "t", summary: "", inputs: [InputSpec(name, "")], outputs: []),
                environment: [InputSpec.environmentVariable(for: name): raw], flags: [:]
            )
            if let value = item["value"] as? String { #expect(try inputs.string(name) == value) }
            if let lines = item["lines"] as? [String] { #expect(try inputs.lines(name) == lines) }
        }
    }

    @Test("booleans accept exactly the YAML 1.2 core spellings")
    func booleans() throws {
        let spellings = Self.inputsVectors["booleans"] as! [String: Any]
        func inputs(_ value: String) -> StepInputs {
            StepInputs(definition: StepDefinition(name: "t", summary: "", inputs: [InputSpec("force", "", kind: .boolean)], outputs: []),
                       environment: ["INPUT_FORCE": value], flags: [:])
        }
        for value in spellings["true"] as! [String] { #expect(try inputs(value).bool("force") == true) }
        for value in spellings["false"] as! [String] { #expect(try inputs(value).bool("force") == false) }
        for value in ["yes", "1", "on", "tRue", "no"] {
            #expect(throws: InputError.notBoolean("force", value: value)) { try inputs(value).bool("force") }
        }
        let message = InputError.notBoolean("force", value: "yes").description
        #expect(message.contains("force") && message.contains("true | True | TRUE | false | False | FALSE"))
    }

    @Test("a missing required input fails naming it")
    func requiredInput() {
        let inputs = StepInputs(definition: StepDefinition(name: "t", summary: "", inputs: [InputSpec("token", "", required: true)], outputs: []),
                                environment: ["INPUT_TOKEN": "   "], flags: [:])
        #expect(throws: InputError.required("token")) { try inputs.string("token") }
        #expect(InputError.required("token").description == "Input required and not supplied: token")
    }

    // MARK: Limits

    nonisolated(unsafe) static let limits = vectors["limits"] as! [String: Any]

    @Test("at most the vector's annotations per kind are emitted; the rest go to the summary")
    func annotationLimit() throws {
        let perKind = Self.limits["annotationsPerTypePerStep"] as! Int
        #expect(StepSession.annotationsPerKind == perKind)
        let log = CapturedLog()
        let session = StepSession(definition: StepDefinition(name: "t", summary: "", inputs: [], outputs: []),
                                  context: StepContext(environment: ["GITHUB_ACTIONS": "true"], workingDirectory: URL(fileURLWithPath: "/tmp"), log: log))
        for index in 1...(perKind + 3) { session.annotate(Annotation(.error, "e\(index)", file: "a.md", line: index)) }
        for index in 1...2 { session.annotate(Annotation(.warning, "w\(index)")) }
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
        for index in 1...12 { session.annotate(Annotation(.error, "e\(index)", title: "T", file: "rules/a.yaml", line: index, column: 3)) }
        session.annotate(Annotation(.warning, "no file"))
        #expect(log.lines.first == "error: rules/a.yaml:1:3: e1")
        #expect(log.lines.filter { $0.hasPrefix("error: ") }.count == 12)
        #expect(log.lines.contains("warning: no file"))
        #expect(!log.text.contains("::"))
        #expect(session.overflowAnnotations.isEmpty)
    }

    @Test("annotation messages are cut at the vector's limit")
    func annotationMessageLimit() {
        let limit = Self.limits["annotationMessageChars"] as! Int
        let line = Annotation(.notice, String(repeating: "a", count: limit + 100)).command.message
        #expect(line.count == limit)
        #expect(line.hasSuffix("…"))
    }

    @Test("the summary stays under the vector's byte limit and says what it left out")
    func summaryLimit() {
        let limit = Self.limits["stepSummaryBytes"] as! Int
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
