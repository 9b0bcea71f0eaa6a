import Foundation
import SyncCore
import TestSupport
import Testing

/// The bootstrap and step selection scripts of action.yml, run with bash: the release download
/// is checked against checksums.txt from a real HTTP server on 127.0.0.1.
@Suite("action.yml bootstrap")
struct ActionBootstrapTests {
    static let version = "v1.4.0"
    static let asset = "flash-sync-v1.4.0-linux-x86_64.tar.gz"

    /// A release asset holding an executable plan-sync, and its SHA-256.
    static func makeAsset(in directory: TemporaryDirectory) throws -> (data: Data, sha256: String) {
        _ = try directory.write("stage/plan-sync", "#!/bin/sh\necho plan-sync from the release\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path("stage/plan-sync").path)
        let tar = try ProcessRunner.run(["tar", "-czf", directory.path(asset).path, "-C", directory.path("stage").path, "."], in: directory.url)
        #expect(tar.status == 0, "\(tar.stderr)")
        let data = try Data(contentsOf: directory.path(asset))
        return (data, Checksum.sha256Hex(data))
    }

    /// Serves `checksums` and the asset under /example-org/flash-sync/releases/download/VERSION/.
    static func serveRelease(asset: Data, checksums: String) async throws -> LoopbackServer {
        try await LoopbackServer { request in
            let prefix = "/example-org/flash-sync/releases/download/\(version)/"
            switch request.path {
            case prefix + Self.asset: return .init(status: 200, body: asset)
            case prefix + "checksums.txt": return .init(status: 200, body: Data(checksums.utf8))
            default: return .init(status: 404)
            }
        }
    }

    func install(from server: LoopbackServer, script: ActionScript) async throws -> ActionScript.Result {
        try await script.run([
            "GITHUB_SERVER_URL": server.baseURL, "FLASH_SYNC_METHOD": "release", "FLASH_SYNC_VERSION": Self.version,
            "FLASH_SYNC_REPOSITORY": "example-org/flash-sync", "FLASH_SYNC_ACTION_PATH": script.directory.url.path,
        ])
    }

    @Test("a release asset whose SHA-256 matches checksums.txt is installed and put on PATH")
    func installsVerifiedRelease() async throws {
        let script = try ActionScript(stepID: "install")
        let (asset, sha256) = try Self.makeAsset(in: script.directory)
        let server = try await Self.serveRelease(asset: asset, checksums: "\(sha256)  \(Self.asset)\n0000  other.tar.gz\n")
        defer { Task { await server.stop() } }
        let result = try await install(from: server, script: script)
        #expect(result.status == 0, "\(result.log)")
        let bin = try #require(result.outputs["bin"])
        #expect(result.path == [bin])
        let run = try ProcessRunner.run([bin + "/plan-sync"], in: script.directory.url)
        #expect(String(decoding: run.stdout, as: UTF8.self) == "plan-sync from the release\n")
    }

    @Test("an asset that does not match checksums.txt is refused and nothing is installed")
    func refusesTamperedRelease() async throws {
        let script = try ActionScript(stepID: "install")
        let (asset, sha256) = try Self.makeAsset(in: script.directory)
        let wrong = String(repeating: "0", count: 64)
        let server = try await Self.serveRelease(asset: asset, checksums: "\(wrong)  \(Self.asset)\n")
        defer { Task { await server.stop() } }
        let result = try await install(from: server, script: script)
        #expect(result.status == 2)
        #expect(result.log.contains("SHA-256 mismatch for \(Self.asset): checksums.txt says \(wrong), the download is \(sha256). Not installing."))
        #expect(result.outputs["bin"] == nil && result.path.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: script.directory.path("runner-temp/flash-sync-\(Self.version)/bin/plan-sync").path))
    }

    @Test("a release without the asset in checksums.txt is refused")
    func refusesUnlistedAsset() async throws {
        let script = try ActionScript(stepID: "install")
        let (asset, _) = try Self.makeAsset(in: script.directory)
        let server = try await Self.serveRelease(asset: asset, checksums: "\(String(repeating: "1", count: 64))  flash-sync-v1.4.0-linux-aarch64.tar.gz\n")
        defer { Task { await server.stop() } }
        let result = try await install(from: server, script: script)
        #expect(result.status == 2)
        #expect(result.log.contains("checksums.txt of \(Self.version) lists no \(Self.asset)."))
    }

    struct LocateCase: CustomTestStringConvertible, Sendable {
        var install: String
        var actionPath: String
        var runnerOS = "Linux"
        var method: String?
        var version: String?
        var testDescription: String { "install: \(install) at \(actionPath) on \(runnerOS)" }
    }

    @Test("the install method follows the install input and the action's reference", arguments: [
        LocateCase(install: "auto", actionPath: "_actions/example-org/flash-sync/v1.4.0", method: "release", version: "v1.4.0"),
        LocateCase(install: "auto", actionPath: "_actions/example-org/flash-sync/0123456789abcdef0123456789abcdef01234567", method: "source", version: ""),
        LocateCase(install: "auto", actionPath: "_actions/example-org/flash-sync/main", method: "source", version: ""),
        LocateCase(install: "auto", actionPath: "workspace", method: "source", version: ""),
        LocateCase(install: "auto", actionPath: "_actions/example-org/flash-sync/v1.4.0", runnerOS: "macOS", method: "source", version: ""),
        LocateCase(install: "source", actionPath: "_actions/example-org/flash-sync/v1.4.0", method: "source", version: ""),
        LocateCase(install: "v1.3.2", actionPath: "_actions/example-org/flash-sync/0123456789abcdef0123456789abcdef01234567", method: "release", version: "v1.3.2"),
        LocateCase(install: "v1.3.2", actionPath: "workspace", method: nil),
        LocateCase(install: "v1.3", actionPath: "_actions/example-org/flash-sync/v1.4.0", method: nil),
        LocateCase(install: "v1.3.2", actionPath: "_actions/example-org/flash-sync/v1.4.0", runnerOS: "macOS", method: nil),
    ])
    func locatesTheBinaries(_ example: LocateCase) async throws {
        let script = try ActionScript(stepID: "locate")
        let actionPath = script.directory.path(example.actionPath)
        _ = try script.directory.write(example.actionPath + "/Package.swift", "// swift-tools-version:6.1\n")
        _ = try script.directory.write(example.actionPath + "/Sources/A/a.swift", "let a = 1\n")
        let result = try await script.run([
            "INPUT_INSTALL": example.install, "RUNNER_OS": example.runnerOS,
            "FLASH_SYNC_ACTION_REF": "", "FLASH_SYNC_ACTION_REPOSITORY": "", "FLASH_SYNC_ACTION_PATH": actionPath.path,
        ])
        guard let method = example.method else {
            #expect(result.status == 2)
            #expect(result.log.contains("::error title=flash-sync bootstrap::"))
            return
        }
        #expect(result.status == 0, "\(result.log)")
        #expect(result.outputs["method"] == method)
        #expect(result.outputs["version"] == example.version)
        #expect(result.outputs["source-hash"]?.count == 64)
    }

    @Test("the source hash changes with the sources and nothing else")
    func sourceHashFollowsSources() async throws {
        let script = try ActionScript(stepID: "locate")
        _ = try script.directory.write("action/Package.swift", "// swift-tools-version:6.1\n")
        _ = try script.directory.write("action/Sources/A/a.swift", "let a = 1\n")
        let environment = ["INPUT_INSTALL": "source", "FLASH_SYNC_ACTION_REF": "", "FLASH_SYNC_ACTION_REPOSITORY": "",
                           "FLASH_SYNC_ACTION_PATH": script.directory.path("action").path]
        let first = try await script.run(environment).outputs["source-hash"]
        _ = try script.directory.write("action/README.md", "docs change\n")
        let afterDocs = try await script.run(environment).outputs["source-hash"]
        _ = try script.directory.write("action/Sources/A/a.swift", "let a = 2\n")
        let afterSource = try await script.run(environment).outputs["source-hash"]
        #expect(first != nil && first == afterDocs)
        #expect(afterSource != first)
    }

    @Test("the steps input selects steps of the chain and refuses others", arguments: [
        // `all` is the sync in one job: detect-drift and rollback-sync run only when named.
        ("all", ["validate-secrets", "governance-audit", "render-glyphs", "test-command", "plan-sync", "validate-sync", "open-sync-pr", "notify"]),
        (" plan-sync ,\nvalidate-sync ", ["plan-sync", "validate-sync"]),
        ("rollback-sync", ["rollback-sync"]),
        ("detect-drift,notify", ["detect-drift", "notify"]),
        ("plan-sync,deploy", nil),
        ("", nil),
    ] as [(String, [String]?)])
    func selectsSteps(_ steps: String, _ expected: [String]?) async throws {
        let script = try ActionScript(stepID: "select")
        let result = try await script.run(["INPUT_STEPS": steps, "INPUT_REPLAY": "true", "INPUT_PLAN": ""])
        guard let expected else {
            #expect(result.status == 2)
            #expect(result.log.contains("::error title=flash-sync::Input steps"))
            return
        }
        #expect(result.status == 0, "\(result.log)")
        #expect(result.outputs.filter { $0.value == "true" }.keys.sorted() == expected.sorted())
        #expect(result.outputs["replay-dir"] == script.directory.path("runner-temp").path + "/flash-sync/replay")
    }
}
