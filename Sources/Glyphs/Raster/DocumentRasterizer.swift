/// Draws an `SVGDocument` into an RGBA image.
///
/// Curves are flattened to within `tolerance` device pixels, strokes are outlined in user space
/// (so non-uniform transforms shape them correctly) and every shape is filled with exact-area
/// coverage onto a premultiplied canvas. Groups and shapes with opacity below one are drawn on a
/// layer and composited, as SVG specifies.
package enum DocumentRasterizer {
    package static let tolerance = 0.05

    /// Renders at `size` pixels wide; the height follows the document's aspect ratio.
    package static func render(_ document: SVGDocument, size: Int) -> RGBAImage {
        let height = max(1, Int((Double(size) * document.height / document.width).rounded()))
        return render(document, width: size, height: height)
    }

    /// Renders the document's intrinsic viewport stretched onto `width` × `height` pixels.
    package static func render(_ document: SVGDocument, width: Int, height: Int) -> RGBAImage {
        var canvas = Canvas(width: width, height: height)
        let toDevice = AffineTransform.scale(Double(width) / document.width, Double(height) / document.height)
            .concatenating(document.viewBoxTransform)
        draw(document.root, transform: toDevice, on: &canvas)
        return canvas.makeImage()
    }

    private static func draw(_ group: SVGGroup, transform parent: AffineTransform, on canvas: inout Canvas) {
        guard group.opacity > 0 else { return }
        let transform = parent.concatenating(group.transform)
        if group.opacity < 1 {
            var layer = Canvas(width: canvas.width, height: canvas.height)
            drawChildren(group.children, transform: transform, on: &layer)
            canvas.composite(layer, opacity: Float(group.opacity))
        } else {
            drawChildren(group.children, transform: transform, on: &canvas)
        }
    }

    private static func drawChildren(_ children: [SVGNode], transform: AffineTransform, on canvas: inout Canvas) {
        for child in children {
            switch child {
            case .group(let group): draw(group, transform: transform, on: &canvas)
            case .shape(let shape): draw(shape, transform: transform, on: &canvas)
            }
        }
    }

    private static func draw(_ shape: SVGShape, transform parent: AffineTransform, on canvas: inout Canvas) {
        guard shape.opacity > 0 else { return }
        let transform = parent.concatenating(shape.transform)
        guard transform.determinant != 0 else { return }
        if shape.opacity < 1, shape.fill != nil, shape.stroke != nil {
            var layer = Canvas(width: canvas.width, height: canvas.height)
            paint(shape, transform: transform, opacity: 1, on: &layer)
            canvas.composite(layer, opacity: Float(shape.opacity))
        } else {
            paint(shape, transform: transform, opacity: shape.opacity, on: &canvas)
        }
    }

    private static func paint(_ shape: SVGShape, transform: AffineTransform, opacity: Double, on canvas: inout Canvas) {
        let userTolerance = tolerance / transform.maximumScale
        // User-space outlines serve strokes and bounding-box gradients; plain fills never need them.
        lazy var polylines = PathFlattener.flatten(shape.path, tolerance: userTolerance)
        lazy var bounds = BoundingBox(enclosing: polylines.lazy.flatMap(\.points))
        if let fill = shape.fill,
           let shader = shader(for: fill.paint, opacity: fill.opacity, bounds: { bounds }, transform: transform) {
            let polygons = DeviceFlattener.polygons(of: shape.path, transform: transform)
            if let mask = CoverageRasterizer.rasterize(polygons, rule: fill.rule, canvasWidth: canvas.width, canvasHeight: canvas.height) {
                canvas.fill(mask, with: shader, opacity: Float(opacity))
            }
        }
        if let stroke = shape.stroke,
           let shader = shader(for: stroke.paint, opacity: stroke.opacity, bounds: { bounds }, transform: transform) {
            let outline = Stroker.outline(of: polylines, style: stroke.geometry, tolerance: userTolerance)
            let polygons = outline.map { $0.map(transform.apply) }
            if let mask = CoverageRasterizer.rasterize(polygons, rule: .nonZero, canvasWidth: canvas.width, canvasHeight: canvas.height) {
                canvas.fill(mask, with: shader, opacity: Float(opacity))
            }
        }
    }

    /// The shader for a paint; nil when a bounding-box gradient meets a shape without area.
    private static func shader(for paint: Paint, opacity: Double, bounds: () -> BoundingBox?, transform: AffineTransform) -> Shader? {
        switch paint {
        case .color(let color):
            return .solid(PremultipliedColor(color, opacity: opacity))
        case .linearGradient(let gradient):
            var gradientToUser = gradient.transform
            if gradient.units == .objectBoundingBox {
                guard let box = bounds(), box.width > 0, box.height > 0 else { return nil }
                gradientToUser = AffineTransform.translation(box.minX, box.minY)
                    .concatenating(.scale(box.width, box.height))
                    .concatenating(gradient.transform)
            }
            return LinearShader(start: gradient.start, end: gradient.end,
                                gradientToDevice: transform.concatenating(gradientToUser),
                                stops: gradient.stops, spread: gradient.spread, opacity: opacity).map(Shader.linear)
        }
    }
}
