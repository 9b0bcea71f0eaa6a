import Foundation
import Testing
import TestSupport

/// `Fixtures/vectors.json`: the Actions runtime behaviour a step must match, decoded as a whole.
enum RuntimeVectors {
    static let path = "Tests/ActionsRuntimeTests/Fixtures/vectors.json"

    struct Vectors: Decodable {
        var workflowCommands: [CommandCase]
        var fileCommands: FileCommands
        var inputs: Inputs
        var limits: Limits
    }

    struct CommandCase: Decodable, CustomTestStringConvertible, Sendable {
        var name: String
        var command: String
        /// In the file's order when the vector gives a list of pairs; sorted by key for an object.
        var properties: [Pair]
        var message: String
        var line: String
        var testDescription: String { name }

        struct Pair: Sendable { var key: String; var value: String }

        private enum CodingKeys: String, CodingKey { case name, command, properties, message, line }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            command = try container.decode(String.self, forKey: .command)
            message = try container.decode(String.self, forKey: .message)
            line = try container.decode(String.self, forKey: .line)
            if let list = try? container.decode([[String]].self, forKey: .properties) {
                properties = try list.map { pair in
                    guard pair.count == 2 else {
                        throw DecodingError.dataCorruptedError(forKey: .properties, in: container, debugDescription: "a property pair has \(pair.count) elements")
                    }
                    return Pair(key: pair[0], value: pair[1])
                }
            } else {
                properties = try container.decode([String: String].self, forKey: .properties)
                    .sorted { $0.key < $1.key }.map { Pair(key: $0.key, value: $0.value) }
            }
        }
    }

    struct FileCommands: Decodable { var cases: [FileCase] }

    struct FileCase: Decodable, CustomTestStringConvertible, Sendable {
        var file: String
        var name: String?
        var value: String
        var delimiter: String?
        var written: String
        var testDescription: String { "\(file) \(name ?? value)" }
    }

    struct Inputs: Decodable {
        var cases: [InputCase]
        var booleans: Booleans
    }

    struct InputCase: Decodable {
        var input: String
        var variable: String?
        var raw: String?
        var value: String?
        var lines: [String]?
    }

    struct Booleans: Decodable {
        var `true`: [String]
        var `false`: [String]
    }

    struct Limits: Decodable {
        var annotationsPerTypePerStep: Int
        var annotationMessageChars: Int
        var stepSummaryBytes: Int
    }

    /// Decodes the file; throws a `FixtureError` naming it when it is missing or malformed.
    static func load() throws -> Vectors {
        try RepositoryFiles.decode(Vectors.self, from: path)
    }

    /// The vectors for building test arguments; nil when they do not load, which `vectorsLoad` reports.
    static let loaded: Vectors? = try? load()
}
