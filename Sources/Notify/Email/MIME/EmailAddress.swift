import Foundation

/// A mailbox: `flash-sync <sync@example.com>` or `sync@example.com`. Parsing refuses line breaks
/// and anything that could smuggle a header or an SMTP command.
package struct EmailAddress: Sendable, Equatable, CustomStringConvertible {
    package var name: String?
    package var address: String

    package init(name: String? = nil, address: String) {
        self.name = name
        self.address = address
    }

    package init(parsing text: String) throws(EmailAddressError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.contains(where: { $0.isNewline || $0 == "\0" }) else { throw .invalid(text) }
        if trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") {
            let name = trimmed[..<open].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            self.name = name.isEmpty ? nil : name
            address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
        } else {
            name = nil
            address = trimmed
        }
        guard Self.isValidAddress(address) else { throw .invalid(text) }
    }

    /// Several addresses separated by commas or semicolons.
    package static func list(parsing text: String) throws(EmailAddressError) -> [EmailAddress] {
        var addresses: [EmailAddress] = []
        for part in text.split(whereSeparator: { $0 == "," || $0 == ";" }) where !part.trimmingCharacters(in: .whitespaces).isEmpty {
            addresses.append(try EmailAddress(parsing: String(part)))
        }
        guard !addresses.isEmpty else { throw .invalid(text) }
        return addresses
    }

    /// local@domain with no spaces, brackets or control characters, one `@`, a dotted or bracketed domain.
    static func isValidAddress(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, address.utf8.count <= 254 else { return false }
        return !address.unicodeScalars.contains { $0.value < 33 || $0.value == 127 || "<>()[],;:\\\"".unicodeScalars.contains($0) }
    }

    /// The domain part, for Message-ID and EHLO.
    package var domain: String { String(address.split(separator: "@").last ?? "localhost") }

    /// The header form, with a non-ASCII or special display name encoded.
    package var headerValue: String {
        guard let name, !name.isEmpty else { return address }
        let plain = name.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 32 && !"\"\\".unicodeScalars.contains($0) }
        return (plain ? "\"\(name)\"" : EncodedWord.encode(name)) + " <\(address)>"
    }

    package var description: String { headerValue }
}

package enum EmailAddressError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalid(String)

    package var description: String {
        switch self {
        case .invalid(let text):
            "'\(text)' is not an email address; use name@example.com or Name <name@example.com>, several separated by commas."
        }
    }
}
