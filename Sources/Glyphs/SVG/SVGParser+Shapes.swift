extension SVGParser {
    static let shapeAttributes: [String: Set<String>] = [
        "path": ["d"],
        "rect": ["x", "y", "width", "height", "rx", "ry"],
        "circle": ["cx", "cy", "r"],
        "ellipse": ["cx", "cy", "rx", "ry"],
        "line": ["x1", "y1", "x2", "y2"],
        "polyline": ["points"],
        "polygon": ["points"],
    ]

    /// The shape as a path with resolved paints, or nil when it draws nothing (zero size, display none).
    func shape(_ element: XMLElementNode, parentStyle: InheritedStyle) throws(SVGError) -> SVGShape? {
        let style = try StyleResolver.resolve(element, parent: parentStyle, geometry: Self.shapeAttributes[element.name] ?? [],
                                              viewport: viewport, file: file)
        guard style.isDisplayed, let path = try geometry(of: element, attributes: style.attributes), !path.isEmpty else {
            return nil
        }
        let inherited = style.inherited
        let fill = try paint(inherited.fill, color: inherited.color, element: element).map {
            FillPaint(paint: $0, opacity: inherited.fillOpacity, rule: inherited.fillRule)
        }
        var stroke: StrokePaint?
        if inherited.strokeWidth > 0, let paint = try paint(inherited.stroke, color: inherited.color, element: element) {
            stroke = StrokePaint(paint: paint, opacity: inherited.strokeOpacity,
                                 geometry: StrokeGeometry(width: inherited.strokeWidth, join: inherited.lineJoin,
                                                          cap: inherited.lineCap, miterLimit: inherited.miterLimit))
        }
        return SVGShape(path: path, transform: style.transform, fill: fill, stroke: stroke, opacity: style.opacity,
                        location: location(of: element))
    }

    private func geometry(of element: XMLElementNode, attributes: [String: String]) throws(SVGError) -> VectorPath? {
        func length(_ name: String, _ axis: LengthAxis, default value: Double? = 0) throws(SVGError) -> Double? {
            guard let raw = attributes[name] else { return value }
            guard let parsed = SVGLength.parse(raw, axis: axis, viewport: viewport) else {
                throw .invalidValue(location(of: element), element: element.name, attribute: name, value: raw,
                                    expected: "a length (a number with an optional unit or %)")
            }
            return parsed
        }
        func size(_ name: String, _ axis: LengthAxis) throws(SVGError) -> Double {
            let value = try length(name, axis) ?? 0
            if value < 0 {
                throw .invalidValue(location(of: element), element: element.name, attribute: name,
                                    value: attributes[name] ?? "", expected: "a non-negative length")
            }
            return value
        }

        var path = VectorPath()
        switch element.name {
        case "path":
            guard let data = attributes["d"] else { return nil }
            do {
                path = try PathDataParser.parse(data)
            } catch {
                throw .invalidValue(location(of: element), element: "path", attribute: "d", value: Self.excerpt(data),
                                    expected: "valid path data (\(error.detail))")
            }
        case "rect":
            let x = try length("x", .horizontal) ?? 0, y = try length("y", .vertical) ?? 0
            let width = try size("width", .horizontal), height = try size("height", .vertical)
            guard width > 0, height > 0 else { return nil }
            var rx = try length("rx", .horizontal, default: nil), ry = try length("ry", .vertical, default: nil)
            if let value = rx, value < 0 { rx = nil }
            if let value = ry, value < 0 { ry = nil }
            let radiusX = min(rx ?? ry ?? 0, width / 2), radiusY = min(ry ?? rx ?? 0, height / 2)
            Self.appendRect(to: &path, x: x, y: y, width: width, height: height, rx: radiusX, ry: radiusY)
        case "circle", "ellipse":
            let cx = try length("cx", .horizontal) ?? 0, cy = try length("cy", .vertical) ?? 0
            let rx = element.name == "circle" ? try size("r", .diagonal) : try size("rx", .horizontal)
            let ry = element.name == "circle" ? rx : try size("ry", .vertical)
            guard rx > 0, ry > 0 else { return nil }
            Self.appendEllipse(to: &path, center: Point(cx, cy), rx: rx, ry: ry)
        case "line":
            path.move(to: Point(try length("x1", .horizontal) ?? 0, try length("y1", .vertical) ?? 0))
            path.line(to: Point(try length("x2", .horizontal) ?? 0, try length("y2", .vertical) ?? 0))
        default:
            let raw = attributes["points"] ?? ""
            guard let numbers = NumberScanner.numberList(raw), numbers.count % 2 == 0 else {
                throw .invalidValue(location(of: element), element: element.name, attribute: "points", value: Self.excerpt(raw),
                                    expected: "an even count of numbers (x,y pairs)")
            }
            guard numbers.count >= 4 else { return nil }
            path.move(to: Point(numbers[0], numbers[1]))
            for index in stride(from: 2, to: numbers.count, by: 2) {
                path.line(to: Point(numbers[index], numbers[index + 1]))
            }
            if element.name == "polygon" { path.close() }
        }
        return path
    }

    static func appendRect(to path: inout VectorPath, x: Double, y: Double, width: Double, height: Double, rx: Double, ry: Double) {
        let right = x + width, bottom = y + height
        if rx <= 0 || ry <= 0 {
            path.move(to: Point(x, y))
            path.line(to: Point(right, y))
            path.line(to: Point(right, bottom))
            path.line(to: Point(x, bottom))
            path.close()
            return
        }
        func arc(_ from: Point, _ to: Point) {
            ArcConversion.appendArc(to: &path, from: from, radiusX: rx, radiusY: ry, rotationDegrees: 0,
                                    largeArc: false, sweep: true, end: to)
        }
        path.move(to: Point(x + rx, y))
        path.line(to: Point(right - rx, y))
        arc(Point(right - rx, y), Point(right, y + ry))
        path.line(to: Point(right, bottom - ry))
        arc(Point(right, bottom - ry), Point(right - rx, bottom))
        path.line(to: Point(x + rx, bottom))
        arc(Point(x + rx, bottom), Point(x, bottom - ry))
        path.line(to: Point(x, y + ry))
        arc(Point(x, y + ry), Point(x + rx, y))
        path.close()
    }

    static func appendEllipse(to path: inout VectorPath, center: Point, rx: Double, ry: Double) {
        let points = [Point(center.x + rx, center.y), Point(center.x, center.y + ry),
                      Point(center.x - rx, center.y), Point(center.x, center.y - ry)]
        path.move(to: points[0])
        for index in 0..<4 {
            ArcConversion.appendArc(to: &path, from: points[index], radiusX: rx, radiusY: ry, rotationDegrees: 0,
                                    largeArc: false, sweep: true, end: points[(index + 1) % 4])
        }
        path.close()
    }

    static func excerpt(_ text: String) -> String {
        text.count > 60 ? String(text.prefix(57)) + "..." : text
    }
}
