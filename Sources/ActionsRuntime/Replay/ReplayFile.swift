import Crypto
import Foundation

/// Reads and writes replay records, sealed with AES-256-GCM when a key is given.
package enum ReplayFile {
    package static let sealedFormat = "flash-sync-replay-sealed/1"

    private struct SealedEnvelope: Codable {
        var format: String
        var algorithm: String
        /// nonce ‖ ciphertext ‖ tag, base64.
        var sealed: String
    }

    package static func fileName(step: String) -> String { "\(step).replay.json" }

    package static func encode(_ record: ReplayRecord, key: EncryptionKey?) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let plain = try encoder.encode(record)
        guard let key else { return plain + Data("\n".utf8) }
        let box = try AES.GCM.seal(plain, using: key.key)
        guard let combined = box.combined else { throw ReplayFileError.sealingFailed }
        let envelope = SealedEnvelope(format: sealedFormat, algorithm: "AES-256-GCM", sealed: combined.base64EncodedString())
        return try encoder.encode(envelope) + Data("\n".utf8)
    }

    package static func decode(_ data: Data, path: String, key: EncryptionKey?) throws(ReplayFileError) -> ReplayRecord {
        let decoder = JSONDecoder()
        if let envelope = try? decoder.decode(SealedEnvelope.self, from: data), envelope.format == sealedFormat {
            guard let key else { throw .sealedWithoutKey(path: path) }
            guard let combined = Data(base64Encoded: envelope.sealed) else { throw .corrupt(path: path, reason: "the sealed payload is not base64") }
            let plain: Data
            do {
                plain = try AES.GCM.open(AES.GCM.SealedBox(combined: combined), using: key.key)
            } catch {
                throw .wrongKey(path: path)
            }
            return try decodeRecord(plain, path: path)
        }
        return try decodeRecord(data, path: path)
    }

    private static func decodeRecord(_ data: Data, path: String) throws(ReplayFileError) -> ReplayRecord {
        let record: ReplayRecord
        do {
            record = try JSONDecoder().decode(ReplayRecord.self, from: data)
        } catch {
            throw .corrupt(path: path, reason: "not a replay record (\(error.localizedDescription))")
        }
        guard record.format == ReplayRecord.currentFormat else {
            throw .unsupportedFormat(path: path, format: record.format)
        }
        return record
    }
}

package enum ReplayFileError: Error, Equatable, CustomStringConvertible {
    case sealingFailed
    case sealedWithoutKey(path: String)
    case wrongKey(path: String)
    case corrupt(path: String, reason: String)
    case unsupportedFormat(path: String, format: String)

    package var description: String {
        switch self {
        case .sealingFailed:
            "Could not seal the replay record with AES-GCM."
        case .sealedWithoutKey(let path):
            "\(path) is sealed: set ENCRYPTION_KEY to the key of the run that recorded it."
        case .wrongKey(let path):
            "\(path) cannot be opened with this ENCRYPTION_KEY (authentication failed): it was sealed with another key, or the file was changed."
        case .corrupt(let path, let reason):
            "\(path) is not a readable replay file: \(reason)."
        case .unsupportedFormat(let path, let format):
            "\(path) has format '\(format)'; this version reads '\(ReplayRecord.currentFormat)'."
        }
    }
}
