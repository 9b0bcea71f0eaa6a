/// How a viewBox is fitted into a viewport of another shape (`preserveAspectRatio`).
package struct AspectRatioFit: Sendable, Equatable {
    package enum Alignment: Sendable, Equatable {
        case none
        /// Horizontal and vertical position: 0 for min, 0.5 for mid, 1 for max.
        case aligned(x: Double, y: Double)
    }

    package var alignment: Alignment
    package var slice: Bool

    package static let `default` = AspectRatioFit(alignment: .aligned(x: 0.5, y: 0.5), slice: false)

    static func parse(_ raw: String) -> AspectRatioFit? {
        let words = raw.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).map(String.init)
        guard let first = words.first, words.count <= 2 else { return nil }
        var slice = false
        if words.count == 2 {
            switch words[1] {
            case "meet": slice = false
            case "slice": slice = true
            default: return nil
            }
        }
        if first == "none" { return AspectRatioFit(alignment: .none, slice: slice) }
        let positions: [String: Double] = ["Min": 0, "Mid": 0.5, "Max": 1]
        guard first.count == 8, first.hasPrefix("x"),
              let x = positions[String(first.dropFirst().prefix(3))],
              first.dropFirst(4).hasPrefix("Y"),
              let y = positions[String(first.dropFirst(5))] else { return nil }
        return AspectRatioFit(alignment: .aligned(x: x, y: y), slice: slice)
    }

    /// The transform from viewBox coordinates into a viewport of the given size.
    func transform(viewBox: BoundingBox, viewportWidth: Double, viewportHeight: Double) -> AffineTransform {
        var scaleX = viewportWidth / viewBox.width
        var scaleY = viewportHeight / viewBox.height
        var translateX = -viewBox.minX * scaleX
        var translateY = -viewBox.minY * scaleY
        if case .aligned(let alignX, let alignY) = alignment {
            let scale = slice ? max(scaleX, scaleY) : min(scaleX, scaleY)
            scaleX = scale
            scaleY = scale
            translateX = -viewBox.minX * scale + (viewportWidth - viewBox.width * scale) * alignX
            translateY = -viewBox.minY * scale + (viewportHeight - viewBox.height * scale) * alignY
        }
        return AffineTransform(a: scaleX, b: 0, c: 0, d: scaleY, e: translateX, f: translateY)
    }
}
