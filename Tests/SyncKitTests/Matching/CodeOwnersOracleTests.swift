import Foundation
@testable import SyncCore
import TestSupport
import Testing

/// Generated CODEOWNERS files and paths, matched by `CodeOwners` and by the PyPI `codeowners`
/// package (a port of hmarr/codeowners): for every path, the same rule line must decide its
/// owners (last match wins), or neither matches.
@Suite("CODEOWNERS matching against the codeowners package")
struct CodeOwnersOracleTests {
    static let oracle = PythonOracle(script: "Tests/SyncKitTests/Oracles/codeowners_oracle.py", packages: ["codeowners"])

    /// Names both sides read the same way. Left out on purpose: character classes (GitHub has
    /// none in CODEOWNERS, `[` is an ordinary character for us, while the port compiles them) and
    /// spaces (the port turns every space, escaped or not, into a run of `/` before matching, so
    /// `a\ b` becomes a path of its own there; `CodeOwnersTests` covers escaped spaces).
    static let names = ["docs", "src", "a", "b", "lib", "README.md", "b.md", "c.txt", "x1z", ".github", "a-b", "v1.2"]
    static let wildcards = ["*", "**", "*.md", "*.txt", "x?z", "a*", "*b*", "\\*", "READ*.md", "\\#x"]

    static func pattern(using random: inout SeededGenerator) -> String {
        let count = Int.random(in: 1...3, using: &random)
        var segments: [String] = []
        for _ in 0..<count {
            let piece = random.chance(45) ? wildcards.randomElement(using: &random) : names.randomElement(using: &random)
            segments.append(piece ?? "a")
        }
        var text = segments.joined(separator: "/")
        if random.chance(35) { text = "/" + text }
        if random.chance(25) { text += "/" }
        return text
    }

    static func path(using random: inout SeededGenerator) -> String {
        let depth = Int.random(in: 1...4, using: &random)
        let pool = names + ["x9z", "xz", "READ.md", "*", "#x", "ab", "ba", "c.md"]
        return (0..<depth).map { _ in pool.randomElement(using: &random) ?? "a" }.joined(separator: "/")
    }

    struct File: Encodable { var text: String; var paths: [String] }
    struct Request: Encodable { var files: [File] }

    /// Line numbers as the oracle writes them: an Int, or null when no rule matches.
    enum Line: Decodable, Equatable, CustomStringConvertible {
        case rule(Int)
        case none
        case refused

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .none
            } else if let line = try? container.decode(Int.self) {
                self = .rule(line)
            } else {
                self = .refused
            }
        }

        var description: String {
            switch self {
            case .rule(let line): "line \(line)"
            case .none: "no rule"
            case .refused: "refused"
            }
        }
    }

    @Test("300 generated files × 25 paths: the same rule decides every path", arguments: [UInt64(20_261_203), 99])
    func generatedFiles(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        var files: [File] = []
        for _ in 0..<300 {
            var lines: [String] = []
            for index in 0..<Int.random(in: 1...6, using: &random) {
                var pattern = Self.pattern(using: &random)
                while (try? CodeOwnersPattern(pattern)) == nil { pattern = Self.pattern(using: &random) }
                lines.append(random.chance(10) ? "# comment \(index)" : "\(pattern) @owner\(index)")
            }
            let paths = (0..<25).map { _ in Self.path(using: &random) }
            files.append(File(text: lines.joined(separator: "\n") + "\n", paths: paths))
        }
        let answers = try Self.oracle.run(Request(files: files), as: [[Line]].self)
        try #require(answers.count == files.count, "the oracle answered \(answers.count) files of \(files.count)")
        var mismatches: [String] = []
        var decided = 0
        for (file, lines) in zip(files, answers) {
            let owners = CodeOwners(parsing: file.text)
            try #require(owners.problems.isEmpty, "\(owners.problems)")
            for (path, expected) in zip(file.paths, lines) {
                let ours: Line = owners.rule(for: path).map { .rule($0.line) } ?? .none
                if case .rule = ours { decided += 1 }
                if ours != expected {
                    mismatches.append("\(file.text.debugDescription) \(path.debugDescription): ours \(ours), codeowners \(expected)")
                }
            }
        }
        // The generator must exercise matching, not only misses.
        #expect(decided > 1_000, "only \(decided) of 7500 paths matched a rule")
        #expect(mismatches.isEmpty, "seed \(seed), \(mismatches.count) of 7500 differ:\n\(mismatches.prefix(15).joined(separator: "\n"))")
    }
}
