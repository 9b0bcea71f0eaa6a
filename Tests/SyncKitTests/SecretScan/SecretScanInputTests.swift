import Testing
@testable import SyncKit

@Suite("Secret scan over awkward inputs")
struct SecretScanInputTests {
    let scanner: SecretScanner

    init() throws {
        scanner = try BuiltInScanner.standard
    }
    let token = RuleExamples.githubToken

    @Test("A file with a NUL byte near its start is skipped as binary, with the reason")
    func binaryFileIsSkipped() throws {
        let bytes = Array("PNG\u{0}\u{1}header token: \(token)\n".utf8)
        let result = scanner.inspect(bytes, path: "logo.png")
        #expect(result.skipReason == .binary(nulOffset: 3))
        #expect(result.findings.isEmpty)
        #expect(result.skipReason?.description.contains("binary file") == true)
    }

    @Test("A NUL byte after the probed head does not make a file binary")
    func lateNulIsScanned() throws {
        let configuration = SecretScanConfiguration(binaryProbeLength: 16)
        let scanner = try BuiltInScanner.make(configuration: configuration)
        let bytes = Array("first line is long enough\n\u{0}\nGITHUB_TOKEN=\(token)\n".utf8)
        let result = scanner.inspect(bytes, path: "data.txt")
        #expect(result.skipReason == nil)
        #expect(result.findings.map(\.line) == [3])
    }

    @Test("A file over the size limit is skipped with the reason")
    func oversizedFileIsSkipped() throws {
        let scanner = try BuiltInScanner.make(configuration: SecretScanConfiguration(maximumFileSize: 10))
        let result = scanner.inspect(Array("GITHUB_TOKEN=\(token)".utf8), path: "big.txt")
        #expect(result.skipReason == .tooLarge(size: 13 + token.utf8.count, limit: 10))
    }

    @Test("CRLF line ends give the same lines and columns as LF, and the unquoted rule still sees the line end")
    func crlfLinesAreHandled() throws {
        let value = RuleExamples.unquotedToken
        let lf = "a\nb\nGITHUB_TOKEN=\(token)\nAPI_TOKEN=\(value)\n"
        let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
        let lfFindings = scanner.scan(lf)
        let crlfFindings = scanner.scan(crlf)
        #expect(crlfFindings == lfFindings)
        #expect(crlfFindings.map(\.line) == [3, 4])
        #expect(crlfFindings.map(\.ruleID) == ["github-token", "generic-secret-unquoted"])
        #expect(crlfFindings.allSatisfy { !$0.preview.contains("\r") })
    }

    @Test("Invalid UTF-8 does not stop the scan, and columns count bytes")
    func invalidUTF8IsScannedAsBytes() throws {
        var bytes: [UInt8] = [0xff, 0xfe, 0xc3, 0x28, 0x0a, 0xe2, 0x82]
        bytes += Array(" GITHUB_TOKEN=".utf8) + Array(token.utf8) + [0xa0, 0xa1, 0x0a]
        bytes += Array("caf\u{e9} /home/zo\u{eb}/x".utf8)
        let findings = scanner.scan(bytes, path: "mixed.bin.txt")
        try #require(findings.count == 2)
        #expect(findings[0].ruleID == "github-token")
        #expect(findings[0].line == 2)
        #expect(findings[0].column == 2 + 1 + "GITHUB_TOKEN=".utf8.count + 1)
        #expect(findings[1].ruleID == "private-home-path")
        #expect(findings[1].line == 3)
    }

    @Test("A huge line is scanned around its keywords and reports the right column")
    func hugeLineIsHandled() throws {
        let filler = String(repeating: "lorem ipsum dolor sit amet ", count: 40_000)
        let text = "first\n" + filler + "GITHUB_TOKEN=\(token) " + filler + "npm_config=1\n"
        let findings = scanner.scan(text)
        try #require(findings.count == 1)
        #expect(findings[0].line == 2)
        #expect(findings[0].column == filler.utf8.count + "GITHUB_TOKEN=".utf8.count + 1)
    }

    @Test("A huge input without any line feed is scanned")
    func inputWithoutLineFeeds() throws {
        let noise = String(repeating: "token secret password ", count: 100_000)
        let findings = scanner.scan(noise + "key=\(RuleExamples.stripeKey)")
        #expect(findings.map(\.ruleID) == ["stripe-key"])
        #expect(findings.first?.line == 1)
    }

    @Test("A long line dense with keywords is matched in bounded windows and reports each secret once")
    func keywordDenseLine() throws {
        let spam = String(repeating: "token ", count: 40_000)
        let text = spam + "api_key = \"\(RuleExamples.quotedPassword)\" " + spam + RuleExamples.npmToken
        let findings = scanner.scan(text)
        #expect(findings.map(\.ruleID) == ["generic-secret-quoted", "npm-token"])
        #expect(findings.first?.column == spam.utf8.count + "api_key = \"".utf8.count + 1)
    }

    @Test("A document cut into pieces gives the same findings as one piece")
    func piecesAgreeWithWholeScan() throws {
        var lines: [String] = []
        for index in 0..<5000 {
            switch index % 997 {
            case 11: lines.append("token: \"\(FakeSecret.random(20, seed: UInt64(index)))\"")
            case 500: lines.append("path /home/dev\(index)/x\r")
            default: lines.append("line \(index) of ordinary text, nothing to see")
            }
        }
        let bytes = Array(lines.joined(separator: "\n").utf8)
        let whole = try BuiltInScanner.make(configuration: SecretScanConfiguration(pieceSize: 1 << 30)).scan(bytes, path: "f")
        let cut = try BuiltInScanner.make(configuration: SecretScanConfiguration(pieceSize: 4096)).scan(bytes, path: "f")
        #expect(whole.count == 11)
        #expect(cut == whole)
        #expect(whole.map(\.line) == [12, 501, 1009, 1498, 2006, 2495, 3003, 3492, 4000, 4489, 4997])
    }

    @Test("Many documents come back in input order with their own findings")
    func documentsKeepTheirOrder() throws {
        let documents = (0..<50).map { index in
            SecretScanDocument(path: "f\(index).md", bytes: Array((index % 2 == 0 ? "clean\n" : "x\nGITHUB_TOKEN=\(token)\n").utf8))
        }
        let results = scanner.inspect(documents)
        #expect(results.map(\.path) == documents.map(\.path))
        #expect(results.map(\.findings.count) == (0..<50).map { $0 % 2 })
    }

    @Test("Empty input has no findings")
    func emptyInput() throws {
        #expect(scanner.inspect([], path: "empty").findings.isEmpty)
        #expect(scanner.inspect([], path: "empty").skipReason == nil)
    }
}
