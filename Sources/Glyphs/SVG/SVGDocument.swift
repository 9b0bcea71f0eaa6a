import Diagnostics

/// A parsed SVG in the supported subset, ready to rasterize.
package struct SVGDocument: Sendable {
    /// The intrinsic size in CSS pixels (`width`/`height` on the root, or the viewBox size).
    package var width: Double
    package var height: Double
    /// Maps the root's user space (viewBox coordinates) into the intrinsic viewport.
    package var viewBoxTransform: AffineTransform
    package var root: SVGGroup
}

/// A container (`<svg>` or `<g>`): its children are drawn in order, then composited with `opacity`.
package struct SVGGroup: Sendable {
    package var transform: AffineTransform
    package var opacity: Double
    package var children: [SVGNode]
}

package indirect enum SVGNode: Sendable {
    case group(SVGGroup)
    case shape(SVGShape)
}

/// A basic shape or path converted to a path, with its resolved fill and stroke.
package struct SVGShape: Sendable {
    package var path: VectorPath
    package var transform: AffineTransform
    package var fill: FillPaint?
    package var stroke: StrokePaint?
    package var opacity: Double
    package var location: FileLocation
}

package struct FillPaint: Sendable {
    package var paint: Paint
    package var opacity: Double
    package var rule: FillRule
}

package struct StrokePaint: Sendable {
    package var paint: Paint
    package var opacity: Double
    package var geometry: StrokeGeometry
}

package enum Paint: Sendable {
    case color(RGBAColor)
    case linearGradient(LinearGradient)
}

/// Whether gradient coordinates are fractions of the shape's bounding box or user-space values.
package enum GradientUnits: String, Sendable {
    case objectBoundingBox
    case userSpaceOnUse
}

/// A `<linearGradient>` with `href` inheritance and percentages already resolved.
package struct LinearGradient: Sendable {
    package var start: Point
    package var end: Point
    package var units: GradientUnits
    package var transform: AffineTransform
    package var spread: SpreadMethod
    package var stops: [GradientStop]
}
