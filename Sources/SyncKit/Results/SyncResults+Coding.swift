import Diagnostics
import Foundation

extension SyncResults {
    /// The results as JSON: snake_case keys, sorted, pretty-printed, dates in ISO 8601 (UTC).
    package func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self)
    }

    /// Reads a results file; `file` is the path shown in errors.
    package static func decode(_ data: Data, file: String) throws(SyncResultsError) -> SyncResults {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            if let date = ISO8601DateFormatter.withFraction.date(from: text) ?? ISO8601DateFormatter.plain.date(from: text) {
                return date
            }
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not an ISO 8601 date-time such as 2026-01-30T12:00:00Z")
        }
        do {
            return try decoder.decode(SyncResults.self, from: data)
        } catch let error as DecodingError {
            throw .invalid(file: file, path: Self.codingPath(error), reason: Self.reason(error))
        } catch {
            throw .invalid(file: file, path: "", reason: "\(error)")
        }
    }

    /// Reads and decodes the results file at `url`.
    package static func load(_ url: URL, shownAs file: String) throws(SyncResultsError) -> SyncResults {
        guard let data = FileManager.default.contents(atPath: url.path) else { throw .unreadable(file: file) }
        return try decode(data, file: file)
    }

    private static func codingPath(_ error: DecodingError) -> String {
        let path: [any CodingKey]
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            path = context.codingPath
        case .keyNotFound(let key, let context):
            path = context.codingPath + [key]
        @unknown default:
            path = []
        }
        return path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }

    private static func reason(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _):
            "the required key '\(key.stringValue)' is missing"
        case .typeMismatch(let type, let context):
            "expected \(type): \(context.debugDescription)"
        case .valueNotFound(let type, _):
            "expected \(type), found null"
        case .dataCorrupted(let context):
            context.debugDescription + (context.underlyingError.map { " (\($0.localizedDescription))" } ?? "")
        @unknown default:
            "\(error)"
        }
    }
}

extension ISO8601DateFormatter {
    fileprivate nonisolated(unsafe) static let withFraction: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }()

    fileprivate nonisolated(unsafe) static let plain = ISO8601DateFormatter()
}

/// A results file that cannot be read.
package enum SyncResultsError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(file: String)
    case invalid(file: String, path: String, reason: String)

    package var description: String {
        switch self {
        case .unreadable(let file):
            "Cannot read the sync results file \(file). Point --results at the file open-sync-pr wrote (its `results` output)."
        case .invalid(let file, let path, let reason):
            "\(file)\(path.isEmpty ? "" : " at \(path)"): \(reason). The file must follow the results format of open-sync-pr (see SyncResults.swift)."
        }
    }
}

extension SyncResultsError: DiagnosticConvertible {
    /// A results file that cannot be read is a configuration error: exit 2.
    package var diagnostics: [Diagnostic] { [.configuration(description)] }
}
