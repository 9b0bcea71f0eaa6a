/// Writes `RGBAImage`s as PNG.
///
/// Images with at most 256 distinct colours become palette images (with a `tRNS` chunk for
/// translucent entries and the smallest bit depth that holds the palette); others become RGB
/// when fully opaque and RGBA otherwise, with a per-row filter chosen by the minimum-sum-of-
/// absolute-differences heuristic. Output depends only on the pixels and the zlib version.
package enum PNGEncoder {
    /// - Parameters:
    ///   - compressionLevel: zlib level 0...9; 9 gives the smallest files, 6 is about four times faster.
    ///   - allowPalette: false forces RGB/RGBA even for images with few colours.
    package static func encode(_ image: RGBAImage, compressionLevel: Int32 = 6, allowPalette: Bool = true) throws(PNGError) -> [UInt8] {
        guard image.width > 0, image.height > 0 else { throw .emptyImage(width: image.width, height: image.height) }
        let raw: [UInt8]
        var writer = PNGChunkWriter()
        if allowPalette, let palette = Palette(image) {
            writer.append("IHDR", header(image, bitDepth: palette.bitDepth, colorType: 3))
            writer.append("PLTE", palette.entries.flatMap { [$0.red, $0.green, $0.blue] })
            if let transparency = palette.transparency { writer.append("tRNS", transparency) }
            raw = palette.indexedRows(image)
        } else {
            let opaque = stride(from: 3, to: image.pixels.count, by: 4).allSatisfy { image.pixels[$0] == 255 }
            writer.append("IHDR", header(image, bitDepth: 8, colorType: opaque ? 2 : 6))
            raw = RowFilter.filterRows(truecolorBytes(image, includeAlpha: !opaque), rowBytes: image.width * (opaque ? 3 : 4),
                                       bytesPerPixel: opaque ? 3 : 4)
        }
        writer.append("IDAT", try ZlibCodec.compress(raw, level: compressionLevel))
        writer.append("IEND", [])
        return writer.bytes
    }

    private static func header(_ image: RGBAImage, bitDepth: UInt8, colorType: UInt8) -> [UInt8] {
        PNGChunkWriter.bigEndian(UInt32(image.width)) + PNGChunkWriter.bigEndian(UInt32(image.height))
            + [bitDepth, colorType, 0, 0, 0]
    }

    private static func truecolorBytes(_ image: RGBAImage, includeAlpha: Bool) -> [UInt8] {
        if includeAlpha { return image.pixels }
        var bytes = [UInt8](repeating: 0, count: image.width * image.height * 3)
        var target = 0
        for index in stride(from: 0, to: image.pixels.count, by: 4) {
            bytes[target] = image.pixels[index]
            bytes[target + 1] = image.pixels[index + 1]
            bytes[target + 2] = image.pixels[index + 2]
            target += 3
        }
        return bytes
    }
}
