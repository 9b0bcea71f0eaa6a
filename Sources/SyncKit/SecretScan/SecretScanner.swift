import Dispatch
import Foundation

/// Scans bytes for credentials, internal-only content and private paths.
///
/// One pass of a keyword automaton over the bytes finds the lines worth a closer look; only there do the
/// rules whose keywords occur run their regular expressions. Large inputs are cut at line ends and scanned
/// on all cores. Build one scanner per run and share it: it is immutable and `Sendable`.
package struct SecretScanner: Sendable {
    package let ruleSet: SecretRuleSet
    package let configuration: SecretScanConfiguration
    package let allowlist: SecretAllowlist
    let keywords: KeywordIndex

    /// Combines the rule file with the configuration's marker and host rules; throws on a bad marker or suffix.
    package init(
        rules: SecretRuleSet,
        configuration: SecretScanConfiguration = SecretScanConfiguration(),
        allowlist: SecretAllowlist = .empty
    ) throws {
        let combined = rules.appending(try InternalContentRules.make(from: configuration))
        self.ruleSet = combined
        self.configuration = configuration
        self.allowlist = allowlist
        var keywords: [(bytes: [UInt8], rule: Int)] = []
        for (index, rule) in combined.rules.enumerated() {
            keywords += rule.keywords.map { (Array($0.utf8), index) }
        }
        self.keywords = KeywordIndex(keywords: keywords)
    }

    /// The findings in `bytes` (empty for a skipped binary or oversized file).
    package func scan(_ bytes: [UInt8], path: String) -> [SecretFinding] {
        inspect(bytes, path: path).findings
    }

    /// Scans one document, telling also what the allowlist hid and why a document was skipped.
    package func inspect(_ bytes: [UInt8], path: String) -> SecretScanResult {
        inspect([SecretScanDocument(path: path, bytes: bytes)])[0]
    }

    /// Scans many documents on all cores; results come back in the order of `documents`.
    package func inspect(_ documents: [SecretScanDocument]) -> [SecretScanResult] {
        var skipReasons: [SecretScanSkipReason?] = []
        var pieces: [Piece] = []
        for (index, document) in documents.enumerated() {
            let reason = skipReason(for: document.bytes)
            skipReasons.append(reason)
            if reason == nil {
                pieces += self.pieces(of: document.bytes, document: index)
            }
        }
        let outcomes = PieceOutcomes(count: pieces.count)
        let work = pieces
        DispatchQueue.concurrentPerform(iterations: work.count) { index in
            let piece = work[index]
            let document = documents[piece.document]
            let outcome = document.bytes.withUnsafeBufferPointer { buffer in
                scanPiece(buffer, range: piece.range, path: document.path, countsLines: !piece.isLast)
            }
            outcomes.store(outcome, at: index)
        }
        return assemble(documents: documents, skipReasons: skipReasons, pieces: pieces, outcomes: outcomes.all)
    }

    private func skipReason(for bytes: [UInt8]) -> SecretScanSkipReason? {
        if bytes.count > configuration.maximumFileSize {
            return .tooLarge(size: bytes.count, limit: configuration.maximumFileSize)
        }
        let probe = bytes.prefix(configuration.binaryProbeLength)
        return probe.firstIndex(of: 0).map { .binary(nulOffset: $0) }
    }

    /// Cuts a document into pieces of about `pieceSize` bytes, each ending just after a line feed.
    private func pieces(of bytes: [UInt8], document: Int) -> [Piece] {
        var pieces: [Piece] = []
        var start = 0
        while start < bytes.count || pieces.isEmpty {
            var end = min(bytes.count, start + configuration.pieceSize)
            if end < bytes.count {
                end = bytes[end...].firstIndex(of: 0x0a).map { $0 + 1 } ?? bytes.count
            }
            pieces.append(Piece(document: document, range: start..<end, isLast: end == bytes.count))
            start = end
        }
        return pieces
    }

    private func assemble(
        documents: [SecretScanDocument], skipReasons: [SecretScanSkipReason?], pieces: [Piece], outcomes: [PieceOutcome]
    ) -> [SecretScanResult] {
        var findings = [[SecretFinding]](repeating: [], count: documents.count)
        var suppressed = [Int](repeating: 0, count: documents.count)
        var lineBase = [Int](repeating: 0, count: documents.count)
        for (piece, outcome) in zip(pieces, outcomes) {
            let base = lineBase[piece.document]
            findings[piece.document] += outcome.findings.map { $0.shifted(byLines: base) }
            suppressed[piece.document] += outcome.suppressedCount
            lineBase[piece.document] += outcome.lineFeedCount
        }
        return documents.indices.map { index in
            var documentFindings = findings[index]
            if let finding = internalPathFinding(documents[index].path) {
                if allowlist.suppresses(ruleID: finding.ruleID, path: finding.path, fingerprint: finding.fingerprint, lineHash: { "" }) {
                    suppressed[index] += 1
                } else {
                    documentFindings.insert(finding, at: 0)
                }
            }
            return SecretScanResult(
                path: documents[index].path, byteCount: documents[index].bytes.count,
                findings: documentFindings, suppressedCount: suppressed[index], skipReason: skipReasons[index])
        }
    }

    private func internalPathFinding(_ path: String) -> SecretFinding? {
        guard configuration.isInternalPath(path) else { return nil }
        let ruleID = InternalContentRules.pathRuleID
        return SecretFinding(
            ruleID: ruleID, message: "Internal-only file would be synced", path: path, line: 1, column: 1,
            preview: "(whole file)", fingerprint: SecretRedaction.fingerprint(ruleID: ruleID, secret: Array(path.utf8)))
    }
}

/// A line-aligned part of one document.
struct Piece: Sendable {
    let document: Int
    let range: Range<Int>
    let isLast: Bool
}

/// What scanning one piece produced; finding lines count from the piece's first line.
struct PieceOutcome: Sendable {
    var findings: [SecretFinding] = []
    var suppressedCount = 0
    /// Line feeds in the piece (only counted when a later piece of the same document needs it).
    var lineFeedCount = 0
}

/// Slots the parallel workers fill, one per piece.
private final class PieceOutcomes: @unchecked Sendable {
    private var slots: [PieceOutcome]
    private let lock = NSLock()

    init(count: Int) {
        slots = [PieceOutcome](repeating: PieceOutcome(), count: count)
    }

    func store(_ outcome: PieceOutcome, at index: Int) {
        lock.lock()
        slots[index] = outcome
        lock.unlock()
    }

    var all: [PieceOutcome] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}

extension SecretFinding {
    func shifted(byLines count: Int) -> SecretFinding {
        count == 0 ? self : SecretFinding(
            ruleID: ruleID, message: message, path: path, line: line + count, column: column,
            preview: preview, fingerprint: fingerprint)
    }
}
