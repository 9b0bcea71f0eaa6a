import Diagnostics
import Testing
@testable import Glyphs

@Suite("SVG subset errors")
struct SVGErrorTests {
    static func wrap(_ body: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">\n\(body)\n</svg>\n"
    }

    @Test("Elements outside the subset name the element, file and line",
          arguments: ["text", "image", "use", "radialGradient", "pattern", "clipPath", "mask", "filter", "style", "foreignObject", "svg", "a"])
    func unsupportedElements(element: String) {
        let text = Self.wrap("<g>\n  <\(element)/>\n</g>")
        #expect(throws: SVGError.unsupportedElement(FileLocation(file: "icons/x.svg", line: 3), element: element)) {
            try SVGParser.parse(text, file: "icons/x.svg")
        }
    }

    @Test("An unsupported element inside defs is reported too")
    func unsupportedInDefinitions() {
        let text = Self.wrap("<defs>\n<linearGradient id=\"a\"/>\n<radialGradient id=\"b\"/>\n</defs>")
        #expect(throws: SVGError.unsupportedElement(FileLocation(file: "f.svg", line: 4), element: "radialGradient")) {
            try SVGParser.parse(text, file: "f.svg")
        }
    }

    @Test("Attributes that change the picture outside the subset are errors",
          arguments: [("clip-path", "url(#c)"), ("mask", "url(#m)"), ("filter", "url(#f)"), ("stroke-dasharray", "2 2"),
                      ("marker-end", "url(#m)"), ("visibility", "hidden"), ("shape-rendering", "crispEdges"),
                      ("paint-order", "stroke"), ("vector-effect", "non-scaling-stroke"), ("stroke-linejoin", "arcs")])
    func unsupportedValues(attribute: String, value: String) throws {
        let text = Self.wrap("<rect width=\"5\" height=\"5\" \(attribute)=\"\(value)\"/>")
        let error = try #require(throws: SVGError.self) { try SVGParser.parse(text, file: "f.svg") }
        #expect(error.location == FileLocation(file: "f.svg", line: 2))
        #expect(error.description.contains(attribute) && error.description.contains("f.svg:2"))
    }

    @Test("Unknown attributes are errors, while metadata attributes are ignored")
    func unknownAttributes() throws {
        #expect(throws: SVGError.unsupportedAttribute(FileLocation(file: "f.svg", line: 2), element: "rect", attribute: "frobnicate")) {
            try SVGParser.parse(Self.wrap("<rect width=\"5\" height=\"5\" frobnicate=\"1\"/>"), file: "f.svg")
        }
        _ = try SVGParser.parse(Self.wrap("<rect id=\"r\" class=\"c\" data-x=\"1\" inkscape:label=\"l\" width=\"5\" height=\"5\"/>"), file: "f.svg")
    }

    @Test("Malformed XML reports the line", arguments: [
        ("<svg>\n<rect>\n</svg>", 3),
        ("<svg>\n<rect width=5/>\n</svg>", 2),
        ("<svg>\n\n<rect width=\"1\" width=\"2\"/></svg>", 3),
        ("<svg>&bogus;</svg>", 1),
    ])
    func malformed(text: String, line: Int) throws {
        let error = try #require(throws: SVGError.self) { try SVGParser.parse(text, file: "bad.svg") }
        guard case .malformedXML(let location, _) = error else {
            Issue.record("expected malformedXML, got \(error)")
            return
        }
        #expect(location.line == line)
    }

    @Test("Invalid path data is an error, not a partial path", arguments: ["M 0 0 L 5", "L 1 1", "M 0 0 A 1 1 0 2 0 5 5", "M0 0 Z 5"])
    func badPathData(data: String) {
        #expect(throws: SVGError.self) { try SVGParser.parse(Self.wrap("<path d=\"\(data)\"/>"), file: "f.svg") }
    }

    @Test("A paint reference to a missing gradient is an error unless it has a fallback")
    func missingReference() throws {
        #expect(throws: SVGError.missingReference(FileLocation(file: "f.svg", line: 2), element: "rect", id: "nope")) {
            try SVGParser.parse(Self.wrap("<rect width=\"5\" height=\"5\" fill=\"url(#nope)\"/>"), file: "f.svg")
        }
        let document = try SVGParser.parse(Self.wrap("<rect width=\"5\" height=\"5\" fill=\"url(#nope) red\"/>"), file: "f.svg")
        guard case .shape(let shape) = document.root.children[0], case .color(let color) = shape.fill?.paint else {
            Issue.record("expected a shape filled with a colour")
            return
        }
        #expect(color == RGBAColor(red: 255, green: 0, blue: 0))
    }

    @Test("The root must be an svg element")
    func notSVG() {
        #expect(throws: SVGError.notSVG(FileLocation(file: "f.svg", line: 1), foundElement: "html")) {
            try SVGParser.parse("<html/>", file: "f.svg")
        }
    }

    @Test("Negative sizes are errors and zero sizes draw nothing")
    func sizes() throws {
        #expect(throws: SVGError.self) { try SVGParser.parse(Self.wrap("<rect width=\"-1\" height=\"5\"/>"), file: "f.svg") }
        let document = try SVGParser.parse(Self.wrap("<rect width=\"0\" height=\"5\"/><circle r=\"0\"/>"), file: "f.svg")
        #expect(document.root.children.isEmpty)
    }
}
