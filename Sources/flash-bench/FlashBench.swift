import Foundation

/// `flash-bench AREA ARGS...`: the in-process side of scripts/bench.
@main
enum FlashBench {
    static let areas: [String: @Sendable ([String]) throws -> Void] = [
        "secrets": SecretScanBench.run,
        "glyphs": GlyphBench.run,
        "links": LinkCheckBench.run,
        "merge": { try MergeBench.run(["merge"] + $0) },
        "merge-files": { try MergeBench.run(["merge-files"] + $0) },
    ]

    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "github" {
            do {
                try await GitHubBench.run(Array(arguments.dropFirst()))
            } catch {
                FileHandle.standardError.write(Data("flash-bench github: \(error)\n".utf8))
                exit(2)
            }
            return
        }
        guard let area = arguments.first, let run = areas[area] else {
            FileHandle.standardError.write(Data("usage: flash-bench \((areas.keys + ["github"]).sorted().joined(separator: "|")) ARGS...\n".utf8))
            exit(2)
        }
        do {
            try run(Array(arguments.dropFirst()))
        } catch {
            FileHandle.standardError.write(Data("flash-bench \(area): \(error)\n".utf8))
            exit(2)
        }
    }
}
