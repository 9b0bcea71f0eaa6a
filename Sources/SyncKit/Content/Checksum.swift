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

    private static let byteHex: [String] = (0...255).map { String(format: "%02x", $0) }
}
