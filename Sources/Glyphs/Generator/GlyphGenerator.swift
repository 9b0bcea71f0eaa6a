/// Writes a glyph's design as SVG. The markup uses integers and fixed strings only, so the bytes
/// are the same on every machine: viewBox 0 0 80 80, a frame (rounded square with rx 12, or a
/// circle of radius 40), then the foreground cells and the accent cells, each as one path of
/// 12-unit squares (one path per colour, so adjacent cells leave no anti-aliasing seams).
package enum GlyphGenerator {
    package static func svg(for identity: GlyphIdentity) -> String {
        svg(for: GlyphDesign(identity: identity), title: identity.name)
    }

    package static func svg(for design: GlyphDesign, title: String) -> String {
        let (origin, cellSize) = design.frame == .circle ? (15, 10) : (10, 12)
        var lines = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"80\" height=\"80\" viewBox=\"0 0 80 80\">",
            "<!-- flash-sync glyph v\(GlyphDesign.algorithmVersion) \(FNV1a64.hexString(design.seedHash)) -->",
            "<title>\(escaped(title))</title>",
        ]
        switch design.frame {
        case .roundedSquare:
            lines.append("<rect width=\"80\" height=\"80\" rx=\"12\" fill=\"\(design.background.rgb.hexString)\"/>")
        case .circle:
            lines.append("<circle cx=\"40\" cy=\"40\" r=\"40\" fill=\"\(design.background.rgb.hexString)\"/>")
        }
        for (kind, color) in [(GlyphDesign.Cell.foreground, design.foreground), (.accent, design.accent)] {
            var data = ""
            for (row, cells) in design.cells.enumerated() {
                for (column, cell) in cells.enumerated() where cell == kind {
                    let x = origin + column * cellSize, y = origin + row * cellSize
                    data += "M\(x) \(y)h\(cellSize)v\(cellSize)h-\(cellSize)z"
                }
            }
            if !data.isEmpty { lines.append("<path d=\"\(data)\" fill=\"\(color.rgb.hexString)\"/>") }
        }
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
