extension SVGParser {
    static let gradientAttributes: Set<String> = [
        "x1", "y1", "x2", "y2", "gradientUnits", "gradientTransform", "spreadMethod", "href", "xlink:href",
    ]

    /// Checks a gradient's own markup where it stands, so errors inside unused gradients are found too.
    func checkGradient(_ element: XMLElementNode) throws(SVGError) {
        _ = try StyleResolver.resolve(element, parent: InheritedStyle(), geometry: Self.gradientAttributes,
                                      viewport: viewport, file: file)
        for child in element.children where !Self.descriptiveElements.contains(child.name) {
            guard child.name == "stop" else { throw .unsupportedElement(location(of: child), element: child.name) }
            _ = try stop(child, previousOffset: 0)
        }
    }

    /// Resolves a fill or stroke to a paint, or nil for `none` (and for gradients without stops).
    func paint(_ spec: PaintSpec, color: RGBAColor, element: XMLElementNode) throws(SVGError) -> Paint? {
        switch spec {
        case .none:
            return nil
        case .color(let value):
            return .color(value)
        case .currentColor:
            return .color(color)
        case .reference(let id, let fallback):
            guard gradientElements[id] != nil else {
                if let fallback { return try paint(fallback, color: color, element: element) }
                throw .missingReference(location(of: element), element: element.name, id: id)
            }
            let gradient = try linearGradient(id: id)
            switch gradient.stops.count {
            case 0: return nil
            case 1: return .color(gradient.stops[0].color)
            default: return .linearGradient(gradient)
            }
        }
    }

    private func linearGradient(id: String) throws(SVGError) -> LinearGradient {
        var chain: [XMLElementNode] = []
        var nextID: String? = id
        while let currentID = nextID, let element = gradientElements[currentID] {
            if chain.contains(where: { $0.attribute("id") == currentID }) {
                throw .invalidValue(location(of: element), element: "linearGradient", attribute: "href", value: "#" + currentID,
                                    expected: "a reference that does not loop back to a gradient already in the chain")
            }
            chain.append(element)
            let href = element.attribute("href") ?? element.attribute("xlink:href")
            nextID = href.flatMap { $0.hasPrefix("#") ? String($0.dropFirst()) : nil }
        }
        func declared(_ name: String) -> (value: String, element: XMLElementNode)? {
            for element in chain {
                if let value = element.attribute(name) { return (value, element) }
            }
            return nil
        }

        var units = GradientUnits.objectBoundingBox
        if let (raw, element) = declared("gradientUnits") {
            guard let parsed = GradientUnits(rawValue: raw.trimmingSVGWhitespace()) else {
                throw .invalidValue(location(of: element), element: element.name, attribute: "gradientUnits", value: raw,
                                    expected: "objectBoundingBox or userSpaceOnUse")
            }
            units = parsed
        }
        var spread = SpreadMethod.pad
        if let (raw, element) = declared("spreadMethod") {
            guard let parsed = SpreadMethod(rawValue: raw.trimmingSVGWhitespace()) else {
                throw .invalidValue(location(of: element), element: element.name, attribute: "spreadMethod", value: raw,
                                    expected: "pad, reflect or repeat")
            }
            spread = parsed
        }
        var transform = AffineTransform.identity
        if let (raw, element) = declared("gradientTransform") {
            do {
                transform = try TransformParser.parse(raw)
            } catch {
                throw .invalidValue(location(of: element), element: element.name, attribute: "gradientTransform", value: raw,
                                    expected: "a transform list (\(error.detail))")
            }
        }
        func coordinate(_ name: String, _ axis: LengthAxis, default value: Double) throws(SVGError) -> Double {
            guard let (raw, element) = declared(name) else { return value }
            let text = raw.trimmingSVGWhitespace()
            let parsed: Double?
            if units == .objectBoundingBox {
                parsed = text.hasSuffix("%") ? Double(text.dropLast()).map { $0 / 100 } : NumberScanner.numberList(text)?.first
            } else {
                parsed = SVGLength.parse(text, axis: axis, viewport: viewport)
            }
            guard let result = parsed else {
                throw .invalidValue(location(of: element), element: element.name, attribute: name, value: raw,
                                    expected: "a number or percentage")
            }
            return result
        }
        let fullWidth = units == .objectBoundingBox ? 1 : viewport.width
        let start = Point(try coordinate("x1", .horizontal, default: 0), try coordinate("y1", .vertical, default: 0))
        let end = Point(try coordinate("x2", .horizontal, default: fullWidth), try coordinate("y2", .vertical, default: 0))

        var stops: [GradientStop] = []
        if let owner = chain.first(where: { $0.children.contains { $0.name == "stop" } }) {
            var previous = 0.0
            for child in owner.children where child.name == "stop" {
                let stop = try stop(child, previousOffset: previous)
                previous = stop.offset
                stops.append(stop)
            }
        }
        return LinearGradient(start: start, end: end, units: units, transform: transform, spread: spread, stops: stops)
    }

    private func stop(_ element: XMLElementNode, previousOffset: Double) throws(SVGError) -> GradientStop {
        let location = location(of: element)
        var offset = 0.0, color = RGBAColor.black, opacity = 1.0
        for (name, rawValue) in try StyleResolver.declarations(of: element, location: location) {
            let value = rawValue.trimmingSVGWhitespace()
            switch name {
            case "offset":
                let parsed = value.hasSuffix("%") ? Double(value.dropLast()).map { $0 / 100 } : NumberScanner.numberList(value)?.first
                guard let number = parsed else {
                    throw .invalidValue(location, element: "stop", attribute: name, value: value, expected: "a number or percentage")
                }
                offset = number
            case "stop-color":
                guard case .color(let parsed) = ColorValue.parse(value) else {
                    throw .invalidValue(location, element: "stop", attribute: name, value: value, expected: "a colour")
                }
                color = parsed
            case "stop-opacity":
                let parsed = value.hasSuffix("%") ? Double(value.dropLast()).map { $0 / 100 } : NumberScanner.numberList(value)?.first
                guard let number = parsed else {
                    throw .invalidValue(location, element: "stop", attribute: name, value: value, expected: "a number or percentage")
                }
                opacity = min(max(number, 0), 1)
            default:
                if !StyleResolver.isIgnored(name) { throw .unsupportedAttribute(location, element: "stop", attribute: name) }
            }
        }
        color.alpha = UInt8((Double(color.alpha) * opacity).rounded())
        return GradientStop(offset: max(min(max(offset, 0), 1), previousOffset), color: color)
    }
}
