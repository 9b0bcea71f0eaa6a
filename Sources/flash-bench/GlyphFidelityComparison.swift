import Foundation
import Glyphs

/// One file's figures: how close the two renderings are and how long each took.
struct GlyphFidelityRow {
    var file: String
    var shareWithinTolerance: Double
    var meanAbsoluteDifference: Double
    var oursMilliseconds: Double
    var oursWithEncodeMilliseconds: Double
    var resvgMilliseconds: Double
}

/// Renders every SVG in a folder with both renderers at one size and reports per file.
///
/// Pixels are compared premultiplied (what shows over black, so fully transparent pixels compare
/// equal whatever colour they carry); "within" means all four channels differ by at most 8, and
/// the mean absolute difference is taken over all channels of all pixels.
struct GlyphFidelityComparison {
    let folder: URL
    let resvg: String
    let size: Int
    let iterations: Int
    let work: URL

    init(options: inout GlyphBenchOptions) throws {
        folder = URL(fileURLWithPath: try options.required("--svg-dir"))
        resvg = try options.required("--resvg")
        size = options.size
        iterations = options.iterations
        work = URL(fileURLWithPath: options.values["--work"] ?? NSTemporaryDirectory() + "glyph-bench")
    }

    func run() throws -> String {
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".svg") }.sorted()
        let startup = try resvgStartup()
        var rows: [GlyphFidelityRow] = []
        for name in files {
            rows.append(try compare(name))
        }
        return GlyphFidelityReport(rows: rows, size: size, iterations: iterations, resvgStartupMilliseconds: startup).markdown
    }

    private func compare(_ name: String) throws -> GlyphFidelityRow {
        let path = folder.appendingPathComponent(name).path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var image = RGBAImage(width: 1, height: 1)
        let render = try median((0..<iterations).map { _ in
            try measure { image = DocumentRasterizer.render(try SVGParser.parse(text, file: path), size: size) }
        })
        var png: [UInt8] = []
        let encode = try median((0..<iterations).map { _ in try measure { png = try PNGEncoder.encode(image) } })
        let oursPath = work.appendingPathComponent(name + ".ours.png")
        try Data(png).write(to: oursPath)

        let resvgPath = work.appendingPathComponent(name + ".resvg.png").path
        let reference = try median((0..<iterations).map { _ in try measure { try runResvg(path, output: resvgPath) } })
        let theirs = try PNGDecoder.decode(Array(try Data(contentsOf: URL(fileURLWithPath: resvgPath))), source: resvgPath)
        let (share, mad) = Self.difference(image, theirs)
        return GlyphFidelityRow(file: name, shareWithinTolerance: share, meanAbsoluteDifference: mad,
                           oursMilliseconds: render, oursWithEncodeMilliseconds: render + encode, resvgMilliseconds: reference)
    }

    /// resvg's process start-up and PNG write, measured on a 1×1 empty image.
    private func resvgStartup() throws -> Double {
        let empty = work.appendingPathComponent("empty.svg")
        try Data("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>".utf8).write(to: empty)
        let output = work.appendingPathComponent("empty.png").path
        return try median((0..<max(iterations, 5)).map { _ in try measure { try runResvg(empty.path, output: output, width: 1) } })
    }

    /// Runs resvg with posix_spawn (Foundation's Process costs tens of milliseconds per launch here).
    private func runResvg(_ input: String, output: String, width: Int? = nil) throws {
        let arguments = [resvg, "-w", String(width ?? size), input, output]
        var pointers = arguments.map { strdup($0) }
        pointers.append(nil)
        defer { for pointer in pointers { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, resvg, nil, nil, pointers, environ)
        guard spawned == 0 else { throw GlyphBenchError.resvgFailed(file: input, status: spawned) }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        guard status == 0 else { throw GlyphBenchError.resvgFailed(file: input, status: status) }
    }

    private func measure(_ body: () throws -> Void) throws -> Double {
        let start = ContinuousClock.now
        try body()
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    }

    private func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }

    static func difference(_ ours: RGBAImage, _ theirs: RGBAImage) -> (share: Double, mad: Double) {
        guard ours.width == theirs.width, ours.height == theirs.height else { return (0, 255) }
        var within = 0
        var total = 0
        for index in stride(from: 0, to: ours.pixels.count, by: 4) {
            let alphaA = Int(ours.pixels[index + 3]), alphaB = Int(theirs.pixels[index + 3])
            var worst = abs(alphaA - alphaB)
            total += worst
            for channel in 0..<3 {
                let a = (Int(ours.pixels[index + channel]) * alphaA + 127) / 255
                let b = (Int(theirs.pixels[index + channel]) * alphaB + 127) / 255
                let delta = abs(a - b)
                total += delta
                worst = max(worst, delta)
            }
            if worst <= 8 { within += 1 }
        }
        let pixels = ours.width * ours.height
        return (Double(within) / Double(pixels), Double(total) / Double(pixels * 4))
    }

}
