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

    /// HMAC-SHA-256 of `text` under `key`, as lower-case hex: a mark only the key's holder can make.
    package static func hmacSHA256Hex(key: String, _ text: String) -> String {
        HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: SymmetricKey(data: Data(key.utf8))).map { byteHex[Int($0)] }.joined()
    }

    /// Whether `text` is 64 lower-case hexadecimal digits, as `sha256Hex` writes them.
    package static func isSHA256Hex(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) }
    }

    /// Git's object id of a blob: SHA-1 of `blob <size>\0<content>`.
    package static func gitBlobID(_ data: Data) -> String {
        var hasher = Insecure.SHA1()
        hasher.update(data: Data("blob \(data.count)\u{0}".utf8))
        hasher.update(data: data)
        return hasher.finalize().map { byteHex[Int($0)] }.joined()
    }

    private static let byteHex: [String] = (0...255).map { String(format: "%02x", $0) }
}
