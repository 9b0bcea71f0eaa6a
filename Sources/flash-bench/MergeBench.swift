#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SyncKit

/// `flash-bench merge [--lines N] [--edits N] [--runs N] [--seed N] [--out DIR]`
///   writes a large base and two edited sides (deterministic for a seed), times the in-process
///   merge, checks the result against `git merge-file`, and prints hyperfine command lines.
/// `flash-bench merge-files OURS BASE THEIRS`
///   prints the merge of three files, like `git merge-file -p --diff3 -L ours -L base -L theirs`.
///
/// Uses the C library rather than Foundation for files and output, to keep start-up short.
enum MergeBench {
    static func run(_ args: [String]) throws {
        switch args.first {
        case "merge-files":
            try mergeFiles(Array(args.dropFirst()))
        default:
            try benchmark(MergeBenchSettings(parsing: Array(args.dropFirst())))
        }
    }

    private static func mergeFiles(_ paths: [String]) throws {
        guard paths.count == 3 else { throw MergeBenchError.usage("merge-files needs OURS BASE THEIRS") }
        let ours = try MergeBenchFileIO.read(paths[0])
        let base = try MergeBenchFileIO.read(paths[1])
        let theirs = try MergeBenchFileIO.read(paths[2])
        let result = ThreeWayMerge.merge(base: base, ours: ours, theirs: theirs)
        try MergeBenchFileIO.writeToStandardOutput(result.bytes)
    }

    private static func benchmark(_ settings: MergeBenchSettings) throws {
        let files = MergeBenchFiles(lines: settings.lines, edits: settings.edits, seed: settings.seed)
        _ = mkdir(settings.outputDirectory, 0o755)
        let paths = ["ours", "base", "theirs"].map { "\(settings.outputDirectory)/\($0)" }
        try MergeBenchFileIO.write(files.ours, to: paths[0])
        try MergeBenchFileIO.write(files.base, to: paths[1])
        try MergeBenchFileIO.write(files.theirs, to: paths[2])

        var result = ThreeWayMerge.merge(base: files.base, ours: files.ours, theirs: files.theirs)
        let clock = ContinuousClock()
        var samples: [Duration] = []
        for _ in 0..<settings.runs {
            let elapsed = clock.measure {
                result = ThreeWayMerge.merge(base: files.base, ours: files.ours, theirs: files.theirs)
            }
            samples.append(elapsed)
        }
        samples.sort()
        let gitCommand = "git merge-file -p --diff3 -L ours -L base -L theirs \(paths.joined(separator: " "))"
        let gitOutput = "\(settings.outputDirectory)/git-merged"
        let gitStatus = system("\(gitCommand) > \(gitOutput)")
        let gitMerged = try? MergeBenchFileIO.read(gitOutput)

        print("merge bench: \(settings.lines) lines, \(settings.edits) edits per side, seed \(settings.seed)")
        print("  inputs: \(files.base.count) / \(files.ours.count) / \(files.theirs.count) bytes (base / ours / theirs)")
        print("  result: \(result.bytes.count) bytes, \(result.conflicts.count) conflicts")
        print("  same as git merge-file: \(gitMerged == result.bytes ? "yes" : "NO") (git exit status \(gitStatus >> 8))")
        print("  in process, \(settings.runs) runs: median \(milliseconds(samples[samples.count / 2])), "
            + "min \(milliseconds(samples[0])), max \(milliseconds(samples[samples.count - 1]))")
        print("  compare whole commands (git exits with the conflict count, hence -i):")
        print("    hyperfine -N -w 5 -i '\(gitCommand)' '\(settings.executable) merge-files \(paths.joined(separator: " "))'")
    }

    private static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let value = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction) ms"
    }
}

/// The options of `flash-bench merge`.
struct MergeBenchSettings {
    var lines = 20000
    var edits = 200
    var runs = 20
    var seed: UInt64 = 1
    var outputDirectory = "/tmp/flash-bench-merge"
    var executable = CommandLine.arguments.first ?? "flash-bench"

    init(parsing arguments: [String]) throws {
        var rest = arguments[...]
        while let option = rest.popFirst() {
            guard let value = rest.popFirst() else { throw MergeBenchError.usage("\(option) needs a value") }
            switch option {
            case "--lines": lines = try Self.number(value, for: option)
            case "--edits": edits = try Self.number(value, for: option)
            case "--runs": runs = max(1, try Self.number(value, for: option))
            case "--seed": seed = UInt64(try Self.number(value, for: option))
            case "--out": outputDirectory = value
            default: throw MergeBenchError.usage("unknown option \(option)")
            }
        }
    }

    private static func number(_ text: String, for option: String) throws -> Int {
        guard let value = Int(text), value >= 0 else {
            throw MergeBenchError.usage("\(option) takes a whole number, got '\(text)'")
        }
        return value
    }
}

enum MergeBenchError: Error, CustomStringConvertible {
    case usage(String)
    case unreadable(path: String, reason: String)
    case unwritable(path: String, reason: String)

    var description: String {
        switch self {
        case .usage(let problem):
            "\(problem); usage: flash-bench merge [--lines N] [--edits N] [--runs N] [--seed N] [--out DIR] "
                + "| flash-bench merge-files OURS BASE THEIRS"
        case .unreadable(let path, let reason): "cannot read \(path): \(reason); check the path and permissions"
        case .unwritable(let path, let reason): "cannot write \(path): \(reason); pick another --out directory"
        }
    }
}
