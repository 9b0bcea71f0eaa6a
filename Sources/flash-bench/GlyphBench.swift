import Foundation
import Glyphs

/// `flash-bench glyphs ...`: renders SVGs with the project's rasterizer and with resvg, compares
/// the pixels and the time per image, and prints a Markdown report.
///
///     flash-bench glyphs compare --svg-dir DIR --resvg PATH [--size 128] [--iterations 5] [--work DIR] [--report FILE]
///     flash-bench glyphs render --svg FILE --size N --out FILE.png
///     flash-bench glyphs render-all --svg-dir DIR --size N --out-dir DIR
///     flash-bench glyphs generate --name NAME [--seed SEED] --out FILE.svg
enum GlyphBench {
    static func run(_ args: [String]) throws {
        var options = try GlyphBenchOptions(args)
        switch options.command {
        case "render":
            let svg = try options.required("--svg")
            let document = try SVGParser.parse(String(contentsOfFile: svg, encoding: .utf8), file: svg)
            let image = DocumentRasterizer.render(document, size: options.size)
            try Data(PNGEncoder.encode(image)).write(to: URL(fileURLWithPath: try options.required("--out")))
        case "render-all":
            let folder = try options.required("--svg-dir"), output = try options.required("--out-dir")
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            for file in try FileManager.default.contentsOfDirectory(atPath: folder).filter({ $0.hasSuffix(".svg") }).sorted() {
                let path = folder + "/" + file
                let document = try SVGParser.parse(String(contentsOfFile: path, encoding: .utf8), file: path)
                let png = try PNGEncoder.encode(DocumentRasterizer.render(document, size: options.size))
                try Data(png).write(to: URL(fileURLWithPath: output + "/" + file + ".png"))
            }
        case "generate":
            let identity = try GlyphIdentity(name: try options.required("--name"), seed: options.values["--seed"])
            try Data(GlyphGenerator.svg(for: identity).utf8).write(to: URL(fileURLWithPath: try options.required("--out")))
        case "compare":
            let report = try GlyphFidelityComparison(options: &options).run()
            if let path = options.values["--report"] {
                try Data(report.utf8).write(to: URL(fileURLWithPath: path))
            }
            print(report, terminator: "")
        default:
            throw GlyphBenchError.usage("unknown subcommand '\(options.command)'; use compare, render, render-all or generate")
        }
    }
}

enum GlyphBenchError: Error, CustomStringConvertible {
    case usage(String)
    case resvgFailed(file: String, status: Int32)

    var description: String {
        switch self {
        case .usage(let detail):
            "\(detail)\nusage: flash-bench glyphs compare --svg-dir DIR --resvg PATH [--size 128] [--iterations 5] "
                + "[--work DIR] [--report FILE]\n       flash-bench glyphs render --svg FILE --size N --out FILE.png\n"
                + "       flash-bench glyphs render-all --svg-dir DIR --size N --out-dir DIR\n"
                + "       flash-bench glyphs generate --name NAME [--seed SEED] --out FILE.svg"
        case .resvgFailed(let file, let status):
            "resvg exited with status \(status) on \(file); run it by hand to see why"
        }
    }
}

struct GlyphBenchOptions {
    let command: String
    var values: [String: String] = [:]

    init(_ args: [String]) throws {
        guard let first = args.first else { throw GlyphBenchError.usage("missing subcommand") }
        command = first
        var index = 1
        while index < args.count {
            guard args[index].hasPrefix("--"), index + 1 < args.count else {
                throw GlyphBenchError.usage("expected '--name value' at '\(args[index])'")
            }
            values[args[index]] = args[index + 1]
            index += 2
        }
    }

    func required(_ name: String) throws -> String {
        guard let value = values[name] else { throw GlyphBenchError.usage("missing \(name)") }
        return value
    }

    var size: Int { values["--size"].flatMap(Int.init) ?? 128 }
    var iterations: Int { max(1, values["--iterations"].flatMap(Int.init) ?? 5) }
}
