import Foundation
import SyncCore
import Testing

@Suite("SARIF writer")
struct SARIFWriterTests {
    @Test("repository paths become relative URI references", arguments: [
        ("agents/planner.md", "agents/planner.md"), ("agents/old reviewer.md", "agents/old%20reviewer.md"),
        ("docs/100%.md", "docs/100%25.md"), ("core/é.md", "core/%C3%A9.md"), ("a#b?.md", "a%23b%3F.md"),
    ])
    func uris(path: String, uri: String) {
        #expect(SARIFArtifactLocation.encodeURI(path) == uri)
    }

    @Test("a location never has a line or column below 1, and the log names the schema and version")
    func minimalLog() throws {
        let result = SARIFResult(ruleId: "r", level: .warning, message: "m", location: SARIFLocation(path: "a.md", line: 0, column: 0))
        let log = SARIFLog(runs: [SARIFRun(tool: SARIFTool(driver: SARIFToolComponent(name: "t", rules: [SARIFReportingDescriptor(id: "r")])), results: [result])])
        let text = try SARIFWriter.json(log)
        #expect(text.contains("\"$schema\" : \"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json\""))
        #expect(text.contains("\"version\" : \"2.1.0\""))
        #expect(text.contains("\"startLine\" : 1"))
        #expect(text.contains("\"startColumn\" : 1"))
        #expect(text.hasSuffix("}\n"))
        #expect(try SARIFWriter.json(log) == text, "the same log always gives the same bytes")
    }
}
