/// One drawing command of a path in absolute coordinates. Arcs are converted to cubics when parsed.
package enum PathSegment: Sendable, Equatable {
    case move(Point)
    case line(Point)
    case quad(Point, Point)
    case cubic(Point, Point, Point)
    case close
}

/// A sequence of subpaths made of lines and Bézier curves.
package struct VectorPath: Sendable, Equatable {
    package var segments: [PathSegment] = []

    package init(segments: [PathSegment] = []) {
        self.segments = segments
    }

    package var isEmpty: Bool { segments.isEmpty }

    package mutating func move(to point: Point) { segments.append(.move(point)) }
    package mutating func line(to point: Point) { segments.append(.line(point)) }
    package mutating func quad(to point: Point, control: Point) { segments.append(.quad(control, point)) }
    package mutating func cubic(to point: Point, control1: Point, control2: Point) {
        segments.append(.cubic(control1, control2, point))
    }
    package mutating func close() { segments.append(.close) }

    /// The box around every end and control point (it holds the curve, though not always tightly).
    package var controlBounds: BoundingBox? {
        BoundingBox(enclosing: segments.lazy.flatMap { segment -> [Point] in
            switch segment {
            case .move(let p), .line(let p): [p]
            case .quad(let c, let p): [c, p]
            case .cubic(let c1, let c2, let p): [c1, c2, p]
            case .close: []
            }
        })
    }

    /// The exact box around the path's shape: the flattened outline with a fine tolerance.
    package var bounds: BoundingBox? {
        guard let rough = controlBounds else { return nil }
        let tolerance = max(rough.width, rough.height, 1e-9) * 1e-4
        return BoundingBox(enclosing: PathFlattener.flatten(self, tolerance: tolerance).lazy.flatMap(\.points))
    }
}
