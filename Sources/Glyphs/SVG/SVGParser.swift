import Diagnostics

/// Reads an SVG document in the supported subset into an `SVGDocument`.
///
/// Supported: `svg` (root only), `g`, `path`, `rect`, `circle`, `ellipse`, `line`, `polyline`,
/// `polygon`, `defs`, `linearGradient`, `stop`, and the descriptive `title`, `desc`, `metadata`.
/// Every other element, and every attribute or value that would change the picture in a way the
/// rasterizer does not draw, is an `SVGError` naming the element, the file and the line.
package struct SVGParser {
    let file: String
    let viewport: Viewport
    let gradientElements: [String: XMLElementNode]

    /// - Parameter file: the name used in error messages (usually the path the text was read from).
    package static func parse(_ text: String, file: String) throws(SVGError) -> SVGDocument {
        let root = try XMLReader.parse(text, file: file)
        let location = FileLocation(file: file, line: root.line)
        guard root.name == "svg" else { throw .notSVG(location, foundElement: root.name) }

        var viewBox: BoundingBox?
        if let raw = root.attribute("viewBox") {
            guard let numbers = NumberScanner.numberList(raw), numbers.count == 4, numbers[2] > 0, numbers[3] > 0 else {
                throw .invalidValue(location, element: "svg", attribute: "viewBox", value: raw,
                                    expected: "four numbers 'min-x min-y width height' with a positive width and height")
            }
            viewBox = BoundingBox(minX: numbers[0], minY: numbers[1], maxX: numbers[0] + numbers[2], maxY: numbers[1] + numbers[3])
        }
        let fallback = Viewport(width: viewBox?.width ?? 100, height: viewBox?.height ?? 100)
        func size(_ name: String, axis: LengthAxis) throws(SVGError) -> Double {
            guard let raw = root.attribute(name), !raw.trimmingSVGWhitespace().hasSuffix("%") else {
                return fallback.reference(for: axis)
            }
            guard let value = SVGLength.parse(raw, axis: axis, viewport: fallback), value > 0 else {
                throw .invalidValue(location, element: "svg", attribute: name, value: raw, expected: "a positive length")
            }
            return value
        }
        let width = try size("width", axis: .horizontal)
        let height = try size("height", axis: .vertical)

        var fit = AspectRatioFit.default
        if let raw = root.attribute("preserveAspectRatio") {
            guard let parsed = AspectRatioFit.parse(raw) else {
                throw .invalidValue(location, element: "svg", attribute: "preserveAspectRatio", value: raw,
                                    expected: "none or x{Min,Mid,Max}Y{Min,Mid,Max} with an optional meet or slice")
            }
            fit = parsed
        }
        let viewBoxTransform = viewBox.map { fit.transform(viewBox: $0, viewportWidth: width, viewportHeight: height) } ?? .identity

        var gradients: [String: XMLElementNode] = [:]
        collectGradients(in: root, into: &gradients)
        let parser = SVGParser(file: file, viewport: viewBox.map { Viewport(width: $0.width, height: $0.height) }
                                   ?? Viewport(width: width, height: height),
                               gradientElements: gradients)
        let style = try StyleResolver.resolve(root, parent: InheritedStyle(), geometry: Self.rootAttributes,
                                              viewport: parser.viewport, file: file)
        let children = style.isDisplayed ? try parser.nodes(of: root, style: style.inherited) : []
        return SVGDocument(width: width, height: height, viewBoxTransform: viewBoxTransform,
                           root: SVGGroup(transform: style.transform, opacity: style.opacity, children: children))
    }

    static let rootAttributes: Set<String> = ["width", "height", "viewBox", "preserveAspectRatio", "x", "y"]
    static let descriptiveElements: Set<String> = ["title", "desc", "metadata"]

    private static func collectGradients(in element: XMLElementNode, into gradients: inout [String: XMLElementNode]) {
        for child in element.children {
            if child.name == "linearGradient", let id = child.attribute("id"), gradients[id] == nil {
                gradients[id] = child
            }
            if !descriptiveElements.contains(child.name) { collectGradients(in: child, into: &gradients) }
        }
    }

    func location(of element: XMLElementNode) -> FileLocation {
        FileLocation(file: file, line: element.line)
    }

    func nodes(of parent: XMLElementNode, style: InheritedStyle) throws(SVGError) -> [SVGNode] {
        var result: [SVGNode] = []
        for child in parent.children {
            switch child.name {
            case "g":
                let groupStyle = try StyleResolver.resolve(child, parent: style, geometry: [], viewport: viewport, file: file)
                guard groupStyle.isDisplayed else { continue }
                let children = try nodes(of: child, style: groupStyle.inherited)
                result.append(.group(SVGGroup(transform: groupStyle.transform, opacity: groupStyle.opacity, children: children)))
            case "defs":
                try checkDefinitions(child)
            case "linearGradient":
                try checkGradient(child)
            case _ where Self.descriptiveElements.contains(child.name):
                continue
            case _ where Self.shapeAttributes[child.name] != nil:
                if let shape = try shape(child, parentStyle: style) { result.append(.shape(shape)) }
            default:
                throw .unsupportedElement(location(of: child), element: child.name)
            }
        }
        return result
    }

    private func checkDefinitions(_ definitions: XMLElementNode) throws(SVGError) {
        for child in definitions.children {
            switch child.name {
            case "linearGradient": try checkGradient(child)
            case _ where Self.descriptiveElements.contains(child.name): continue
            default: throw .unsupportedElement(location(of: child), element: child.name)
            }
        }
    }
}
