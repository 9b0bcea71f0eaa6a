import Diagnostics

/// Sorts an element's attributes and `style` declarations into properties, geometry and errors.
enum StyleResolver {
    static let ignoredAttributes: Set<String> = [
        "id", "class", "style", "xmlns", "version", "baseProfile", "role", "focusable", "lang",
    ]
    /// Properties that have no effect on the shapes of the subset.
    static let inertProperties: Set<String> = [
        "font-family", "font-size", "font-weight", "font-style", "font-stretch", "font-variant", "text-anchor",
        "letter-spacing", "word-spacing", "clip-rule", "color-interpolation", "color-rendering",
        "image-rendering", "text-rendering", "overflow", "enable-background", "stroke-dashoffset",
        "dominant-baseline", "alignment-baseline", "pathLength", "color-interpolation-filters",
    ]
    /// Properties that are fine at their neutral value and outside the subset otherwise.
    static let neutralOnlyProperties: [String: (values: Set<String>, reason: String)] = [
        "stroke-dasharray": (["none"], "dashed strokes are outside the subset"),
        "clip-path": (["none"], "clipping is outside the subset"),
        "mask": (["none"], "masks are outside the subset"),
        "filter": (["none"], "filters are outside the subset"),
        "marker": (["none"], "markers are outside the subset"),
        "marker-start": (["none"], "markers are outside the subset"),
        "marker-mid": (["none"], "markers are outside the subset"),
        "marker-end": (["none"], "markers are outside the subset"),
        "visibility": (["visible"], "hidden elements are outside the subset; remove the element instead"),
        "shape-rendering": (["auto", "geometricPrecision", "optimizeQuality"], "only anti-aliased rendering is supported"),
        "paint-order": (["normal", "fill", "fill stroke", "fill stroke markers"], "only fill-then-stroke order is supported"),
        "vector-effect": (["none"], "non-scaling strokes are outside the subset"),
        "mix-blend-mode": (["normal"], "blend modes are outside the subset"),
        "isolation": (["auto"], "isolation is outside the subset"),
    ]

    static func declarations(of element: XMLElementNode, location: FileLocation) throws(SVGError) -> [(name: String, value: String)] {
        var result = element.attributes.filter { $0.name != "style" }
        guard let style = element.attribute("style") else { return result }
        for declaration in style.split(separator: ";") {
            let trimmed = declaration.trimmingSVGWhitespace()
            if trimmed.isEmpty { continue }
            guard let colon = trimmed.firstIndex(of: ":") else {
                throw .invalidValue(location, element: element.name, attribute: "style", value: style,
                                    expected: "'property: value' declarations separated by ';'")
            }
            let name = trimmed[..<colon].trimmingSVGWhitespace()
            var value = trimmed[trimmed.index(after: colon)...].trimmingSVGWhitespace()
            if value.hasSuffix("!important") { value = value.dropLast(10).trimmingSVGWhitespace() }
            result.removeAll { $0.name == name }
            result.append((name, value))
        }
        return result
    }

    static func isIgnored(_ name: String) -> Bool {
        ignoredAttributes.contains(name) || name.hasPrefix("data-") || name.hasPrefix("aria-")
            || (name.contains(":") && name != "xlink:href")
    }

    /// Applies the element's declarations on top of the parent's inherited style.
    /// - Parameter geometry: the non-property attribute names this element accepts.
    static func resolve(
        _ element: XMLElementNode, parent: InheritedStyle, geometry: Set<String>, viewport: Viewport, file: String
    ) throws(SVGError) -> ElementStyle {
        let location = FileLocation(file: file, line: element.line)
        var style = ElementStyle(inherited: parent)
        func invalid(_ name: String, _ value: String, _ expected: String) -> SVGError {
            .invalidValue(location, element: element.name, attribute: name, value: value, expected: expected)
        }
        func number(_ name: String, _ value: String) throws(SVGError) -> Double {
            guard let list = NumberScanner.numberList(value), list.count == 1 else { throw invalid(name, value, "a number") }
            return list[0]
        }
        func opacity(_ name: String, _ value: String) throws(SVGError) -> Double {
            let text = value.trimmingSVGWhitespace()
            if text.hasSuffix("%"), let percent = Double(text.dropLast()) { return min(max(percent / 100, 0), 1) }
            return min(max(try number(name, text), 0), 1)
        }
        func paint(_ name: String, _ value: String) throws(SVGError) -> PaintSpec {
            guard let paint = PaintSpec.parse(value) else { throw invalid(name, value, "none, a colour, currentColor or url(#id)") }
            return paint
        }

        for (name, rawValue) in try declarations(of: element, location: location) {
            let value = rawValue.trimmingSVGWhitespace()
            if value == "inherit" { continue }
            switch name {
            case "fill": style.inherited.fill = try paint(name, value)
            case "stroke": style.inherited.stroke = try paint(name, value)
            case "fill-opacity": style.inherited.fillOpacity = try opacity(name, value)
            case "stroke-opacity": style.inherited.strokeOpacity = try opacity(name, value)
            case "opacity": style.opacity = try opacity(name, value)
            case "fill-rule":
                guard let rule = FillRule(rawValue: value) else { throw invalid(name, value, "nonzero or evenodd") }
                style.inherited.fillRule = rule
            case "stroke-width":
                guard let width = SVGLength.parse(value, axis: .diagonal, viewport: viewport), width >= 0 else {
                    throw invalid(name, value, "a non-negative length")
                }
                style.inherited.strokeWidth = width
            case "stroke-linejoin":
                guard let join = LineJoin(rawValue: value) else {
                    throw .unsupportedValue(location, element: element.name, attribute: name, value: value,
                                            reason: "use miter, round or bevel")
                }
                style.inherited.lineJoin = join
            case "stroke-linecap":
                guard let cap = LineCap(rawValue: value) else { throw invalid(name, value, "butt, round or square") }
                style.inherited.lineCap = cap
            case "stroke-miterlimit":
                let limit = try number(name, value)
                guard limit >= 1 else { throw invalid(name, value, "a number of at least 1") }
                style.inherited.miterLimit = limit
            case "color":
                guard case .color(let color) = ColorValue.parse(value) else { throw invalid(name, value, "a colour") }
                style.inherited.color = color
            case "transform":
                do {
                    style.transform = try TransformParser.parse(value)
                } catch {
                    throw invalid(name, value, "a transform list (\(error.detail))")
                }
            case "display":
                style.isDisplayed = value != "none"
            default:
                if let neutral = neutralOnlyProperties[name] {
                    guard neutral.values.contains(value) else {
                        throw .unsupportedValue(location, element: element.name, attribute: name, value: value, reason: neutral.reason)
                    }
                } else if geometry.contains(name) {
                    style.attributes[name] = rawValue
                } else if !inertProperties.contains(name) && !isIgnored(name) {
                    throw .unsupportedAttribute(location, element: element.name, attribute: name)
                }
            }
        }
        return style
    }
}
