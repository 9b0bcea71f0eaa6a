import Crypto
import Foundation

/// A 256-bit key given as 64 hexadecimal digits or as base64 (standard or URL-safe).
package struct EncryptionKey: Sendable {
    package let key: SymmetricKey

    /// Parses the key; the error never contains the value, only its shape.
    package init(parsing text: String) throws(EncryptionKeyError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed == text else { throw .surroundingWhitespace }
        if let bytes = Self.hexBytes(trimmed) {
            guard bytes.count == 32 else { throw .wrongLength(bytes: bytes.count, encoding: "hex") }
            key = SymmetricKey(data: bytes)
            return
        }
        if let bytes = Self.base64Bytes(trimmed) {
            guard bytes.count == 32 else { throw .wrongLength(bytes: bytes.count, encoding: "base64") }
            key = SymmetricKey(data: bytes)
            return
        }
        throw .notEncoded(characters: trimmed.count)
    }

    static func hexBytes(_ text: String) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard !utf8.isEmpty, utf8.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count / 2)
        var index = 0
        while index < utf8.count {
            guard let high = hexValue(utf8[index]), let low = hexValue(utf8[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    static func base64Bytes(_ text: String) -> [UInt8]? {
        var normalized = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while normalized.count % 4 != 0 { normalized += "=" }
        return Data(base64Encoded: normalized).map(Array.init)
    }
}

package enum EncryptionKeyError: Error, Equatable, CustomStringConvertible {
    case surroundingWhitespace
    case wrongLength(bytes: Int, encoding: String)
    case notEncoded(characters: Int)

    package var description: String {
        switch self {
        case .surroundingWhitespace:
            "has leading or trailing whitespace or a line break; store the key without it"
        case .wrongLength(let bytes, let encoding):
            "decodes (\(encoding)) to \(bytes) bytes; a 256-bit key is 32 bytes (64 hex digits or 44 base64 characters)"
        case .notEncoded(let characters):
            "is neither hexadecimal nor base64 (\(characters) characters); a 256-bit key is 64 hex digits or 44 base64 characters"
        }
    }
}
