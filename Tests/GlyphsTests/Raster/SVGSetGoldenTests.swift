import Testing
@testable import Glyphs

@Suite("SVG test set")
struct SVGSetGoldenTests {
    @Test("Every SVG of the test set renders to its golden PNG", arguments: GoldenFiles.svgSetNames)
    func golden(name: String) throws {
        let document = try SVGParser.parse(try GoldenFiles.svgSetText(name), file: name + ".svg")
        try GoldenFiles.expectImage(DocumentRasterizer.render(document, size: 64), matches: "svgset/\(name)-64.png")
    }

    @Test("The test set holds at least 50 SVGs")
    func size() {
        #expect(GoldenFiles.svgSetNames.count >= 50)
    }

    /// Each feature of the supported subset, and the text that shows a file of the set uses it.
    static let features: [(feature: String, marker: String)] = [
        ("path", "<path"), ("rect", "<rect"), ("rect rx", " rx="), ("rect ry", " ry="), ("circle", "<circle"),
        ("ellipse", "<ellipse"), ("line", "<line"), ("polyline", "<polyline"), ("polygon", "<polygon"), ("g", "<g"),
        ("defs", "<defs"), ("linearGradient", "<linearGradient"), ("stop", "<stop"),
        ("moveto relative", "m1"), ("lineto relative", " l"), ("H", "H"), ("h", " h"), ("V", "V"), ("v", " v"),
        ("C", " C"), ("c", " c"), ("S", " S"), ("s", " s"), ("Q", " Q"), ("q", " q"), ("T", " T"), ("t", " t"),
        ("A", " A"), ("a", "a1"), ("Z", "Z"), ("z", "z\""), ("exponent numbers", "e1"),
        ("fill-rule nonzero", "fill-rule=\"nonzero\""), ("fill-rule evenodd", "fill-rule=\"evenodd\""),
        ("opacity", " opacity="), ("fill-opacity", "fill-opacity"), ("stroke-opacity", "stroke-opacity"),
        ("stroke-width", "stroke-width"), ("join miter", "stroke-linejoin=\"miter\""), ("join round", "stroke-linejoin=\"round\""),
        ("join bevel", "stroke-linejoin=\"bevel\""), ("cap round", "stroke-linecap=\"round\""),
        ("cap square", "stroke-linecap=\"square\""), ("miter limit", "stroke-miterlimit"),
        ("translate", "translate("), ("rotate", "rotate("), ("scale", "scale("), ("skewX", "skewX("), ("skewY", "skewY("),
        ("matrix", "matrix("), ("viewBox", "viewBox="), ("meet", " meet\""), ("slice", " slice\""),
        ("preserveAspectRatio none", "preserveAspectRatio=\"none\""), ("userSpaceOnUse", "userSpaceOnUse"),
        ("gradientTransform", "gradientTransform"), ("spread reflect", "reflect"), ("spread repeat", "\"repeat\""),
        ("href", " href="), ("xlink:href", "xlink:href"), ("stop-opacity", "stop-opacity"), ("currentColor", "currentColor"),
        ("style attribute", "style=\""), ("rgb()", "rgb("), ("named colour", "fill=\"tomato\""),
    ]

    @Test("The test set covers every feature of the subset", arguments: features.map(\.feature))
    func covers(feature: String) throws {
        let marker = try #require(Self.features.first { $0.feature == feature }).marker
        let texts = try GoldenFiles.svgSetNames.map(GoldenFiles.svgSetText)
        #expect(texts.contains { $0.contains(marker) }, "no SVG in the set uses \(feature) (\(marker))")
    }
}
