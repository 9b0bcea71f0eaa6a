import Testing
@testable import Glyphs

@Suite("Rasterizer")
struct RasterizerTests {
    static func render(_ body: String, size: Int = 10, viewBox: String = "0 0 10 10") throws -> RGBAImage {
        let text = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\" viewBox=\"\(viewBox)\">\(body)</svg>"
        return DocumentRasterizer.render(try SVGParser.parse(text, file: "test.svg"), size: size)
    }

    @Test("A pixel-aligned rectangle fills exactly its pixels", arguments: AntiAliasing.allCases)
    func alignedRect(antiAliasing: AntiAliasing) throws {
        let square = [Point(2, 3), Point(6, 3), Point(6, 8), Point(2, 8)]
        let mask = try #require(CoverageRasterizer.rasterize([square], rule: .nonZero, canvasWidth: 10, canvasHeight: 10,
                                                            antiAliasing: antiAliasing))
        #expect(mask.originX == 2 && mask.originY == 3 && mask.width == 4 && mask.height == 5)
        #expect(mask.coverage.allSatisfy { $0 == 1 })
    }

    @Test("An edge through the middle of pixels covers them by half", arguments: AntiAliasing.allCases)
    func halfCoverage(antiAliasing: AntiAliasing) throws {
        let square = [Point(0.5, 0), Point(4, 0), Point(4, 4), Point(0.5, 4)]
        let mask = try #require(CoverageRasterizer.rasterize([square], rule: .nonZero, canvasWidth: 10, canvasHeight: 10,
                                                            antiAliasing: antiAliasing))
        #expect(abs(mask.coverage[0] - 0.5) < 0.01)
        #expect(mask.coverage[1] == 1)
    }

    @Test("A diagonal edge gives area coverage in both modes within an eighth (plus 8-bit rounding)")
    func diagonalAgreement() throws {
        let triangle = [Point(0, 0), Point(8, 0), Point(0, 8)]
        let exact = try #require(CoverageRasterizer.rasterize([triangle], rule: .nonZero, canvasWidth: 8, canvasHeight: 8, antiAliasing: .exactArea))
        let sampled = try #require(CoverageRasterizer.rasterize([triangle], rule: .nonZero, canvasWidth: 8, canvasHeight: 8))
        #expect(abs(exact.coverage[7] - 0.5) < 1e-6)
        #expect(zip(exact.coverage, sampled.coverage).allSatisfy { abs($0 - $1) <= 1.0 / 8 + 0.005 })
        #expect(abs(exact.coverage.reduce(0, +) - 32) < 1e-3)
    }

    @Test("Even-odd leaves the inner square of a same-direction pair empty; nonzero fills it", arguments: AntiAliasing.allCases)
    func fillRules(antiAliasing: AntiAliasing) throws {
        let outer = [Point(0, 0), Point(8, 0), Point(8, 8), Point(0, 8)]
        let inner = [Point(2, 2), Point(6, 2), Point(6, 6), Point(2, 6)]
        let evenOdd = try #require(CoverageRasterizer.rasterize([outer, inner], rule: .evenOdd, canvasWidth: 8, canvasHeight: 8, antiAliasing: antiAliasing))
        let nonZero = try #require(CoverageRasterizer.rasterize([outer, inner], rule: .nonZero, canvasWidth: 8, canvasHeight: 8, antiAliasing: antiAliasing))
        #expect(evenOdd.coverage[4 * 8 + 4] == 0 && evenOdd.coverage[1 * 8 + 1] == 1)
        #expect(nonZero.coverage[4 * 8 + 4] == 1)
    }

    @Test("Shapes beyond the canvas are clipped without changing what is inside", arguments: AntiAliasing.allCases)
    func clipping(antiAliasing: AntiAliasing) throws {
        let big = [Point(-20, -20), Point(5, -20), Point(5, 30), Point(-20, 30)]
        let mask = try #require(CoverageRasterizer.rasterize([big], rule: .nonZero, canvasWidth: 10, canvasHeight: 10, antiAliasing: antiAliasing))
        #expect(mask.width == 5 && mask.height == 10 && mask.coverage.allSatisfy { $0 == 1 })
        #expect(CoverageRasterizer.rasterize([[Point(20, 20), Point(30, 20), Point(30, 30)]], rule: .nonZero,
                                             canvasWidth: 10, canvasHeight: 10, antiAliasing: antiAliasing) == nil)
    }

    @Test("Solid fills composite with source-over in premultiplied space")
    func compositing() throws {
        let image = try Self.render("<rect width=\"10\" height=\"10\" fill=\"#ff0000\"/><rect width=\"10\" height=\"10\" fill=\"#0000ff\" fill-opacity=\"0.5\"/>")
        let pixel = image[x: 5, y: 5]
        #expect(pixel.a == 255 && pixel.b == 128 && pixel.r == 128 && pixel.g == 0)
    }

    @Test("Translucent colour over nothing keeps its straight colour")
    func unpremultiply() throws {
        let pixel = try Self.render("<rect width=\"10\" height=\"10\" fill=\"#336699\" opacity=\"0.4\"/>")[x: 3, y: 3]
        #expect(pixel.a == 102)
        #expect(abs(Int(pixel.r) - 0x33) <= 1 && abs(Int(pixel.g) - 0x66) <= 1 && abs(Int(pixel.b) - 0x99) <= 1)
    }

    @Test("Group opacity applies to the group as a whole, not to each child")
    func groupOpacity() throws {
        let image = try Self.render("<g opacity=\"0.5\"><rect width=\"10\" height=\"10\" fill=\"#000\"/><rect width=\"10\" height=\"10\" fill=\"#000\"/></g>")
        #expect(image[x: 5, y: 5].a == 128)
    }

    @Test("A stroke of width 2 on a pixel-aligned line covers two full rows", arguments: LineCap.allCases)
    func strokeWidth(cap: LineCap) throws {
        let image = try Self.render("<line x1=\"2\" y1=\"5\" x2=\"8\" y2=\"5\" stroke=\"#000\" stroke-width=\"2\" stroke-linecap=\"\(cap.rawValue)\"/>")
        #expect(image[x: 5, y: 4].a == 255 && image[x: 5, y: 5].a == 255)
        #expect(image[x: 5, y: 3].a == 0 && image[x: 5, y: 6].a == 0)
        let beyondEnd = image[x: 1, y: 4].a
        switch cap {
        case .butt: #expect(beyondEnd == 0)
        case .square: #expect(beyondEnd == 255)
        case .round: #expect(beyondEnd > 0 && beyondEnd < 255)
        }
    }

    @Test("Joins differ at a right-angle corner", arguments: LineJoin.allCases)
    func joins(join: LineJoin) throws {
        let image = try Self.render("<polyline points=\"2,8 2,2 8,2\" fill=\"none\" stroke=\"#000\" stroke-width=\"2\" stroke-linejoin=\"\(join.rawValue)\"/>")
        let corner = image[x: 1, y: 1].a
        switch join {
        case .miter: #expect(corner == 255)
        case .bevel: #expect(corner > 64 && corner < 192)
        case .round: #expect(corner > 0 && corner < 255)
        }
    }

    @Test("A linear gradient runs from the first stop colour to the last across the bounding box")
    func gradient() throws {
        let image = try Self.render("""
            <linearGradient id="g"><stop offset="0" stop-color="#000"/><stop offset="1" stop-color="#fff"/></linearGradient>
            <rect width="10" height="10" fill="url(#g)"/>
            """, size: 100)
        #expect(image[x: 0, y: 50].r < 4 && image[x: 99, y: 50].r > 251)
        #expect(abs(Int(image[x: 50, y: 50].r) - 128) <= 2)
        #expect(image[x: 50, y: 0] == image[x: 50, y: 99])
    }

    @Test("Rendering is deterministic across runs")
    func deterministic() throws {
        let text = try GoldenFiles.svgSetText("icon-gear")
        let first = DocumentRasterizer.render(try SVGParser.parse(text, file: "gear"), size: 48)
        let second = DocumentRasterizer.render(try SVGParser.parse(text, file: "gear"), size: 48)
        #expect(first == second)
    }
}
