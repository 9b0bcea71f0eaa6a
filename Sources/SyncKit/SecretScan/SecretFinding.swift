import Diagnostics
import SyncCore

/// One violation: which rule matched where, with a redacted preview. The secret itself is never stored.
package struct SecretFinding: Sendable, Hashable, CustomStringConvertible {
    package let ruleID: String
    /// The rule's one-line description.
    package let message: String
    /// The file, the 1-based line and the 1-based column of the secret's first byte, counted in
    /// UTF-8 bytes from the start of the line.
    package let location: FileLocation
    /// The text before the secret within the match, then the secret cut to at most its first 4 bytes
    /// (never more than a quarter of it) followed by `*`s, truncated.
    package let preview: String
    /// 16 hex digits of SHA-256 over the rule id and the secret: stable across moves and edits elsewhere.
    package let fingerprint: String

    package init(ruleID: String, message: String, path: String, line: Int, column: Int, preview: String, fingerprint: String) {
        self.ruleID = ruleID
        self.message = message
        location = FileLocation(file: path, line: line, column: column)
        self.preview = preview
        self.fingerprint = fingerprint
    }

    package var path: String { location.file }
    package var line: Int { location.line ?? 1 }
    package var column: Int { location.column ?? 1 }

    package var description: String {
        "\(location): \(ruleID): \(message) [\(preview)] (fingerprint \(fingerprint))"
    }
}

/// Builds the parts of a finding that are derived from the secret without revealing it.
enum SecretRedaction {
    static let keptLimit = 4
    static let starLimit = 12
    static let contextLimit = 24

    /// The fingerprint of `secret` found by rule `ruleID`.
    static func fingerprint<Bytes: Collection>(ruleID: String, secret: Bytes) -> String where Bytes.Element == UInt8 {
        String(Checksum.sha256Hex(Array(ruleID.utf8) + [0] + Array(secret)).prefix(16))
    }

    /// `context` (the match text before the secret, last `contextLimit` bytes) plus the redacted secret.
    static func preview(context: ArraySlice<UInt8>, secret: ArraySlice<UInt8>) -> String {
        let kept = min(keptLimit, secret.count / 4)
        let hidden = secret.count - kept
        var text = context.suffix(contextLimit).map(printable)
        text += secret.prefix(kept).map(printable)
        text += [UInt8](repeating: UInt8(ascii: "*"), count: min(hidden, starLimit))
        var preview = String(decoding: text, as: UTF8.self)
        if hidden > starLimit {
            preview += "…"
        }
        return preview
    }

    /// Printable ASCII stays, a tab becomes a space, anything else becomes `?`.
    private static func printable(_ byte: UInt8) -> UInt8 {
        switch byte {
        case 0x20...0x7e: byte
        case 0x09: 0x20
        default: UInt8(ascii: "?")
        }
    }
}
