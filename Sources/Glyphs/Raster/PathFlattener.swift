import Foundation

/// A subpath approximated by straight lines.
package struct Polyline: Sendable, Equatable {
    package var points: [Point]
    package var isClosed: Bool

    package init(points: [Point], isClosed: Bool) {
        self.points = points
        self.isClosed = isClosed
    }
}

/// Turns Bézier curves into line segments that stay within a distance tolerance of the true curve.
///
/// Each curve is cut into `n` equal parameter steps, with `n` taken from the bound on a Bézier's
/// second derivative, so flat curves get few segments and tight ones many.
package enum PathFlattener {
    package static func flatten(_ path: VectorPath, tolerance: Double) -> [Polyline] {
        var result: [Polyline] = []
        var current: [Point] = []
        var start = Point.zero
        var pen = Point.zero
        var drew = false

        // A subpath that is only a moveto draws nothing, not even caps; `M x y Z` is a zero-length subpath.
        func finish(closed: Bool) {
            if !current.isEmpty, drew || closed { result.append(Polyline(points: current, isClosed: closed)) }
            current = []
            drew = false
        }

        for segment in path.segments {
            switch segment {
            case .move(let point):
                finish(closed: false)
                current = [point]
                start = point
                pen = point
            case .line(let point):
                if current.isEmpty { current = [pen] }
                current.append(point)
                pen = point
                drew = true
            case .quad(let control, let end):
                if current.isEmpty { current = [pen] }
                appendQuad(from: pen, control: control, to: end, tolerance: tolerance, into: &current)
                pen = end
                drew = true
            case .cubic(let control1, let control2, let end):
                if current.isEmpty { current = [pen] }
                appendCubic(from: pen, control1, control2, to: end, tolerance: tolerance, into: &current)
                pen = end
                drew = true
            case .close:
                if current.isEmpty { current = [pen] }
                finish(closed: true)
                pen = start
            }
        }
        finish(closed: false)
        return result
    }

    static func appendQuad(from p0: Point, control p1: Point, to p2: Point, tolerance: Double, into points: inout [Point]) {
        let second = (p0 - p1 * 2 + p2).length
        let steps = stepCount(errorNumerator: second / 4, tolerance: tolerance)
        for step in 1...steps {
            let t = Double(step) / Double(steps)
            let u = 1 - t
            points.append(p0 * (u * u) + p1 * (2 * u * t) + p2 * (t * t))
        }
    }

    static func appendCubic(from p0: Point, _ p1: Point, _ p2: Point, to p3: Point, tolerance: Double, into points: inout [Point]) {
        let second = max((p0 - p1 * 2 + p2).length, (p1 - p2 * 2 + p3).length)
        let steps = stepCount(errorNumerator: second * 0.75, tolerance: tolerance)
        for step in 1...steps {
            let t = Double(step) / Double(steps)
            let u = 1 - t
            let a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t
            points.append(Point(
                a * p0.x + b * p1.x + c * p2.x + d * p3.x,
                a * p0.y + b * p1.y + c * p2.y + d * p3.y
            ))
        }
    }

    /// The number of equal steps whose chord error `numerator / n²` stays under the tolerance.
    private static func stepCount(errorNumerator: Double, tolerance: Double) -> Int {
        guard errorNumerator > 0, tolerance > 0 else { return 1 }
        let steps = (errorNumerator / tolerance).squareRoot().rounded(.up)
        return Int(min(max(steps, 1), 10_000))
    }
}
