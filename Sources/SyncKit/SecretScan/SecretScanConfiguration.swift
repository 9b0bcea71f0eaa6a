/// Settings for one scan: internal-only markers and paths, internal host names, and input limits.
package struct SecretScanConfiguration: Sendable {
    /// Text that marks internal-only content, matched case-insensitively (ASCII letters).
    package var internalMarkers: [String]
    /// Host name suffixes of internal machines, such as `.corp.example.com` or `.internal`.
    package var internalHostSuffixes: [String]
    /// Whether a path (relative, `/`-separated) names an internal-only file; such a file is itself a finding.
    package var isInternalPath: @Sendable (String) -> Bool
    /// A NUL byte within this many leading bytes marks a file as binary; binary files are skipped.
    package var binaryProbeLength: Int
    /// Files larger than this are skipped and reported as too large.
    package var maximumFileSize: Int
    /// Lines longer than this are not matched whole: each rule runs on a window around its keyword hits.
    package var longLineLength: Int
    /// Inputs larger than this are cut at line ends into pieces scanned in parallel.
    package var pieceSize: Int
    /// The values of the secrets the run knows (its tokens, keys, webhook): any of them in
    /// content is a finding, whatever its shape. Values shorter than 8 characters are ignored.
    package var knownSecretValues: [String] = []

    package init(
        internalMarkers: [String] = Self.defaultInternalMarkers,
        internalHostSuffixes: [String] = [],
        isInternalPath: @escaping @Sendable (String) -> Bool = { _ in false },
        binaryProbeLength: Int = 8000,
        maximumFileSize: Int = 256 << 20,
        longLineLength: Int = 4096,
        pieceSize: Int = 1 << 20
    ) {
        self.internalMarkers = internalMarkers
        self.internalHostSuffixes = internalHostSuffixes
        self.isInternalPath = isInternalPath
        self.binaryProbeLength = binaryProbeLength
        self.maximumFileSize = maximumFileSize
        self.longLineLength = max(256, longLineLength)
        self.pieceSize = max(4096, pieceSize)
    }

    package static let defaultInternalMarkers = ["INTERNAL ONLY", "INTERNAL-ONLY", "<!-- internal -->", "CONFIDENTIAL"]

    /// A predicate for `isInternalPath` from plain prefixes and suffixes (`docs/internal/`, `.private.md`).
    package static func pathPredicate(prefixes: [String] = [], suffixes: [String] = []) -> @Sendable (String) -> Bool {
        { path in
            prefixes.contains { path.hasPrefix($0) } || suffixes.contains { path.hasSuffix($0) }
        }
    }
}
