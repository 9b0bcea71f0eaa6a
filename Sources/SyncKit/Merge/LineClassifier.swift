#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Gives every distinct line (its exact bytes, terminator included) a small integer, shared by all
/// the files classified together, so the diff compares integers instead of bytes.
///
/// Also counts how often each class occurs in each file: the diff's pre-pass needs those counts to
/// decide which lines cannot match at all and which match too often to be worth matching.
struct LineClassifier {
    /// Class of each line of the base, then of each other file, in the order given.
    let classesByFile: [[Int32]]
    /// Occurrences of each class, per file, in the same order.
    let countsByFile: [[Int32]]

    /// Classifies the base's lines, then each other file's. Lines of the other files are first
    /// compared with the base line that would follow the previous match (edits are usually
    /// scattered, so most lines match that way without hashing); others go through the hash table.
    init(base: (bytes: UnsafeBufferPointer<UInt8>, lines: LineIndex),
         others: [(bytes: UnsafeBufferPointer<UInt8>, lines: LineIndex)]) {
        let totalLines = others.reduce(base.lines.lineCount) { $0 + $1.lines.lineCount }
        var table = ClassTable(expectedLineCount: totalLines)
        defer { table.deallocate() }

        let baseCount = base.lines.lineCount
        var baseClasses = [Int32](repeating: 0, count: baseCount)
        // For classes that occur once in the base: that line's number; -1 for the others.
        var uniqueBaseLine = [Int32](repeating: -1, count: baseCount)
        var baseOccurrences = [Int32](repeating: 0, count: baseCount)
        if let bytes = base.bytes.baseAddress {
            base.lines.starts.withUnsafeBufferPointer { starts in
                for line in 0..<baseCount {
                    let lineClass = Int(table.classOf(bytes + starts[line], count: starts[line + 1] - starts[line]))
                    baseClasses[line] = Int32(lineClass)
                    baseOccurrences[lineClass] += 1
                    uniqueBaseLine[lineClass] = baseOccurrences[lineClass] == 1 ? Int32(line) : -1
                }
            }
        }

        var otherClasses: [[Int32]] = []
        for file in others {
            var classes = [Int32](repeating: 0, count: file.lines.lineCount)
            if let bytes = file.bytes.baseAddress {
                base.lines.starts.withUnsafeBufferPointer { baseStarts in
                    file.lines.starts.withUnsafeBufferPointer { starts in
                        classes.withUnsafeMutableBufferPointer { classes in
                            var predicted = 0
                            for line in 0..<classes.count {
                                let start = starts[line]
                                let count = starts[line + 1] - start
                                if predicted < baseCount, baseStarts[predicted + 1] - baseStarts[predicted] == count,
                                   memcmp(base.bytes.baseAddress! + baseStarts[predicted], bytes + start, count) == 0 {
                                    classes[line] = baseClasses[predicted]
                                    predicted += 1
                                    continue
                                }
                                let lineClass = table.classOf(bytes + start, count: count)
                                classes[line] = lineClass
                                if Int(lineClass) < baseCount, uniqueBaseLine[Int(lineClass)] >= 0 {
                                    predicted = Int(uniqueBaseLine[Int(lineClass)]) + 1
                                }
                            }
                        }
                    }
                }
            }
            otherClasses.append(classes)
        }
        classesByFile = [baseClasses] + otherClasses

        let classCount = table.classCount
        countsByFile = classesByFile.map { classes in
            var counts = [Int32](repeating: 0, count: classCount)
            counts.withUnsafeMutableBufferPointer { counts in
                for lineClass in classes { counts[Int(lineClass)] &+= 1 }
            }
            return counts
        }
    }
}

/// An open-addressing hash table from line bytes to class numbers. Each slot packs the upper 32
/// bits of the line's hash with its class number plus one (zero marks an empty slot), so most
/// probes touch a single word; the bytes are compared only when those hash bits agree.
private struct ClassTable {
    private let slots: UnsafeMutablePointer<UInt64>
    private let mask: Int
    /// First occurrence of each class: where its bytes are and how many there are.
    private var representatives: UnsafeMutablePointer<UnsafePointer<UInt8>>
    private var lengths: UnsafeMutablePointer<Int>
    private(set) var classCount = 0

    init(expectedLineCount: Int) {
        var capacity = 64
        while capacity < expectedLineCount * 2 { capacity <<= 1 }
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: 0, count: capacity)
        mask = capacity - 1
        representatives = .allocate(capacity: max(expectedLineCount, 1))
        lengths = .allocate(capacity: max(expectedLineCount, 1))
    }

    func deallocate() {
        slots.deallocate()
        representatives.deallocate()
        lengths.deallocate()
    }

    @inline(__always)
    mutating func classOf(_ bytes: UnsafePointer<UInt8>, count: Int) -> Int32 {
        let hash = LineHash.of(bytes, count: count)
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            if entry & 0xFFFF_FFFF_0000_0000 == tag {
                let candidate = Int(entry & 0xFFFF_FFFF) - 1
                if lengths[candidate] == count && (count == 0 || memcmp(representatives[candidate], bytes, count) == 0) {
                    return Int32(truncatingIfNeeded: candidate)
                }
            }
            slot = (slot + 1) & mask
        }
        let newClass = classCount
        classCount += 1
        representatives[newClass] = bytes
        lengths[newClass] = count
        slots[slot] = tag | UInt64(newClass + 1)
        return Int32(truncatingIfNeeded: newClass)
    }
}

/// A fast 64-bit hash of a line's bytes, eight bytes at a time.
enum LineHash {
    @inline(__always)
    static func of(_ bytes: UnsafePointer<UInt8>, count: Int) -> UInt64 {
        let raw = UnsafeRawPointer(bytes)
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: count)
        var offset = 0
        while offset + 8 <= count {
            hash = mix(hash, raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        if offset < count {
            // The last eight bytes (overlapping what came before), or the whole of a short line.
            var tail: UInt64 = 0
            if count >= 8 {
                tail = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            } else {
                for index in 0..<count { tail |= UInt64(bytes[index]) << UInt64(8 * index) }
            }
            hash = mix(hash, tail)
        }
        hash ^= hash >> 33
        hash &*= 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        return hash
    }

    @inline(__always)
    private static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let product = (hash ^ word).multipliedFullWidth(by: 0x9FB2_1C65_1E98_DF25)
        return product.high ^ product.low
    }
}
