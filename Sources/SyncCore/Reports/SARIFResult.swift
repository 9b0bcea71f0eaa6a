/// One finding in a SARIF run. Code scanning requires `ruleId`, `message` and at least one
/// location with a file and a start line; `partialFingerprints` keeps alerts stable across runs.
package struct SARIFResult: Sendable, Equatable, Encodable {
    package var ruleId: String
    package var ruleIndex: Int?
    package var level: SARIFLevel
    package var message: SARIFMessage
    package var locations: [SARIFLocation]
    package var partialFingerprints: [String: String]?

    package init(
        ruleId: String, ruleIndex: Int? = nil, level: SARIFLevel, message: String,
        location: SARIFLocation, fingerprint: String? = nil
    ) {
        self.init(ruleId: ruleId, ruleIndex: ruleIndex, level: level, message: message, locations: [location], fingerprint: fingerprint)
    }

    init(
        ruleId: String, ruleIndex: Int?, level: SARIFLevel, message: String,
        locations: [SARIFLocation], fingerprint: String?
    ) {
        self.ruleId = ruleId
        self.ruleIndex = ruleIndex
        self.level = level
        self.message = SARIFMessage(message)
        self.locations = locations
        partialFingerprints = fingerprint.map { ["primaryLocationLineHash": $0] }
    }
}

/// A `location` holding a `physicalLocation`: a file of the repository and a region in it.
package struct SARIFLocation: Sendable, Equatable, Encodable {
    package var physicalLocation: SARIFPhysicalLocation

    /// `path` is repository-relative with `/` separators; lines and columns are 1-based.
    package init(path: String, line: Int, column: Int? = nil) {
        physicalLocation = SARIFPhysicalLocation(
            artifactLocation: SARIFArtifactLocation(uri: SARIFArtifactLocation.encodeURI(path), uriBaseId: SARIFArtifactLocation.sourceRoot),
            region: SARIFRegion(startLine: max(1, line), startColumn: column.map { max(1, $0) })
        )
    }
}

package struct SARIFPhysicalLocation: Sendable, Equatable, Encodable {
    package var artifactLocation: SARIFArtifactLocation
    package var region: SARIFRegion
}

package struct SARIFArtifactLocation: Sendable, Equatable, Encodable {
    package static let sourceRoot = "%SRCROOT%"

    package var uri: String?
    package var uriBaseId: String?
    package var description: SARIFMessage?

    package init(uri: String? = nil, uriBaseId: String? = nil, description: SARIFMessage? = nil) {
        self.uri = uri
        self.uriBaseId = uriBaseId
        self.description = description
    }

    /// A relative URI reference for a repository path: characters outside RFC 3986's
    /// unreserved set and `/` are percent-encoded (a space becomes `%20`).
    package static func encodeURI(_ path: String) -> String {
        var allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/".utf8)
        allowed.insert(UInt8(ascii: "@"))
        var text = ""
        for byte in path.utf8 {
            if allowed.contains(byte) {
                text.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                text += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return text
    }
}

package struct SARIFRegion: Sendable, Equatable, Encodable {
    package var startLine: Int
    package var startColumn: Int?
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
