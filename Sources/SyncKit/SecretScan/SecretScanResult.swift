/// One input to scan: its path (as reported in findings) and its bytes.
package struct SecretScanDocument: Sendable {
    package let path: String
    package let bytes: [UInt8]

    package init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}

/// Why a file was not scanned.
package enum SecretScanSkipReason: Sendable, Equatable, CustomStringConvertible {
    /// A NUL byte at this offset, within the probed head of the file.
    case binary(nulOffset: Int)
    case tooLarge(size: Int, limit: Int)

    package var description: String {
        switch self {
        case let .binary(offset):
            "binary file (NUL byte at offset \(offset)); not scanned"
        case let .tooLarge(size, limit):
            "file of \(size) bytes exceeds the \(limit)-byte scan limit; not scanned"
        }
    }
}

/// What scanning one document produced.
package struct SecretScanResult: Sendable {
    package let path: String
    package let byteCount: Int
    /// Findings in line and column order.
    package let findings: [SecretFinding]
    /// Findings hidden by the allowlist.
    package let suppressedCount: Int
    /// Set when the document was not scanned.
    package let skipReason: SecretScanSkipReason?
}
