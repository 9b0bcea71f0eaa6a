/// Coverage by 4×4 supersampling, the scheme resvg's renderer uses, so edges come out the same:
/// each pixel row is cut into four sub-scanlines sampled at their centres, edge crossings are
/// stepped in 16.16 fixed point from end points held in 1/64 of a quarter pixel and rounded to a
/// quarter pixel, the fill rule picks the covered spans from the sorted crossings, and each span
/// adds 16 per covered quarter (a full pixel adds up to 255).
enum SupersampledRasterizer {
    static let scale = 4

    static func rasterize(_ polygons: [[Point]], rule: FillRule, left: Int, top: Int, width: Int, height: Int) -> [Float] {
        let subRows = height * scale
        let limit = width * scale
        var counts = [Int32](repeating: 0, count: subRows + 1)
        var edges: [FixedEdge] = []
        for polygon in polygons where polygon.count > 1 {
            var previous = polygon[polygon.count - 1]
            for point in polygon {
                if let edge = FixedEdge(from: previous, to: point, left: left, top: top) {
                    let first = max(0, edge.firstRow), last = min(subRows, edge.endRow)
                    if first < last {
                        edges.append(edge)
                        for row in first..<last { counts[row] += 1 }
                    }
                }
                previous = point
            }
        }
        var offsets = [Int](repeating: 0, count: subRows + 1)
        for row in 0..<subRows { offsets[row + 1] = offsets[row] + Int(counts[row]) }
        var fill = offsets
        var crossingX = [Int32](repeating: 0, count: offsets[subRows])
        var crossingDirection = [Int8](repeating: 0, count: offsets[subRows])
        for edge in edges {
            var x = edge.x
            for row in edge.firstRow..<min(subRows, edge.endRow) {
                if row >= 0 {
                    let rounded = (x + 0x8000) >> 16
                    crossingX[fill[row]] = Int32(min(max(rounded, 0), limit))
                    crossingDirection[fill[row]] = edge.direction
                    fill[row] += 1
                }
                x += edge.slope
            }
        }

        // Per row: partial coverage per pixel, plus full-pixel runs kept as differences (O(1) per span).
        var alpha = [Int32](repeating: 0, count: width + 1)
        var runs = [Int32](repeating: 0, count: width + 1)
        var coverage = [Float](repeating: 0, count: width * height)
        var order: [(x: Int32, direction: Int8)] = []
        for row in 0..<height {
            var touched = false
            for sub in 0..<scale {
                let subRow = row * scale + sub
                let range = offsets[subRow]..<offsets[subRow + 1]
                if range.isEmpty { continue }
                touched = true
                order.removeAll(keepingCapacity: true)
                for index in range { order.append((crossingX[index], crossingDirection[index])) }
                insertionSort(&order)
                let fullPixel: Int32 = sub == scale - 1 ? 63 : 64
                var winding = 0
                var spanStart: Int32 = 0
                for crossing in order {
                    let wasInside = rule == .nonZero ? winding != 0 : winding & 1 != 0
                    winding += Int(crossing.direction)
                    let isInside = rule == .nonZero ? winding != 0 : winding & 1 != 0
                    if !wasInside && isInside {
                        spanStart = crossing.x
                    } else if wasInside && !isInside {
                        addSpan(from: Int(spanStart), to: Int(crossing.x), fullPixel: fullPixel, alpha: &alpha, runs: &runs)
                    }
                }
            }
            guard touched else { continue }
            let base = row * width
            var run: Int32 = 0
            for column in 0..<width {
                run += runs[column]
                let total = alpha[column] + run
                if total > 0 { coverage[base + column] = Float(min(total, 255)) / 255 }
                alpha[column] = 0
                runs[column] = 0
            }
            runs[width] = 0
            alpha[width] = 0
        }
        return coverage
    }

    /// Crossings per sub-scanline are few and often nearly sorted already.
    private static func insertionSort(_ items: inout [(x: Int32, direction: Int8)]) {
        guard items.count > 1 else { return }
        for index in 1..<items.count {
            let item = items[index]
            var position = index
            while position > 0, items[position - 1].x > item.x {
                items[position] = items[position - 1]
                position -= 1
            }
            items[position] = item
        }
    }

    private static func addSpan(from start: Int, to end: Int, fullPixel: Int32, alpha: inout [Int32], runs: inout [Int32]) {
        guard start < end else { return }
        let firstPixel = start >> 2, lastPixel = end >> 2
        let startFraction = Int32(start & 3), endFraction = Int32(end & 3)
        if firstPixel == lastPixel {
            alpha[firstPixel] += (endFraction - startFraction) * 16
            return
        }
        alpha[firstPixel] += startFraction == 0 ? fullPixel : (4 - startFraction) * 16
        if lastPixel > firstPixel + 1 {
            runs[firstPixel + 1] += fullPixel
            runs[lastPixel] -= fullPixel
        }
        if endFraction > 0 { alpha[lastPixel] += endFraction * 16 }
    }
}

/// A polygon edge in the rasterizer's fixed-point form: its first sub-scanline, the x crossing
/// there (16.16, in quarter pixels) and the step per sub-scanline.
private struct FixedEdge {
    let firstRow: Int
    let endRow: Int
    let x: Int
    let slope: Int
    let direction: Int8

    /// End points are truncated to 1/256 pixel (1/64 of a quarter pixel); rows are the
    /// sub-scanlines whose centres lie between the rounded end points.
    init?(from start: Point, to end: Point, left: Int, top: Int) {
        func fixed(_ value: Double, origin: Int) -> Int {
            Int(max(min(value * 256, 2e9), -2e9)) - origin * 256
        }
        var x0 = fixed(start.x, origin: left), y0 = fixed(start.y, origin: top)
        var x1 = fixed(end.x, origin: left), y1 = fixed(end.y, origin: top)
        var direction: Int8 = 1
        if y0 > y1 {
            swap(&x0, &x1)
            swap(&y0, &y1)
            direction = -1
        }
        let firstRow = (y0 + 32) >> 6
        let endRow = (y1 + 32) >> 6
        guard firstRow != endRow else { return nil }
        let slope = ((x1 - x0) << 16) / (y1 - y0)
        let dy = (firstRow << 6) + 32 - y0
        self.firstRow = firstRow
        self.endRow = endRow
        self.x = (x0 + ((slope * dy) >> 16)) << 10
        self.slope = slope
        self.direction = direction
    }
}
