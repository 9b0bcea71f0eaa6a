/// PNG's five scanline filters (none, sub, up, average, Paeth) and their inverse.
enum RowFilter {
    /// Filters each row of `raw` (rows back to back, `rowBytes` each) with the type whose output
    /// has the smallest sum of absolute signed bytes, and prefixes each row with its type.
    static func filterRows(_ raw: [UInt8], rowBytes: Int, bytesPerPixel bpp: Int) -> [UInt8] {
        let rows = rowBytes > 0 ? raw.count / rowBytes : 0
        var output = [UInt8](repeating: 0, count: rows * (rowBytes + 1))
        var candidates = [UInt8](repeating: 0, count: rowBytes * 5)
        let zeros = [UInt8](repeating: 0, count: rowBytes + bpp)
        raw.withUnsafeBufferPointer { raw in
            output.withUnsafeMutableBufferPointer { output in
                candidates.withUnsafeMutableBufferPointer { candidates in
                    zeros.withUnsafeBufferPointer { zeros in
                        for row in 0..<rows {
                            let current = raw.baseAddress! + row * rowBytes
                            let above = row > 0 ? raw.baseAddress! + (row - 1) * rowBytes : zeros.baseAddress!
                            var best = 0
                            var bestScore = Int.max
                            for type in 0..<5 {
                                let score = filter(type, current, above, candidates.baseAddress! + type * rowBytes, rowBytes, bpp)
                                if score < bestScore {
                                    bestScore = score
                                    best = type
                                }
                            }
                            let destination = output.baseAddress! + row * (rowBytes + 1)
                            destination[0] = UInt8(best)
                            (destination + 1).update(from: candidates.baseAddress! + best * rowBytes, count: rowBytes)
                        }
                    }
                }
            }
        }
        return output
    }

    /// Writes one filtered row and returns its score (sum of absolute signed bytes).
    private static func filter(
        _ type: Int, _ row: UnsafePointer<UInt8>, _ above: UnsafePointer<UInt8>, _ out: UnsafeMutablePointer<UInt8>,
        _ count: Int, _ bpp: Int
    ) -> Int {
        let lead = min(bpp, count)
        switch type {
        case 0:
            for index in 0..<count { out[index] = row[index] }
        case 1:
            for index in 0..<lead { out[index] = row[index] }
            for index in lead..<count { out[index] = row[index] &- row[index - bpp] }
        case 2:
            for index in 0..<count { out[index] = row[index] &- above[index] }
        case 3:
            for index in 0..<lead { out[index] = row[index] &- above[index] >> 1 }
            for index in lead..<count {
                out[index] = row[index] &- UInt8((UInt16(row[index - bpp]) + UInt16(above[index])) >> 1)
            }
        default:
            for index in 0..<lead { out[index] = row[index] &- above[index] }
            for index in lead..<count {
                out[index] = row[index] &- predictor(4, left: row[index - bpp], up: above[index], upLeft: above[index - bpp])
            }
        }
        var score = 0
        for index in 0..<count { score += Int(Int8(bitPattern: out[index]).magnitude) }
        return score
    }

    @inline(__always)
    static func predictor(_ type: UInt8, left: UInt8, up: UInt8, upLeft: UInt8) -> UInt8 {
        switch type {
        case 1: return left
        case 2: return up
        case 3: return UInt8((Int(left) + Int(up)) / 2)
        case 4:
            let estimate = Int(left) + Int(up) - Int(upLeft)
            let distanceLeft = abs(estimate - Int(left)), distanceUp = abs(estimate - Int(up))
            let distanceUpLeft = abs(estimate - Int(upLeft))
            if distanceLeft <= distanceUp && distanceLeft <= distanceUpLeft { return left }
            return distanceUp <= distanceUpLeft ? up : upLeft
        default: return 0
        }
    }

    /// Undoes the filters in place; returns false on an unknown filter type.
    static func unfilter(_ data: inout [UInt8], rowBytes: Int, rows: Int, bytesPerPixel: Int) -> Bool {
        for row in 0..<rows {
            let base = row * (rowBytes + 1)
            let type = data[base]
            guard type <= 4 else { return false }
            for index in 0..<rowBytes {
                let position = base + 1 + index
                let left = index >= bytesPerPixel ? data[position - bytesPerPixel] : 0
                let up = row > 0 ? data[position - rowBytes - 1] : 0
                let upLeft = row > 0 && index >= bytesPerPixel ? data[position - rowBytes - 1 - bytesPerPixel] : 0
                data[position] = data[position] &+ predictor(type, left: left, up: up, upLeft: upLeft)
            }
        }
        return true
    }
}
