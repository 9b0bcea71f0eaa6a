import Testing
@testable import Glyphs

@Suite("PNG encoder")
struct PNGCodecTests {
    static func image(width: Int, height: Int, colors: Int, alpha: Bool = false) -> RGBAImage {
        var pixels: [UInt8] = []
        for index in 0..<(width * height) {
            let value = index % colors
            pixels += [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF), UInt8((value * 7) & 0xFF), alpha ? UInt8(255 - value % 200) : 255]
        }
        return RGBAImage(width: width, height: height, pixels: pixels)
    }

    static func header(_ png: [UInt8]) -> (bitDepth: UInt8, colorType: UInt8) {
        (png[24], png[25])
    }

    static func chunkTypes(_ png: [UInt8]) -> [String] {
        var types: [String] = []
        var position = 8
        while position + 8 <= png.count {
            let length = Int(png[position]) << 24 | Int(png[position + 1]) << 16 | Int(png[position + 2]) << 8 | Int(png[position + 3])
            types.append(String(decoding: png[(position + 4)..<(position + 8)], as: UTF8.self))
            position += 12 + length
        }
        return types
    }

    @Test("Images round-trip through encode and decode in every format", arguments: [
        (2, false, UInt8(1), UInt8(3)), (4, true, 2, 3), (16, false, 4, 3), (256, true, 8, 3), (257, false, 8, 2), (300, true, 8, 6),
    ])
    func roundTrip(colors: Int, alpha: Bool, bitDepth: UInt8, colorType: UInt8) throws {
        let original = Self.image(width: 23, height: 17, colors: colors, alpha: alpha)
        let png = try PNGEncoder.encode(original)
        #expect(Self.header(png) == (bitDepth, colorType))
        #expect(try PNGDecoder.decode(png, source: "memory") == original)
    }

    @Test("Palette images carry tRNS only when a colour is translucent")
    func transparencyChunk() throws {
        #expect(!Self.chunkTypes(try PNGEncoder.encode(Self.image(width: 8, height: 8, colors: 5))).contains("tRNS"))
        #expect(Self.chunkTypes(try PNGEncoder.encode(Self.image(width: 8, height: 8, colors: 5, alpha: true)))
            == ["IHDR", "PLTE", "tRNS", "IDAT", "IEND"])
    }

    @Test("A corrupted byte fails the CRC check")
    func crc() throws {
        var png = try PNGEncoder.encode(Self.image(width: 4, height: 4, colors: 3))
        png[20] ^= 0xFF
        #expect(throws: PNGError.corruptChunk(source: "x.png", chunk: "IHDR", detail: "CRC mismatch")) {
            try PNGDecoder.decode(png, source: "x.png")
        }
    }

    @Test("The IHDR CRC is the standard CRC-32 of type and data")
    func crcValue() throws {
        let png = try PNGEncoder.encode(RGBAImage(width: 1, height: 1, pixels: [0, 0, 0, 255]))
        // CRC-32 (ISO-HDLC) of "IHDR" + 1×1, depth 1, colour type 3, computed bit by bit here.
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in png[12..<29] {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        let stored = UInt32(png[29]) << 24 | UInt32(png[30]) << 16 | UInt32(png[31]) << 8 | UInt32(png[32])
        #expect(stored == ~crc)
    }

    @Test("Non-PNG data and empty images are refused")
    func refusals() {
        #expect(throws: PNGError.notPNG(source: "a.txt")) { try PNGDecoder.decode(Array("hello world".utf8), source: "a.txt") }
        #expect(throws: PNGError.emptyImage(width: 0, height: 0)) { try PNGEncoder.encode(RGBAImage(width: 0, height: 0)) }
    }

    @Test("Palette encoding keeps icon PNGs smaller than truecolour")
    func paletteIsSmaller() throws {
        let document = try SVGParser.parse(try GoldenFiles.svgSetText("icon-checkmark-badge"), file: "badge")
        let image = DocumentRasterizer.render(document, size: 64)
        let palette = try PNGEncoder.encode(image)
        #expect(Self.header(palette).colorType == 3)
        let truecolor = try PNGEncoder.encode(image, allowPalette: false)
        #expect(Self.header(truecolor).colorType == 6)
        #expect(palette.count * 2 < truecolor.count)
        #expect(try PNGDecoder.decode(palette, source: "p") == PNGDecoder.decode(truecolor, source: "t"))
    }
}
