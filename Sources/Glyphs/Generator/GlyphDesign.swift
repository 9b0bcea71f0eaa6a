/// The design of one glyph, derived from its identity by a fixed algorithm (version 1).
///
/// 1. Hash `"flash-sync/glyph/v1\0" + seed` (UTF-8) with FNV-1a 64 and seed SplitMix64 with it.
/// 2. Draw, in this order: hue = next % 360; saturation = 55 + next % 25; lightness = 36 + next % 14;
///    accent hue = hue + 150 + next % 60; frame = next % 2 (0: rounded square, 1: circle).
/// 3. Draw the pattern: one value per try; its low 15 bits fill the left three columns of a 5×5
///    grid (bit `row·3 + column`), mirrored onto the right two; a filled cell is accent when
///    both bit `b + 15` and bit `b + 30` are set (one in four). A try is kept when 6 to 11 of the 15 cells are filled and the middle column has
///    one; after 64 failed tries the fixed pattern 0b010_101_111_101_010 is used.
/// 4. Colours: foreground HSL(hue, s, l), accent HSL(accent hue, s, l), background
///    HSL(hue, 40, 94).
///
/// Every step is integer arithmetic, so the same seed gives the same design on every machine.
package struct GlyphDesign: Sendable, Equatable {
    package enum Frame: Sendable, Equatable {
        case roundedSquare, circle
    }

    package enum Cell: Sendable, Equatable {
        case empty, foreground, accent
    }

    package static let algorithmVersion = 1

    package var seedHash: UInt64
    package var foreground: HSLColor
    package var accent: HSLColor
    package var background: HSLColor
    package var frame: Frame
    /// 5 rows of 5 cells, left-right symmetric.
    package var cells: [[Cell]]

    package init(identity: GlyphIdentity) {
        var hasher = FNV1a64()
        hasher.combine("flash-sync/glyph/v1\u{0}")
        hasher.combine(identity.seed)
        seedHash = hasher.value
        var random = SplitMix64(seed: seedHash)

        let hue = random.next(below: 360)
        let saturation = 55 + random.next(below: 25)
        let lightness = 36 + random.next(below: 14)
        let accentHue = hue + 150 + random.next(below: 60)
        frame = random.next(below: 2) == 0 ? .roundedSquare : .circle
        foreground = HSLColor(hue: hue, saturation: saturation, lightness: lightness)
        accent = HSLColor(hue: accentHue, saturation: saturation, lightness: lightness)
        background = HSLColor(hue: hue, saturation: 40, lightness: 94)

        var pattern: UInt64 = 0b010_101_111_101_010
        for _ in 0..<64 {
            let candidate = random.next()
            let filled = (candidate & 0x7FFF).nonzeroBitCount
            let middleColumn = (0..<5).contains { row in candidate >> UInt64(row * 3 + 2) & 1 == 1 }
            if (6...11).contains(filled), middleColumn {
                pattern = candidate
                break
            }
        }
        cells = (0..<5).map { row in
            (0..<5).map { column in
                let source = UInt64(row * 3 + (column < 3 ? column : 4 - column))
                guard pattern >> source & 1 == 1 else { return .empty }
                let accentBits = pattern >> (source + 15) & 1 + pattern >> (source + 30) & 1
                return accentBits == 2 ? .accent : .foreground
            }
        }
    }
}
