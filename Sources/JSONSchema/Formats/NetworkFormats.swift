/// Host, address, e-mail, URI and UUID checks for `format` assertion.
enum NetworkFormats {
    /// RFC 1123 host name: dot-separated labels of 1–63 letters, digits and inner hyphens, ≤ 253 characters.
    static func isHostname(_ text: Substring) -> Bool {
        guard !text.isEmpty, text.utf8.count <= 253 else { return false }
        return text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            !label.isEmpty && label.count <= 63 && label.first != "-" && label.last != "-"
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }

    /// Dotted-quad IPv4 address, each part 0–255 without leading zeros.
    static func isIPv4(_ text: Substring) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            guard let value = DateTimeFormats.asciiNumber(part), part.count <= 3 else { return false }
            return value <= 255 && (part == "0" || !part.hasPrefix("0"))
        }
    }

    /// RFC 4291 text form: up to eight hex groups, one `::`, optionally ending in an IPv4 address.
    static func isIPv6(_ string: String) -> Bool {
        var groups = string.split(separator: ":", omittingEmptySubsequences: false)
        let compressed = string.components(separatedByDoubleColon: ())
        guard compressed <= 1, string.count >= 2 else { return false }
        // Leading or trailing "::" produces empty groups at the ends; drop them before checking.
        if string.hasPrefix("::") { groups.removeFirst() }
        if string.hasSuffix("::") { groups.removeLast() }
        var groupCount = 0
        for (position, group) in groups.enumerated() {
            if group.isEmpty {
                guard compressed == 1 else { return false }
                continue
            }
            if position == groups.count - 1, group.contains(".") {
                guard isIPv4(group) else { return false }
                groupCount += 2
                continue
            }
            guard group.count <= 4, group.allSatisfy(\.isHexDigit), group.allSatisfy(\.isASCII) else { return false }
            groupCount += 1
        }
        return compressed == 1 ? groupCount <= 7 : groupCount == 8
    }

    /// `local@domain` with a dot-atom or quoted local part and a host name or `[address]` domain.
    static func isEmail(_ string: String) -> Bool {
        guard let at = string.lastIndex(of: "@") else { return false }
        let local = string[..<at]
        let domain = string[string.index(after: at)...]
        let atomCharacters = Set("!#$%&'*+-/=?^_`{|}~")
        let localIsValid: Bool
        if local.hasPrefix("\""), local.hasSuffix("\""), local.count >= 2 {
            localIsValid = true
        } else {
            localIsValid = !local.isEmpty && !local.hasPrefix(".") && !local.hasSuffix(".") && !local.contains("..")
                && local.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || atomCharacters.contains($0)) }
        }
        guard localIsValid else { return false }
        if domain.hasPrefix("["), domain.hasSuffix("]") {
            let literal = domain.dropFirst().dropLast()
            if literal.hasPrefix("IPv6:") { return isIPv6(String(literal.dropFirst(5))) }
            return isIPv4(literal)
        }
        return isHostname(domain)
    }

    /// RFC 3986 URI (with a scheme) or URI reference: only URI characters and valid `%XX` escapes.
    static func isURI(_ string: String, requiringScheme: Bool) -> Bool {
        let reference = URIReference(string)
        if requiringScheme, !reference.isAbsolute { return false }
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%")
        guard string.allSatisfy({ allowed.contains($0) }) else { return false }
        if let authority = reference.authority, authority.contains("["), !authority.contains("]") { return false }
        let bytes = Array(string.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, isHex(bytes[index + 1]), isHex(bytes[index + 2]) else { return false }
                index += 3
            } else {
                index += 1
            }
        }
        return true
    }

    /// `8-4-4-4-12` hexadecimal digits.
    static func isUUID(_ string: String) -> Bool {
        let groups = string.split(separator: "-", omittingEmptySubsequences: false)
        return groups.map(\.count) == [8, 4, 4, 4, 12] && groups.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isHexDigit } }
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }
}

private extension String {
    /// How many times "::" occurs (non-overlapping).
    func components(separatedByDoubleColon: Void) -> Int {
        var count = 0
        var rest = Substring(self)
        while let range = rest.firstRange(of: "::") {
            count += 1
            rest = rest[range.upperBound...]
        }
        return count
    }
}
