/// Flattens a path for filling, in device space, with the segment counts resvg's renderer uses,
/// so curve edges land on the same quarter-pixel samples:
///
/// - curves are first split where they turn vertically (y extrema), so each piece runs one way;
/// - each piece gets `2^n` equal parameter steps, where `n` grows with how far the control points
///   stand off the chord, measured in 1/64 of a quarter pixel: `n = ⌊(bits(d) + 1) / 2⌋` with
///   `d = (max + min/2 + 16) / 32` of the x and y offsets; cubics get one step more; n ≤ 6.
///
/// Offsets are estimated as the quadratic's `(2·p1 − p0 − p2)/4` and, for cubics, the distance of
/// the curve at t = ⅓ and ⅔ from the control points, `(8a − 15b + 6c + d)·19/512`.
package enum DeviceFlattener {
    package static func polygons(of path: VectorPath, transform: AffineTransform) -> [[Point]] {
        var result: [[Point]] = []
        var current: [Point] = []
        var start = Point.zero
        var pen = Point.zero
        func finish() {
            if current.count > 1 { result.append(current) }
            current = []
        }
        for segment in path.segments {
            switch segment {
            case .move(let point):
                finish()
                pen = transform.apply(point)
                start = pen
                current = [pen]
            case .line(let point):
                if current.isEmpty { current = [pen] }
                pen = transform.apply(point)
                current.append(pen)
            case .quad(let control, let end):
                if current.isEmpty { current = [pen] }
                let points = [pen, transform.apply(control), transform.apply(end)]
                for piece in splitQuadAtVerticalTurn(points) {
                    appendSteps(of: piece, count: quadSteps(piece), into: &current)
                }
                pen = points[2]
            case .cubic(let control1, let control2, let end):
                if current.isEmpty { current = [pen] }
                let points = [pen, transform.apply(control1), transform.apply(control2), transform.apply(end)]
                for piece in splitCubicAtVerticalTurns(points) {
                    appendSteps(of: piece, count: cubicSteps(piece), into: &current)
                }
                pen = points[3]
            case .close:
                finish()
                pen = start
            }
        }
        finish()
        return result
    }

    /// Coordinates in 1/64 of a quarter pixel, truncated like the reference renderer's fixed point.
    private static func fixed(_ value: Double) -> Int {
        Int(max(min(value * 256, 2e9), -2e9))
    }

    private static func shift(dx: Int, dy: Int) -> Int {
        let (x, y) = (abs(dx), abs(dy))
        let distance = ((x > y ? x + y >> 1 : y + x >> 1) + 16) >> 5
        return (Int.bitWidth - distance.leadingZeroBitCount) >> 1
    }

    private static func quadSteps(_ p: [Point]) -> Int {
        let dx = (fixed(p[1].x) * 2 - fixed(p[0].x) - fixed(p[2].x)) >> 2
        let dy = (fixed(p[1].y) * 2 - fixed(p[0].y) - fixed(p[2].y)) >> 2
        return 1 << min(max(shift(dx: dx, dy: dy), 1), 6)
    }

    private static func cubicSteps(_ p: [Point]) -> Int {
        func offset(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> Int {
            max(abs(((a * 8 - b * 15 + 6 * c + d) * 19) >> 9), abs(((a + 6 * b - c * 15 + d * 8) * 19) >> 9))
        }
        let dx = offset(fixed(p[0].x), fixed(p[1].x), fixed(p[2].x), fixed(p[3].x))
        let dy = offset(fixed(p[0].y), fixed(p[1].y), fixed(p[2].y), fixed(p[3].y))
        return 1 << min(shift(dx: dx, dy: dy) + 1, 6)
    }

    private static func appendSteps(of p: [Point], count: Int, into points: inout [Point]) {
        for step in 1...count {
            let t = Double(step) / Double(count)
            let u = 1 - t
            if p.count == 3 {
                points.append(p[0] * (u * u) + p[1] * (2 * u * t) + p[2] * (t * t))
            } else {
                points.append(p[0] * (u * u * u) + p[1] * (3 * u * u * t) + p[2] * (3 * u * t * t) + p[3] * (t * t * t))
            }
        }
    }

    private static func splitQuadAtVerticalTurn(_ p: [Point]) -> [[Point]] {
        let denominator = p[0].y - 2 * p[1].y + p[2].y
        guard denominator != 0 else { return [p] }
        let t = (p[0].y - p[1].y) / denominator
        guard t > 0, t < 1 else { return [p] }
        let a = p[0].lerp(to: p[1], t), b = p[1].lerp(to: p[2], t)
        let middle = a.lerp(to: b, t)
        return [[p[0], a, middle], [middle, b, p[2]]]
    }

    private static func splitCubicAtVerticalTurns(_ p: [Point]) -> [[Point]] {
        // dy/dt ∝ a t² + b t + c
        let a = -p[0].y + 3 * p[1].y - 3 * p[2].y + p[3].y
        let b = 2 * (p[0].y - 2 * p[1].y + p[2].y)
        let c = p[1].y - p[0].y
        var roots: [Double] = []
        if abs(a) < 1e-12 {
            if b != 0 { roots = [-c / b] }
        } else {
            let discriminant = b * b - 4 * a * c
            if discriminant >= 0 {
                let root = discriminant.squareRoot()
                roots = [(-b - root) / (2 * a), (-b + root) / (2 * a)]
            }
        }
        roots = roots.filter { $0 > 1e-9 && $0 < 1 - 1e-9 }.sorted()
        var pieces: [[Point]] = []
        var rest = p
        var consumed = 0.0
        for root in roots {
            let local = (root - consumed) / (1 - consumed)
            guard local > 1e-9, local < 1 - 1e-9 else { continue }
            let (first, second) = splitCubic(rest, at: local)
            pieces.append(first)
            rest = second
            consumed = root
        }
        pieces.append(rest)
        return pieces
    }

    private static func splitCubic(_ p: [Point], at t: Double) -> ([Point], [Point]) {
        let ab = p[0].lerp(to: p[1], t), bc = p[1].lerp(to: p[2], t), cd = p[2].lerp(to: p[3], t)
        let abc = ab.lerp(to: bc, t), bcd = bc.lerp(to: cd, t)
        let middle = abc.lerp(to: bcd, t)
        return ([p[0], ab, abc, middle], [middle, bcd, cd, p[3]])
    }
}
