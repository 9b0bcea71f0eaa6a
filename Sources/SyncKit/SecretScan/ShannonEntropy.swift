import Foundation

/// Shannon entropy in bits per byte: 0 for a repeated byte, log2(n) at most for n distinct bytes.
enum ShannonEntropy {
    static func bitsPerByte<Bytes: Collection>(of bytes: Bytes) -> Double where Bytes.Element == UInt8 {
        guard !bytes.isEmpty else { return 0 }
        var counts = [Int](repeating: 0, count: 256)
        for byte in bytes {
            counts[Int(byte)] += 1
        }
        let total = Double(bytes.count)
        return counts.reduce(0.0) { sum, count in
            guard count > 0 else { return sum }
            let probability = Double(count) / total
            return sum - probability * log2(probability)
        }
    }
}
