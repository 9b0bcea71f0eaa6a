/// A straight (not premultiplied) 8-bit colour with alpha.
package struct RGBAColor: Sendable, Equatable, Hashable {
    package var red: UInt8
    package var green: UInt8
    package var blue: UInt8
    package var alpha: UInt8

    package init(red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8 = 255) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    package static let black = RGBAColor(red: 0, green: 0, blue: 0)

    /// `#rrggbb`, lower case, for writing SVG.
    package var hexString: String {
        "#" + [red, green, blue].map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
        }.joined()
    }
}

/// A parsed SVG `<color>` or paint keyword.
enum ColorValue: Equatable {
    case color(RGBAColor)
    case currentColor

    /// Parses `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, `rgb()`/`rgba()` with numbers or percentages,
    /// `transparent` and the CSS named colours, case-insensitively.
    static func parse(_ raw: String) -> ColorValue? {
        let text = raw.trimmingSVGWhitespace().lowercased()
        if text == "currentcolor" { return .currentColor }
        if text == "transparent" { return .color(RGBAColor(red: 0, green: 0, blue: 0, alpha: 0)) }
        if text.hasPrefix("#") { return hex(text.dropFirst()).map(ColorValue.color) }
        if text.hasPrefix("rgb(") || text.hasPrefix("rgba("), text.hasSuffix(")") {
            return functional(text).map(ColorValue.color)
        }
        return NamedColors.table[text].map { .color(RGBAColor(red: UInt8($0 >> 16), green: UInt8(($0 >> 8) & 0xFF), blue: UInt8($0 & 0xFF))) }
    }

    private static func hex(_ digits: Substring) -> RGBAColor? {
        guard digits.allSatisfy(\.isHexDigit) else { return nil }
        let values = digits.compactMap { $0.hexDigitValue.map(UInt8.init) }
        switch values.count {
        case 3, 4:
            let expanded = values.map { $0 * 17 }
            return RGBAColor(red: expanded[0], green: expanded[1], blue: expanded[2], alpha: values.count == 4 ? expanded[3] : 255)
        case 6, 8:
            let bytes = stride(from: 0, to: values.count, by: 2).map { values[$0] * 16 + values[$0 + 1] }
            return RGBAColor(red: bytes[0], green: bytes[1], blue: bytes[2], alpha: bytes.count == 4 ? bytes[3] : 255)
        default:
            return nil
        }
    }

    private static func functional(_ text: String) -> RGBAColor? {
        guard let open = text.firstIndex(of: "(") else { return nil }
        let inner = text[text.index(after: open)..<text.index(before: text.endIndex)]
        let parts = inner.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "/" }).map(String.init)
        guard parts.count == 3 || parts.count == 4 else { return nil }
        var channels: [UInt8] = []
        for part in parts.prefix(3) {
            let isPercent = part.hasSuffix("%")
            guard let value = Double(isPercent ? String(part.dropLast()) : part), value.isFinite else { return nil }
            let scaled = isPercent ? value * 255 / 100 : value
            channels.append(UInt8(min(max(scaled, 0), 255).rounded()))
        }
        var alpha: UInt8 = 255
        if parts.count == 4 {
            let part = parts[3]
            let isPercent = part.hasSuffix("%")
            guard let value = Double(isPercent ? String(part.dropLast()) : part), value.isFinite else { return nil }
            alpha = UInt8((min(max(isPercent ? value / 100 : value, 0), 1) * 255).rounded())
        }
        return RGBAColor(red: channels[0], green: channels[1], blue: channels[2], alpha: alpha)
    }
}

extension StringProtocol {
    /// The text without leading and trailing XML whitespace (space, tab, CR, LF).
    func trimmingSVGWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
