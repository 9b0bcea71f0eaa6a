/// How the corners of a stroked path are drawn (`stroke-linejoin`).
package enum LineJoin: String, Sendable, CaseIterable {
    case miter, round, bevel
}

/// How the open ends of a stroked path are drawn (`stroke-linecap`).
package enum LineCap: String, Sendable, CaseIterable {
    case butt, round, square
}

/// The geometry of a stroke, in user-space units.
package struct StrokeGeometry: Sendable, Equatable {
    package var width: Double
    package var join: LineJoin
    package var cap: LineCap
    package var miterLimit: Double

    package init(width: Double = 1, join: LineJoin = .miter, cap: LineCap = .butt, miterLimit: Double = 4) {
        self.width = width
        self.join = join
        self.cap = cap
        self.miterLimit = miterLimit
    }
}
