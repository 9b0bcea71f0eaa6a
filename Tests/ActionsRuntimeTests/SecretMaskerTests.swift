import ActionsRuntime
import Foundation
import TestSupport
import Testing

@Suite("Secret masking")
struct SecretMaskerTests {
    @Test("secrets are announced first under Actions and removed from everything the step writes")
    func announcedAndRedacted() throws {
        let log = CapturedLog()
        let directory = try TemporaryDirectory()
        let secret = "s3cr3t-value-123"
        let context = StepContext(
            environment: ["GITHUB_ACTIONS": "true", "MY_SECRET": secret, "GITHUB_OUTPUT": directory.path("out").path],
            workingDirectory: directory.url, log: log
        )
        let output = OutputKey("o", "")
        let session = StepSession(definition: StepDefinition(name: "t", summary: "", inputs: [], outputs: [output.spec], secretVariables: ["MY_SECRET"]), context: context)
        session.log("token is \(secret)")
        try session.setOutput(output, "x\(secret)y")
        session.summarize { $0.paragraph("summary \(secret)") }
        try session.writeFile("report \(secret)", to: directory.path("report.txt"))
        #expect(log.lines.first == "::add-mask::\(secret)")
        #expect(log.lines.dropFirst().allSatisfy { !$0.contains(secret) })
        #expect(log.text.contains("token is ***"))
        #expect(!(try directory.read("out")).contains(secret))
        #expect(!session.renderedSummary().contains(secret))
        #expect(try directory.read("report.txt") == "report ***")
    }

    @Test("outside Actions masks are not printed, since nobody would consume them")
    func noAnnouncementLocally() {
        let log = CapturedLog()
        _ = StepSession(definition: StepDefinition(name: "t", summary: "", inputs: [], outputs: [], secretVariables: ["S"]),
                        context: StepContext(environment: ["S": "abcdefgh"], workingDirectory: URL(fileURLWithPath: "/tmp"), log: log))
        #expect(log.text.isEmpty)
    }

    @Test("multi-line secrets are masked line by line and in their JSON-escaped form")
    func multilineAndJSON() {
        let masker = SecretMasker(["-----BEGIN KEY-----\nabcdef/123\n-----END KEY-----"])
        #expect(masker.redact("line abcdef/123 here") == "line *** here")
        #expect(masker.redact(#"{"k":"-----BEGIN KEY-----\nabcdef\/123\n-----END KEY-----"}"#) == #"{"k":"***"}"#)
    }

    @Test("the longest secret is masked first and very short values are not masked")
    func ordering() {
        let masker = SecretMasker(["abcd", "abcdefgh", "ab"])
        #expect(masker.redact("abcdefgh abcd ab") == "*** *** ab")
    }
}
