/// Reads PNG files back into `RGBAImage`s: checks the signature and every CRC, inflates the
/// image data through zlib and undoes the row filters. Covers what the encoder and common
/// renderers write: non-interlaced 8-bit grey, grey+alpha, RGB, RGBA, and palette images.
package enum PNGDecoder {
    package static func decode(_ bytes: [UInt8], source: String) throws(PNGError) -> RGBAImage {
        guard bytes.count >= 8, Array(bytes[0..<8]) == PNGChunkWriter.signature else { throw .notPNG(source: source) }
        var position = 8
        var width = 0, height = 0, bitDepth = 0, colorType = 0
        var palette: [UInt8] = [], transparency: [UInt8] = []
        var compressed: [UInt8] = []
        var sawEnd = false
        while position + 12 <= bytes.count, !sawEnd {
            let length = Int(readUInt32(bytes, position))
            let typeBytes = Array(bytes[(position + 4)..<(position + 8)])
            let type = String(decoding: typeBytes, as: UTF8.self)
            guard position + 12 + length <= bytes.count else {
                throw .corruptChunk(source: source, chunk: type, detail: "it runs past the end of the file")
            }
            let data = Array(bytes[(position + 8)..<(position + 8 + length)])
            guard readUInt32(bytes, position + 8 + length) == PNGChunkWriter.crc(typeBytes + data) else {
                throw .corruptChunk(source: source, chunk: type, detail: "CRC mismatch")
            }
            switch type {
            case "IHDR":
                guard data.count == 13 else { throw .corruptChunk(source: source, chunk: type, detail: "length \(data.count), expected 13") }
                width = Int(readUInt32(data, 0))
                height = Int(readUInt32(data, 4))
                bitDepth = Int(data[8])
                colorType = Int(data[9])
                guard data[12] == 0 else { throw .unsupportedFormat(source: source, detail: "the image is interlaced") }
            case "PLTE": palette = data
            case "tRNS": transparency = data
            case "IDAT": compressed += data
            case "IEND": sawEnd = true
            default: break
            }
            position += 12 + length
        }
        guard width > 0, height > 0, sawEnd else { throw .corruptChunk(source: source, chunk: "IHDR/IEND", detail: "missing") }

        let channels: Int
        switch (colorType, bitDepth) {
        case (0, 8): channels = 1
        case (2, 8): channels = 3
        case (3, 1), (3, 2), (3, 4), (3, 8): channels = 1
        case (4, 8): channels = 2
        case (6, 8): channels = 4
        default:
            throw .unsupportedFormat(source: source, detail: "colour type \(colorType) at bit depth \(bitDepth)")
        }
        let rowBytes = (width * channels * bitDepth + 7) / 8
        guard var raw = ZlibCodec.decompress(compressed, expectedSize: height * (rowBytes + 1)) else {
            throw .corruptChunk(source: source, chunk: "IDAT", detail: "the zlib stream does not inflate to the image size")
        }
        guard RowFilter.unfilter(&raw, rowBytes: rowBytes, rows: height, bytesPerPixel: max(1, channels * bitDepth / 8)) else {
            throw .corruptChunk(source: source, chunk: "IDAT", detail: "unknown row filter type")
        }

        var pixels = [UInt8](repeating: 0, count: width * height * 4)
        for row in 0..<height {
            let base = row * (rowBytes + 1) + 1
            for column in 0..<width {
                let out = (row * width + column) * 4
                switch colorType {
                case 0, 4:
                    let grey = raw[base + column * channels]
                    pixels[out] = grey; pixels[out + 1] = grey; pixels[out + 2] = grey
                    pixels[out + 3] = colorType == 4 ? raw[base + column * 2 + 1] : 255
                case 3:
                    let perByte = 8 / bitDepth
                    let byte = raw[base + column / perByte]
                    let shift = 8 - bitDepth * (column % perByte + 1)
                    let index = Int(byte >> UInt8(shift)) & ((1 << bitDepth) - 1)
                    guard index * 3 + 2 < palette.count else {
                        throw .corruptChunk(source: source, chunk: "PLTE", detail: "index \(index) is outside the palette")
                    }
                    pixels[out] = palette[index * 3]; pixels[out + 1] = palette[index * 3 + 1]; pixels[out + 2] = palette[index * 3 + 2]
                    pixels[out + 3] = index < transparency.count ? transparency[index] : 255
                default:
                    let source = base + column * channels
                    pixels[out] = raw[source]; pixels[out + 1] = raw[source + 1]; pixels[out + 2] = raw[source + 2]
                    pixels[out + 3] = channels == 4 ? raw[source + 3] : 255
                }
            }
        }
        return RGBAImage(width: width, height: height, pixels: pixels)
    }

    private static func readUInt32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
    }
}
