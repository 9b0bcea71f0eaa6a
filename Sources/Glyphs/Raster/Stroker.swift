import Foundation

/// Builds the outline of a stroke as a set of polygons whose nonzero union is the stroked area.
///
/// Every segment becomes a quadrilateral, every corner a join piece (miter quadrilateral, bevel
/// triangle or round disc) and every open end a cap. All pieces are turned the same way round, so
/// filling them together with the nonzero rule gives their union without seams.
package enum Stroker {
    /// - Parameter tolerance: the largest distance allowed between a round join or cap and its polygon.
    package static func outline(of polylines: [Polyline], style: StrokeGeometry, tolerance: Double) -> [[Point]] {
        let halfWidth = style.width / 2
        guard halfWidth > 0 else { return [] }
        var pieces: [[Point]] = []
        for polyline in polylines {
            strokePolyline(polyline, halfWidth: halfWidth, style: style, tolerance: tolerance, into: &pieces)
        }
        return pieces.map(orientedPositively)
    }

    private static func strokePolyline(
        _ polyline: Polyline, halfWidth: Double, style: StrokeGeometry, tolerance: Double, into pieces: inout [[Point]]
    ) {
        var points: [Point] = []
        for point in polyline.points where points.last.map({ ($0 - point).length > 1e-9 }) ?? true {
            points.append(point)
        }
        if polyline.isClosed, points.count > 1, (points[0] - points[points.count - 1]).length <= 1e-9 {
            points.removeLast()
        }
        guard points.count > 1 else {
            if let dot = points.first { pieces += zeroLengthCap(at: dot, halfWidth: halfWidth, cap: style.cap, tolerance: tolerance) }
            return
        }

        let segmentCount = polyline.isClosed ? points.count : points.count - 1
        for index in 0..<segmentCount {
            let from = points[index], to = points[(index + 1) % points.count]
            let normal = (to - from).normalized.perpendicular * halfWidth
            pieces.append([from + normal, to + normal, to - normal, from - normal])
        }

        let corners = polyline.isClosed ? Array(0..<points.count) : Array(1..<(points.count - 1))
        for index in corners {
            let previous = points[(index + points.count - 1) % points.count]
            let next = points[(index + 1) % points.count]
            if let join = joinPiece(at: points[index], incoming: (points[index] - previous).normalized,
                                    outgoing: (next - points[index]).normalized, halfWidth: halfWidth,
                                    style: style, tolerance: tolerance) {
                pieces.append(join)
            }
        }

        if !polyline.isClosed {
            let first = points[0], last = points[points.count - 1]
            if let cap = capPiece(at: first, outward: (first - points[1]).normalized, halfWidth: halfWidth, cap: style.cap, tolerance: tolerance) {
                pieces.append(cap)
            }
            if let cap = capPiece(at: last, outward: (last - points[points.count - 2]).normalized, halfWidth: halfWidth, cap: style.cap, tolerance: tolerance) {
                pieces.append(cap)
            }
        }
    }

    private static func joinPiece(
        at corner: Point, incoming: Point, outgoing: Point, halfWidth: Double, style: StrokeGeometry, tolerance: Double
    ) -> [Point]? {
        let turn = incoming.cross(outgoing)
        let cosine = incoming.dot(outgoing)
        if abs(turn) < 1e-12 && cosine > 0 { return nil }
        let side: Double = turn > 0 ? -1 : 1
        let outerIn = corner + incoming.perpendicular * (halfWidth * side)
        let outerOut = corner + outgoing.perpendicular * (halfWidth * side)

        // Nearly straight corners (curve flattening) are joined by their miter, which is the smooth offset.
        let join = cosine > 0.99 ? LineJoin.miter : style.join
        switch join {
        case .round:
            return circle(center: corner, radius: halfWidth, tolerance: tolerance)
        case .bevel:
            return [corner, outerIn, outerOut]
        case .miter:
            let ratio = 1 / max((1 + cosine) / 2, 0).squareRoot()
            if cosine <= 0.99, !(ratio <= style.miterLimit) { return [corner, outerIn, outerOut] }
            let bisector = (incoming.perpendicular + outgoing.perpendicular).normalized * side
            let tip = corner + bisector * (halfWidth * ratio)
            return [corner, outerIn, tip, outerOut]
        }
    }

    private static func capPiece(at end: Point, outward: Point, halfWidth: Double, cap: LineCap, tolerance: Double) -> [Point]? {
        let normal = outward.perpendicular * halfWidth
        switch cap {
        case .butt:
            return nil
        case .square:
            let ahead = outward * halfWidth
            return [end + normal, end + normal + ahead, end - normal + ahead, end - normal]
        case .round:
            return circle(center: end, radius: halfWidth, tolerance: tolerance)
        }
    }

    /// A zero-length subpath draws a dot for round and square caps, as SVG asks.
    private static func zeroLengthCap(at point: Point, halfWidth: Double, cap: LineCap, tolerance: Double) -> [[Point]] {
        switch cap {
        case .butt:
            return []
        case .round:
            return [circle(center: point, radius: halfWidth, tolerance: tolerance)]
        case .square:
            return [[point + Point(-halfWidth, -halfWidth), point + Point(halfWidth, -halfWidth),
                     point + Point(halfWidth, halfWidth), point + Point(-halfWidth, halfWidth)]]
        }
    }

    package static func circle(center: Point, radius: Double, tolerance: Double) -> [Point] {
        let ratio = max(0, min(1, 1 - tolerance / radius))
        let perStep = acos(ratio) * 2
        let steps = perStep > 0 ? Int(min(max((2 * .pi / perStep).rounded(.up), 8), 1024)) : 8
        return (0..<steps).map { step in
            let angle = Double(step) / Double(steps) * 2 * .pi
            return Point(center.x + radius * cos(angle), center.y + radius * sin(angle))
        }
    }

    private static func orientedPositively(_ polygon: [Point]) -> [Point] {
        var area = 0.0
        for index in polygon.indices {
            area += polygon[index].cross(polygon[(index + 1) % polygon.count])
        }
        return area < 0 ? polygon.reversed() : polygon
    }
}
