/// A colour in hue (degrees, 0..<360), saturation and lightness (percent, 0...100), converted to
/// RGB with integer arithmetic only, so the result is the same everywhere.
package struct HSLColor: Sendable, Equatable {
    package var hue: Int
    package var saturation: Int
    package var lightness: Int

    package init(hue: Int, saturation: Int, lightness: Int) {
        self.hue = ((hue % 360) + 360) % 360
        self.saturation = min(max(saturation, 0), 100)
        self.lightness = min(max(lightness, 0), 100)
    }

    /// The usual HSL formula in units of 1/10000: chroma C = (100 − |2L − 100|)·S,
    /// X = C·(60 − |H mod 120 − 60|)/60, m = 100·L − C/2, each channel rounded to 0...255.
    package var rgb: RGBAColor {
        let chroma = (100 - abs(2 * lightness - 100)) * saturation
        let second = chroma * (60 - abs(hue % 120 - 60)) / 60
        let base = lightness * 100 - chroma / 2
        let (r, g, b): (Int, Int, Int)
        switch hue / 60 {
        case 0: (r, g, b) = (chroma, second, 0)
        case 1: (r, g, b) = (second, chroma, 0)
        case 2: (r, g, b) = (0, chroma, second)
        case 3: (r, g, b) = (0, second, chroma)
        case 4: (r, g, b) = (second, 0, chroma)
        default: (r, g, b) = (chroma, 0, second)
        }
        func byte(_ value: Int) -> UInt8 { UInt8(min(max(((value + base) * 255 + 5000) / 10000, 0), 255)) }
        return RGBAColor(red: byte(r), green: byte(g), blue: byte(b))
    }
}
