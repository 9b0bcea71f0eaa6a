/// The distinct colours of an image when there are at most 256, translucent ones first so the
/// `tRNS` chunk stays short; otherwise the colours are kept in order of first appearance.
struct Palette {
    let entries: [RGBAColor]
    let indices: ColorTable
    let bitDepth: UInt8

    init?(_ image: RGBAImage) {
        var table = ColorTable()
        var order: [UInt32] = []
        var previous: UInt32?
        let pixels = image.pixels
        for index in stride(from: 0, to: pixels.count, by: 4) {
            let key = Self.key(pixels, index)
            if key == previous { continue }
            previous = key
            if table.insert(key) {
                order.append(key)
                if order.count > 256 { return nil }
            }
        }
        let sorted = order.filter { $0 & 0xFF != 0xFF } + order.filter { $0 & 0xFF == 0xFF }
        entries = sorted.map { RGBAColor(red: UInt8($0 >> 24), green: UInt8(($0 >> 16) & 0xFF), blue: UInt8(($0 >> 8) & 0xFF), alpha: UInt8($0 & 0xFF)) }
        var indices = ColorTable()
        for (position, key) in sorted.enumerated() { _ = indices.insert(key, value: UInt8(position)) }
        self.indices = indices
        switch sorted.count {
        case ...2: bitDepth = 1
        case ...4: bitDepth = 2
        case ...16: bitDepth = 4
        default: bitDepth = 8
        }
    }

    private static func key(_ pixels: [UInt8], _ index: Int) -> UInt32 {
        UInt32(pixels[index]) << 24 | UInt32(pixels[index + 1]) << 16 | UInt32(pixels[index + 2]) << 8 | UInt32(pixels[index + 3])
    }

    /// The alpha of each entry up to the last translucent one, or nil when all are opaque.
    var transparency: [UInt8]? {
        let translucent = entries.prefix { $0.alpha != 255 }
        return translucent.isEmpty ? nil : translucent.map(\.alpha)
    }

    /// Rows of packed indices, each behind filter type 0 (none), as PNG advises for palette images.
    func indexedRows(_ image: RGBAImage) -> [UInt8] {
        let depth = Int(bitDepth)
        let perByte = 8 / depth
        let rowBytes = (image.width + perByte - 1) / perByte
        var output = [UInt8](repeating: 0, count: image.height * (rowBytes + 1))
        var previousKey: UInt32?
        var previousIndex = 0
        for row in 0..<image.height {
            let base = row * (rowBytes + 1)
            for column in 0..<image.width {
                let key = Self.key(image.pixels, (row * image.width + column) * 4)
                if key != previousKey {
                    previousKey = key
                    previousIndex = Int(indices.value(for: key))
                }
                let shift = 8 - depth * (column % perByte + 1)
                output[base + 1 + column / perByte] |= UInt8(previousIndex << shift)
            }
        }
        return output
    }
}

/// A small open-addressing hash set of up to 257 colours with a byte value each: much faster
/// than `Set`/`Dictionary` with Swift's seeded hashing for the per-pixel lookups here.
struct ColorTable {
    private static let capacity = 1024
    private var keys = [UInt32](repeating: 0, count: capacity)
    private var values = [UInt8](repeating: 0, count: capacity)
    private var used = [Bool](repeating: false, count: capacity)

    private func slot(for key: UInt32) -> Int {
        var slot = Int((key &* 0x9E37_79B1) >> 22)
        while used[slot], keys[slot] != key { slot = (slot + 1) & (Self.capacity - 1) }
        return slot
    }

    /// Adds the key; returns whether it was new.
    mutating func insert(_ key: UInt32, value: UInt8 = 0) -> Bool {
        let slot = slot(for: key)
        if used[slot] { return false }
        used[slot] = true
        keys[slot] = key
        values[slot] = value
        return true
    }

    func value(for key: UInt32) -> UInt8 {
        values[slot(for: key)]
    }
}
