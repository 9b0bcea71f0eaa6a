/// Which viewport dimension a percentage refers to.
enum LengthAxis {
    case horizontal, vertical, diagonal
}

/// The viewport that percentages resolve against.
struct Viewport {
    var width: Double
    var height: Double

    func reference(for axis: LengthAxis) -> Double {
        switch axis {
        case .horizontal: width
        case .vertical: height
        case .diagonal: ((width * width + height * height) / 2).squareRoot()
        }
    }
}

enum SVGLength {
    /// Parses a length with an optional absolute unit or a percentage, in user units (CSS pixels).
    static func parse(_ raw: String, axis: LengthAxis, viewport: Viewport) -> Double? {
        let text = raw.trimmingSVGWhitespace()
        var scanner = NumberScanner(text)
        guard let value = scanner.number() else { return nil }
        let unit = String(decoding: scanner.bytes[scanner.position...], as: UTF8.self)
        let factor: Double
        switch unit {
        case "", "px": factor = 1
        case "%": factor = viewport.reference(for: axis) / 100
        case "pt": factor = 4.0 / 3.0
        case "pc": factor = 16
        case "in": factor = 96
        case "cm": factor = 96 / 2.54
        case "mm": factor = 96 / 25.4
        default: return nil
        }
        let result = value * factor
        return result.isFinite ? result : nil
    }
}
