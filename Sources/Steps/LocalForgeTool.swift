import Forge
import Foundation
import SyncCore

/// `local-forge`: sets up and drives the local forge the demo uses, standing in for the people who
/// own the downstream repositories (creating them, merging sync PRs, editing files).
///
///     local-forge DIR create OWNER/NAME FOLDER [--branch main] [--no-auto-merge]
///     local-forge DIR merge OWNER/NAME (NUMBER|--all)
///     local-forge DIR commit OWNER/NAME FOLDER MESSAGE     (every file of FOLDER, over the branch head)
///     local-forge DIR topics OWNER/NAME TOPIC,TOPIC,... [--archived] [--fork]
///                                                         (what the owner's listing says of it; "" for no topics)
///     local-forge DIR prs
package enum LocalForgeTool {
    package static func main(_ arguments: [String]) async -> Int32 {
        do {
            try await run(arguments)
            return 0
        } catch {
            FileHandle.standardError.write(Data("local-forge: \(error)\n".utf8))
            return 2
        }
    }

    static func run(_ arguments: [String]) async throws {
        guard arguments.count >= 2 else { throw ForgeError("usage: local-forge DIR (create|merge|commit|topics|prs) ...") }
        let root = URL(fileURLWithPath: arguments[0])
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let forge = LocalForge(root: root, gitEnvironment: GitEnvironment(inheriting: ProcessInfo.processInfo.environment))
        let rest = Array(arguments.dropFirst(2))
        switch arguments[1] {
        case "create":
            guard rest.count >= 2 else { throw ForgeError("usage: local-forge DIR create OWNER/NAME FOLDER [--branch B] [--no-auto-merge]") }
            let branch = rest.firstIndex(of: "--branch").map { rest[$0 + 1] } ?? "main"
            try forge.createRepository(rest[0], defaultBranch: branch, files: try files(in: URL(fileURLWithPath: rest[1])), allowsAutoMerge: !rest.contains("--no-auto-merge"))
            print("created \(rest[0])")
        case "merge":
            guard rest.count == 2 else { throw ForgeError("usage: local-forge DIR merge OWNER/NAME (NUMBER|--all)") }
            let numbers = rest[1] == "--all"
                ? try await forge.openPullRequests(rest[0], headPrefix: "").map(\.number)
                : [Int(rest[1]) ?? -1]
            for number in numbers {
                let commit = try forge.mergePullRequest(rest[0], number: number)
                print("merged \(rest[0])#\(number) as \(commit.prefix(12))")
            }
        case "commit":
            guard rest.count == 3 else { throw ForgeError("usage: local-forge DIR commit OWNER/NAME FOLDER MESSAGE") }
            let info = try await forge.repository(rest[0])
            guard let head = try await forge.head(rest[0], branch: info.defaultBranch) else { throw ForgeError("\(rest[0]) has no \(info.defaultBranch)") }
            let commit = try await forge.commit(rest[0], CommitRequest(branch: info.defaultBranch, parent: head.id, message: rest[2],
                                                                       changes: try files(in: URL(fileURLWithPath: rest[1])).mapValues { $0 }))
            print("committed \(commit.id.prefix(12)) to \(rest[0])")
        case "topics":
            let usage = ForgeError("usage: local-forge DIR topics OWNER/NAME TOPIC,TOPIC,... [--archived] [--fork]")
            guard rest.count >= 2 else { throw usage }
            let flags = rest.dropFirst(2)
            if let unknown = flags.first(where: { !["--archived", "--fork"].contains($0) }) {
                throw ForgeError("unknown option '\(unknown)' (--archived, --fork); \(usage)")
            }
            let topics = rest[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            try forge.setListing(rest[0], topics: topics, archived: flags.contains("--archived"), fork: flags.contains("--fork"))
            var summary = topics.isEmpty ? "no topics" : "topics " + topics.map { $0.lowercased() }.joined(separator: ", ")
            if flags.contains("--archived") { summary += "; archived" }
            if flags.contains("--fork") { summary += "; fork" }
            print("\(rest[0]): \(summary)")
        case "prs":
            let ledger = try Data(contentsOf: forge.root.appendingPathComponent("ledger.json"))
            FileHandle.standardOutput.write(ledger)
        default:
            throw ForgeError("unknown command '\(arguments[1])' (create, merge, commit, topics, prs)")
        }
    }

    static func files(in folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return result }
        let prefix = folder.standardizedFileURL.path + "/"
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            result[String(url.standardizedFileURL.path.dropFirst(prefix.count))] = try Data(contentsOf: url)
        }
        return result
    }
}
