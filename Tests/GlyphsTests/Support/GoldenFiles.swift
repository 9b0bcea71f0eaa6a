import Foundation
import Testing
@testable import Glyphs

/// Golden files under `Tests/GlyphsTests/Golden/`, found from `#filePath` (not bundle resources).
/// With `RECORD_SNAPSHOTS=1` in the environment, a mismatching or missing golden is rewritten.
enum GoldenFiles {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let goldenFolder = testsFolder.appendingPathComponent("Golden")
    static let svgSetFolder = testsFolder.appendingPathComponent("SVGSet")

    static var isRecording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" }

    static var svgSetNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: svgSetFolder.path)) ?? [])
            .filter { $0.hasSuffix(".svg") }.map { String($0.dropLast(4)) }.sorted()
    }

    static func svgSetText(_ name: String) throws -> String {
        try String(contentsOf: svgSetFolder.appendingPathComponent(name + ".svg"), encoding: .utf8)
    }

    /// Compares text with `Golden/<relativePath>`, recording it when asked.
    static func expectText(_ text: String, matches relativePath: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let url = goldenFolder.appendingPathComponent(relativePath)
        let existing = try? String(contentsOf: url, encoding: .utf8)
        if isRecording, existing != text {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            return
        }
        let golden = try #require(existing, "missing golden \(relativePath); run with RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
        #expect(text == golden, "differs from golden \(relativePath)", sourceLocation: sourceLocation)
    }

    /// Compares an image with the pixels of the golden PNG `Golden/<relativePath>`, recording it when asked.
    /// Pixels are compared rather than bytes, so a different zlib build does not break the test.
    static func expectImage(_ image: RGBAImage, matches relativePath: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let url = goldenFolder.appendingPathComponent(relativePath)
        let existing = try? Data(contentsOf: url)
        let golden = try existing.map { try PNGDecoder.decode(Array($0), source: url.path) }
        if isRecording, golden != image {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(PNGEncoder.encode(image, compressionLevel: 9)).write(to: url)
            return
        }
        let expected = try #require(golden, "missing golden \(relativePath); run with RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
        #expect(expected.width == image.width && expected.height == image.height, "size differs from \(relativePath)",
                sourceLocation: sourceLocation)
        let differing = zip(expected.pixels, image.pixels).filter { $0 != $1 }.count
        #expect(differing == 0, "\(differing) channel values differ from golden \(relativePath)", sourceLocation: sourceLocation)
    }
}

/// A fresh folder under the system temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("glyphs-tests-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }

    func files() throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: url.path))
    }
}
