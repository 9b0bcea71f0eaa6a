import Testing
@testable import Glyphs

@Suite("SVG parsing")
struct SVGParsingTests {
    @Test("Relative, implicit and shorthand path commands resolve to absolute segments")
    func pathCommands() throws {
        let path = try PathDataParser.parse("m1 2 3 4h5v-6l1.5.5zM10 10 20 20")
        #expect(path.segments == [
            .move(Point(1, 2)), .line(Point(4, 6)), .line(Point(9, 6)), .line(Point(9, 0)), .line(Point(10.5, 0.5)), .close,
            .move(Point(10, 10)), .line(Point(20, 20)),
        ])
    }

    @Test("Smooth curves reflect the previous control point")
    func smoothCurves() throws {
        let cubic = try PathDataParser.parse("M0 0 C0 10 10 10 10 0 S20 -10 20 0")
        #expect(cubic.segments[2] == .cubic(Point(10, -10), Point(20, -10), Point(20, 0)))
        let quad = try PathDataParser.parse("M0 0 Q5 10 10 0 T20 0")
        #expect(quad.segments[2] == .quad(Point(15, -10), Point(20, 0)))
        let lone = try PathDataParser.parse("M0 0 L5 5 S10 10 15 5")
        #expect(lone.segments[2] == .cubic(Point(5, 5), Point(10, 10), Point(15, 5)))
    }

    @Test("Arcs end exactly at their end point and pass through the far side of the circle")
    func arcs() throws {
        let path = try PathDataParser.parse("M0 10 a10 10 0 1 1 20 0")
        guard case .cubic(_, _, let end) = path.segments.last else {
            Issue.record("expected cubic segments")
            return
        }
        #expect(end == Point(20, 10))
        let bounds = try #require(path.bounds)
        #expect(abs(bounds.minY - 0) < 0.01 && abs(bounds.maxY - 10) < 0.01)
    }

    @Test("Packed arc flags are read one digit at a time")
    func packedFlags() throws {
        let packed = try PathDataParser.parse("M0 0a5 5 0 1020 0")
        let spaced = try PathDataParser.parse("M0 0a5 5 0 1 0 20 0")
        #expect(packed == spaced)
    }

    @Test("Transform lists compose left to right", arguments: [
        ("translate(10 20)", Point(1, 1), Point(11, 21)),
        ("scale(2) translate(1,1)", Point(1, 1), Point(4, 4)),
        ("rotate(90)", Point(1, 0), Point(0, 1)),
        ("rotate(180 5 5)", Point(0, 0), Point(10, 10)),
        ("matrix(1 0 0 1 3 4)", Point(0, 0), Point(3, 4)),
        ("skewX(45)", Point(0, 2), Point(2, 2)),
        ("skewY(45)", Point(2, 0), Point(2, 2)),
    ])
    func transforms(text: String, input: Point, expected: Point) throws {
        let result = try TransformParser.parse(text).apply(input)
        #expect(abs(result.x - expected.x) < 1e-9 && abs(result.y - expected.y) < 1e-9)
    }

    @Test("Colours parse in every supported syntax", arguments: [
        ("#f80", RGBAColor(red: 255, green: 136, blue: 0)),
        ("#FF8800", RGBAColor(red: 255, green: 136, blue: 0)),
        ("#ff880080", RGBAColor(red: 255, green: 136, blue: 0, alpha: 128)),
        ("rgb(255, 136, 0)", RGBAColor(red: 255, green: 136, blue: 0)),
        ("rgb(100%, 0%, 50%)", RGBAColor(red: 255, green: 0, blue: 128)),
        ("rgba(0,0,0,0.5)", RGBAColor(red: 0, green: 0, blue: 0, alpha: 128)),
        ("MediumPurple", RGBAColor(red: 147, green: 112, blue: 219)),
        ("transparent", RGBAColor(red: 0, green: 0, blue: 0, alpha: 0)),
    ])
    func colors(text: String, expected: RGBAColor) {
        #expect(ColorValue.parse(text) == .color(expected))
    }

    @Test("Styles cascade: style attribute over presentation attribute over the parent")
    func cascade() throws {
        let text = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">
            <g fill="red" stroke="blue" stroke-width="2" color="#00ff00">
            <rect width="5" height="5" fill="green" style="fill: currentColor; stroke-linejoin: round"/>
            </g>
            </svg>
            """
        let document = try SVGParser.parse(text, file: "f.svg")
        guard case .group(let group) = document.root.children[0], case .shape(let shape) = group.children[0] else {
            Issue.record("expected a group holding a shape")
            return
        }
        guard case .color(let fill) = shape.fill?.paint else {
            Issue.record("expected a colour fill")
            return
        }
        #expect(fill == RGBAColor(red: 0, green: 255, blue: 0))
        #expect(shape.stroke?.geometry == StrokeGeometry(width: 2, join: .round, cap: .butt, miterLimit: 4))
    }

    @Test("Gradients inherit stops and attributes through href")
    func gradientHref() throws {
        let text = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">
            <linearGradient id="a" x2="0.5" spreadMethod="reflect"><stop offset="0" stop-color="red"/><stop offset="50%" stop-color="blue" stop-opacity="0.5"/></linearGradient>
            <linearGradient id="b" href="#a" y2="1"/>
            <rect width="5" height="5" fill="url(#b)"/>
            </svg>
            """
        let document = try SVGParser.parse(text, file: "f.svg")
        guard case .shape(let shape) = document.root.children[0], case .linearGradient(let gradient) = shape.fill?.paint else {
            Issue.record("expected a gradient fill")
            return
        }
        #expect(gradient.end == Point(0.5, 1))
        #expect(gradient.spread == .reflect)
        #expect(gradient.stops == [GradientStop(offset: 0, color: RGBAColor(red: 255, green: 0, blue: 0)),
                                   GradientStop(offset: 0.5, color: RGBAColor(red: 0, green: 0, blue: 255, alpha: 128))])
    }

    @Test("viewBox and preserveAspectRatio place the content", arguments: [
        ("xMidYMid meet", Point(0, 0), Point(0, 25)),
        ("xMinYMin meet", Point(0, 0), Point(0, 0)),
        ("xMaxYMax meet", Point(0, 0), Point(0, 50)),
        ("xMidYMid slice", Point(0, 0), Point(-50, 0)),
        ("none", Point(100, 50), Point(100, 100)),
    ])
    func aspectRatio(value: String, input: Point, expected: Point) throws {
        let text = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\" viewBox=\"0 0 100 50\" preserveAspectRatio=\"\(value)\"/>"
        let document = try SVGParser.parse(text, file: "f.svg")
        #expect(document.viewBoxTransform.apply(input) == expected)
    }

    @Test("Root sizes accept absolute units")
    func units() throws {
        let document = try SVGParser.parse("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"36pt\" height=\"1in\"/>", file: "f.svg")
        #expect(document.width == 48 && document.height == 96)
    }
}
