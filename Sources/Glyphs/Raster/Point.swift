/// A point or vector in a two-dimensional coordinate space.
package struct Point: Sendable, Equatable {
    package var x: Double
    package var y: Double

    package init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }

    package static let zero = Point(0, 0)

    package static func + (lhs: Point, rhs: Point) -> Point { Point(lhs.x + rhs.x, lhs.y + rhs.y) }
    package static func - (lhs: Point, rhs: Point) -> Point { Point(lhs.x - rhs.x, lhs.y - rhs.y) }
    package static func * (lhs: Point, rhs: Double) -> Point { Point(lhs.x * rhs, lhs.y * rhs) }
    package static prefix func - (point: Point) -> Point { Point(-point.x, -point.y) }

    package var length: Double { (x * x + y * y).squareRoot() }

    /// The vector of length one in the same direction, or zero for a zero vector.
    package var normalized: Point {
        let length = self.length
        return length > 0 ? Point(x / length, y / length) : .zero
    }

    /// The vector turned a quarter turn (from +x towards +y).
    package var perpendicular: Point { Point(-y, x) }

    package func dot(_ other: Point) -> Double { x * other.x + y * other.y }
    package func cross(_ other: Point) -> Double { x * other.y - y * other.x }

    package func lerp(to other: Point, _ t: Double) -> Point {
        Point(x + (other.x - x) * t, y + (other.y - y) * t)
    }
}

/// An axis-aligned rectangle given by its minimum and maximum corners.
package struct BoundingBox: Sendable, Equatable {
    package var minX: Double
    package var minY: Double
    package var maxX: Double
    package var maxY: Double

    package init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    package var width: Double { maxX - minX }
    package var height: Double { maxY - minY }

    /// The smallest box holding every point, or nil when there are none.
    package init?(enclosing points: some Sequence<Point>) {
        var iterator = points.makeIterator()
        guard let first = iterator.next() else { return nil }
        var box = BoundingBox(minX: first.x, minY: first.y, maxX: first.x, maxY: first.y)
        while let point = iterator.next() {
            box.minX = min(box.minX, point.x)
            box.minY = min(box.minY, point.y)
            box.maxX = max(box.maxX, point.x)
            box.maxY = max(box.maxY, point.y)
        }
        self = box
    }
}
