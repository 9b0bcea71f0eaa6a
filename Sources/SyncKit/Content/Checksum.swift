import Crypto
import Foundation

/// SHA-256 as lower-case hex: the checksum of plans, sync state and findings.
package enum Checksum {
    package static func sha256Hex(_ bytes: some DataProtocol) -> String {
        SHA256.hash(data: bytes).map { byteHex[Int($0)] }.joined()
    }

    package static func sha256Hex(_ text: String) -> String {
        sha256Hex(Data(text.utf8))
    }

    /// Whether `text` is 64 lower-case hexadecimal digits, as `sha256Hex` writes them.
    package static func isSHA256Hex(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) }
    }

    private static let byteHex: [String] = (0...255).map { String(format: "%02x", $0) }
}
