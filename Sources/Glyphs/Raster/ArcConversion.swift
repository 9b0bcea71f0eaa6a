import Foundation

/// Converts an SVG elliptical arc (endpoint form) into cubic Béziers, following the SVG
/// implementation notes: out-of-range radii are scaled up, then the arc is split into pieces of
/// at most a quarter turn, each drawn with the usual `4/3·tan(θ/4)` handle length.
package enum ArcConversion {
    package static func appendArc(
        to path: inout VectorPath, from start: Point, radiusX: Double, radiusY: Double,
        rotationDegrees: Double, largeArc: Bool, sweep: Bool, end: Point
    ) {
        if start == end { return }
        var rx = abs(radiusX), ry = abs(radiusY)
        if rx == 0 || ry == 0 {
            path.line(to: end)
            return
        }
        let phi = rotationDegrees * .pi / 180
        let cosPhi = cos(phi), sinPhi = sin(phi)
        let halfDx = (start.x - end.x) / 2, halfDy = (start.y - end.y) / 2
        let x1 = cosPhi * halfDx + sinPhi * halfDy
        let y1 = -sinPhi * halfDx + cosPhi * halfDy

        let lambda = (x1 * x1) / (rx * rx) + (y1 * y1) / (ry * ry)
        if lambda > 1 {
            let factor = lambda.squareRoot()
            rx *= factor
            ry *= factor
        }
        let numerator = rx * rx * ry * ry - rx * rx * y1 * y1 - ry * ry * x1 * x1
        let denominator = rx * rx * y1 * y1 + ry * ry * x1 * x1
        var coefficient = denominator > 0 ? (max(numerator, 0) / denominator).squareRoot() : 0
        if largeArc == sweep { coefficient = -coefficient }
        let cxPrime = coefficient * rx * y1 / ry
        let cyPrime = -coefficient * ry * x1 / rx
        let center = Point(
            cosPhi * cxPrime - sinPhi * cyPrime + (start.x + end.x) / 2,
            sinPhi * cxPrime + cosPhi * cyPrime + (start.y + end.y) / 2
        )

        let startAngle = atan2((y1 - cyPrime) / ry, (x1 - cxPrime) / rx)
        let endAngle = atan2((-y1 - cyPrime) / ry, (-x1 - cxPrime) / rx)
        var delta = endAngle - startAngle
        if sweep && delta < 0 { delta += 2 * .pi }
        if !sweep && delta > 0 { delta -= 2 * .pi }

        let pieces = max(1, Int((abs(delta) / (.pi / 2) - 1e-9).rounded(.up)))
        let step = delta / Double(pieces)
        let handle = 4.0 / 3.0 * tan(step / 4)

        func pointOnEllipse(_ angle: Double) -> Point {
            let x = rx * cos(angle), y = ry * sin(angle)
            return Point(cosPhi * x - sinPhi * y + center.x, sinPhi * x + cosPhi * y + center.y)
        }
        func derivative(_ angle: Double) -> Point {
            let x = -rx * sin(angle), y = ry * cos(angle)
            return Point(cosPhi * x - sinPhi * y, sinPhi * x + cosPhi * y)
        }

        var angle = startAngle
        var from = start
        for piece in 0..<pieces {
            let next = angle + step
            let to = piece == pieces - 1 ? end : pointOnEllipse(next)
            path.cubic(to: to, control1: from + derivative(angle) * handle, control2: to - derivative(next) * handle)
            angle = next
            from = to
        }
    }
}
