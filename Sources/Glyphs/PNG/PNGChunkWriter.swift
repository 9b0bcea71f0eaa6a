import CZlib

/// Appends PNG chunks (length, type, data, CRC-32 over type and data) to a byte buffer.
struct PNGChunkWriter {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    private(set) var bytes: [UInt8] = PNGChunkWriter.signature

    mutating func append(_ type: String, _ data: [UInt8]) {
        let typeBytes = Array(type.utf8)
        appendBigEndian(UInt32(data.count))
        bytes += typeBytes
        bytes += data
        appendBigEndian(Self.crc(typeBytes + data))
    }

    private mutating func appendBigEndian(_ value: UInt32) {
        bytes += [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }

    static func crc(_ data: [UInt8]) -> UInt32 {
        data.withUnsafeBufferPointer { buffer in
            UInt32(crc32(0, buffer.baseAddress, uInt(buffer.count)))
        }
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}

/// zlib streams through the system zlib.
enum ZlibCodec {
    static func compress(_ data: [UInt8], level: Int32) throws(PNGError) -> [UInt8] {
        var length = compressBound(uLong(data.count))
        var output = [UInt8](repeating: 0, count: Int(length))
        let status = output.withUnsafeMutableBufferPointer { destination in
            data.withUnsafeBufferPointer { source in
                compress2(destination.baseAddress, &length, source.baseAddress, uLong(source.count), level)
            }
        }
        guard status == Z_OK else { throw .compressionFailed(code: status) }
        return Array(output.prefix(Int(length)))
    }

    /// Inflates a stream whose decompressed size is known; nil when the data is not exactly that.
    static func decompress(_ data: [UInt8], expectedSize: Int) -> [UInt8]? {
        var length = uLongf(expectedSize)
        var output = [UInt8](repeating: 0, count: expectedSize)
        let status = output.withUnsafeMutableBufferPointer { destination in
            data.withUnsafeBufferPointer { source in
                uncompress(destination.baseAddress, &length, source.baseAddress, uLong(source.count))
            }
        }
        guard status == Z_OK, Int(length) == expectedSize else { return nil }
        return output
    }
}
