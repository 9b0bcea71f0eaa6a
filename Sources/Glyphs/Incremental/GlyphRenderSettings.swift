/// Which PNG variants each glyph gets.
package struct GlyphRenderSettings: Sendable, Equatable {
    /// Bumped whenever the rasterizer's output changes, so every glyph is rendered again.
    package static let rendererVersion = 1
    package static let defaultSizes = [16, 32, 48, 64, 128, 256, 512]

    /// Sizes in CSS pixels; each gives `<name>-<size>.png`.
    package var sizes: [Int]
    /// Pixel-density multipliers; 1 gives `<name>-<size>.png`, 2 adds `<name>-<size>@2x.png`, and so on.
    package var scales: [Int]
    package var compressionLevel: Int32

    package init(sizes: [Int] = defaultSizes, scales: [Int] = [1], compressionLevel: Int32 = 9) throws(GlyphPipelineError) {
        guard !sizes.isEmpty, sizes.allSatisfy({ (1...4096).contains($0) }) else { throw .invalidSetting("sizes", sizes.map(String.init)) }
        guard !scales.isEmpty, scales.allSatisfy({ (1...4).contains($0) }) else { throw .invalidSetting("scales", scales.map(String.init)) }
        self.sizes = Array(Set(sizes)).sorted()
        self.scales = Array(Set(scales)).sorted()
        self.compressionLevel = compressionLevel
    }

    /// The PNG files for one glyph, in size then scale order.
    package func outputs(for name: String) -> [GlyphOutput] {
        sizes.flatMap { size in
            scales.map { scale in
                GlyphOutput(path: scale == 1 ? "\(name)-\(size).png" : "\(name)-\(size)@\(scale)x.png", pixels: size * scale)
            }
        }
    }

    /// Folded into every source hash, so a change of settings re-renders.
    var fingerprint: String {
        "renderer \(Self.rendererVersion); sizes \(sizes.map(String.init).joined(separator: ",")); "
            + "scales \(scales.map(String.init).joined(separator: ",")); zlib level \(compressionLevel)"
    }
}

/// One PNG variant: its path relative to the glyph folder and its width in pixels.
package struct GlyphOutput: Sendable, Equatable, Hashable {
    package var path: String
    package var pixels: Int
}
