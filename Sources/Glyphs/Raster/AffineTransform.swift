import Foundation

/// A 2-D affine transform `[a c e; b d f; 0 0 1]`, in the order SVG's `matrix(a b c d e f)` uses.
package struct AffineTransform: Sendable, Equatable {
    package var a: Double, b: Double, c: Double, d: Double, e: Double, f: Double

    package init(a: Double, b: Double, c: Double, d: Double, e: Double, f: Double) {
        self.a = a
        self.b = b
        self.c = c
        self.d = d
        self.e = e
        self.f = f
    }

    package static let identity = AffineTransform(a: 1, b: 0, c: 0, d: 1, e: 0, f: 0)

    package static func translation(_ x: Double, _ y: Double) -> AffineTransform {
        AffineTransform(a: 1, b: 0, c: 0, d: 1, e: x, f: y)
    }

    package static func scale(_ x: Double, _ y: Double) -> AffineTransform {
        AffineTransform(a: x, b: 0, c: 0, d: y, e: 0, f: 0)
    }

    /// A rotation by `degrees`, turning +x towards +y.
    package static func rotation(degrees: Double) -> AffineTransform {
        let radians = degrees * .pi / 180
        let cosine = cos(radians), sine = sin(radians)
        return AffineTransform(a: cosine, b: sine, c: -sine, d: cosine, e: 0, f: 0)
    }

    package static func skewX(degrees: Double) -> AffineTransform {
        AffineTransform(a: 1, b: 0, c: tan(degrees * .pi / 180), d: 1, e: 0, f: 0)
    }

    package static func skewY(degrees: Double) -> AffineTransform {
        AffineTransform(a: 1, b: tan(degrees * .pi / 180), c: 0, d: 1, e: 0, f: 0)
    }

    /// The transform that applies `other` first and then `self` (`self × other`).
    package func concatenating(_ other: AffineTransform) -> AffineTransform {
        AffineTransform(
            a: a * other.a + c * other.b,
            b: b * other.a + d * other.b,
            c: a * other.c + c * other.d,
            d: b * other.c + d * other.d,
            e: a * other.e + c * other.f + e,
            f: b * other.e + d * other.f + f
        )
    }

    package func apply(_ point: Point) -> Point {
        Point(a * point.x + c * point.y + e, b * point.x + d * point.y + f)
    }

    package var determinant: Double { a * d - b * c }

    /// The inverse, or nil when the transform collapses the plane onto a line or a point.
    package var inverted: AffineTransform? {
        let det = determinant
        guard det != 0, det.isFinite else { return nil }
        return AffineTransform(
            a: d / det, b: -b / det, c: -c / det, d: a / det,
            e: (c * f - d * e) / det, f: (b * e - a * f) / det
        )
    }

    /// The largest factor by which the transform stretches a length (an upper bound, exact for similarities).
    package var maximumScale: Double {
        max((a * a + b * b).squareRoot(), (c * c + d * d).squareRoot())
    }
}
