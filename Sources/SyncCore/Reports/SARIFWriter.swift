import Foundation

/// Writes a SARIF log as stable, pretty-printed JSON: keys sorted, slashes unescaped, a final
/// newline, so the same findings always produce the same bytes (golden files, no-op diffs).
package enum SARIFWriter {
    package static func json(_ log: SARIFLog) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(log), as: UTF8.self) + "\n"
    }
}
