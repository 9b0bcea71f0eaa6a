import Foundation
import SyncCore
import TestSupport
import Testing

/// The rules every workflow and the action follow: third-party actions pinned by full commit
/// SHA with the version as a comment, and no `${{ }}` expression inside a `run:` script.
@Suite("Workflow hygiene")
struct WorkflowHygieneTests {
    static let files: [String] = {
        let folder = RepositoryFiles.url(".github/workflows")
        let workflows = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return ["action.yml"] + workflows.filter { $0.hasSuffix(".yml") }.sorted().map { ".github/workflows/" + $0 }
    }()

    @Test("the workflows the release needs are there")
    func workflowsExist() {
        for name in ["ci.yml", "release.yml", "flash-sync.yml"] {
            #expect(Self.files.contains(".github/workflows/" + name))
        }
    }

    @Test("every third-party action is pinned by commit with its version beside it", arguments: files)
    func actionsArePinned(_ file: String) throws {
        let text = try String(contentsOf: RepositoryFiles.url(file), encoding: .utf8)
        var pinned = 0
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let match = line.firstMatch(of: #/^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/#) else { continue }
            let target = match.output.1
            if target.hasPrefix("./") || target.hasPrefix("docker://") { continue }
            #expect(target.wholeMatch(of: #/[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}/#) != nil,
                    "\(file):\(index + 1): \(target) is not pinned by a full commit SHA.")
            #expect(match.output.2.wholeMatch(of: #/\s+# v\d+(\.\d+)*/#) != nil,
                    "\(file):\(index + 1): the pinned \(target) needs its version as a comment (# vX.Y.Z).")
            pinned += 1
        }
        #expect(pinned > 0, "\(file) uses no third-party action; is the file right?")
    }

    @Test("no run script interpolates an expression", arguments: files)
    func runScriptsReadEnvironmentOnly(_ file: String) throws {
        let url = RepositoryFiles.url(file)
        let root = try #require(try ConfigNode.parse(try ConfigFile.read(url, shownAs: file), file: file))
        for script in try Self.runScripts(in: root) {
            #expect(!script.text.contains("${{"), "\(file):\(script.line): a run script contains ${{ }}; pass the value through env.")
        }
    }

    /// Every `run:` value under `runs.steps` (an action) or `jobs.*.steps` (a workflow).
    static func runScripts(in root: ConfigNode) throws -> [(text: String, line: Int)] {
        let top = try root.mapping()
        var stepLists: [ConfigNode] = []
        if let steps = try top["runs"]?.mapping()["steps"] { stepLists.append(steps) }
        for job in try top["jobs"]?.mapping().entries ?? [] {
            if let steps = try job.value.mapping()["steps"] { stepLists.append(steps) }
        }
        return try stepLists.flatMap { try $0.sequence() }.compactMap { step in
            guard let run = try step.mapping()["run"] else { return nil }
            return (try run.string(), run.line ?? 0)
        }
    }
}
