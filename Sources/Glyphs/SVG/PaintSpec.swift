/// A fill or stroke value as written, before references are resolved.
indirect enum PaintSpec: Equatable {
    case none
    case color(RGBAColor)
    case currentColor
    case reference(id: String, fallback: PaintSpec?)

    static func parse(_ raw: String) -> PaintSpec? {
        let text = raw.trimmingSVGWhitespace()
        if text == "none" { return PaintSpec.none }
        if text.hasPrefix("url(") {
            guard let close = text.firstIndex(of: ")") else { return nil }
            var id = text[text.index(text.startIndex, offsetBy: 4)..<close].trimmingSVGWhitespace()
            if id.count >= 2, let quote = id.first, quote == "'" || quote == "\"", id.last == quote {
                id = String(id.dropFirst().dropLast())
            }
            guard id.hasPrefix("#") else { return nil }
            let rest = text[text.index(after: close)...].trimmingSVGWhitespace()
            var fallback: PaintSpec?
            if !rest.isEmpty {
                guard let parsed = parse(rest) else { return nil }
                fallback = parsed
            }
            return .reference(id: String(id.dropFirst()), fallback: fallback)
        }
        switch ColorValue.parse(text) {
        case .color(let color): return .color(color)
        case .currentColor: return .currentColor
        case nil: return nil
        }
    }
}
