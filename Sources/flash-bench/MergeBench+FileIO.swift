#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads and writes through the C library.
enum MergeBenchFileIO {
    static func read(_ path: String) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw MergeBenchError.unreadable(path: path, reason: lastError()) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw MergeBenchError.unreadable(path: path, reason: lastError())
        }
        var failure: MergeBenchError?
        let bytes = [UInt8](unsafeUninitializedCapacity: Int(status.st_size)) { buffer, filled in
            filled = 0
            while filled < buffer.count {
                let count = Glibc.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
                if count < 0 { failure = .unreadable(path: path, reason: lastError()) }
                if count <= 0 { break }
                filled += count
            }
        }
        if let failure { throw failure }
        return bytes
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw MergeBenchError.unwritable(path: path, reason: lastError()) }
        defer { close(descriptor) }
        try write(bytes, to: descriptor, named: path)
    }

    static func writeToStandardOutput(_ bytes: [UInt8]) throws {
        try write(bytes, to: STDOUT_FILENO, named: "standard output")
    }

    private static func write(_ bytes: [UInt8], to descriptor: Int32, named path: String) throws {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
            }
            if count <= 0 { throw MergeBenchError.unwritable(path: path, reason: lastError()) }
            written += count
        }
    }

    private static func lastError() -> String {
        String(cString: strerror(errno))
    }
}
