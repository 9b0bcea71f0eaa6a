import Diagnostics
import Foundation
import JSONSchema
import MarkdownScan
import SyncCore
import Yams

/// Check 3: synced JSON and YAML files, and json/yaml fences in Markdown, still parse (with line
/// numbers inside the file); documents that name a JSON Schema (`$schema`, or the rule's `schemas:`
/// mapping) validate against it. Schemas come from the upstream repository, never the network.
package struct SchemaCheck: Sendable {
    package static let metaSchemaURI = "https://json-schema.org/draft/2020-12/schema"

    package struct Outcome: Sendable, Equatable {
        /// The file checked, as the problems name it (the synced file's target path).
        package var file: String
        package var validated = 0
        package var parsed = 0
        /// Errors on lines of the checked file.
        package var problems: [Diagnostic] = []
        package var notes: [String] = []

        package init(file: String) {
            self.file = file
        }

        mutating func addProblem(line: Int, column: Int? = nil, message: String) {
            problems.append(Diagnostic(.error, message, file: file, line: line, column: column))
        }
    }

    private let compiler: SchemaCompiler
    /// Source-path glob → schema URI, from the rule.
    private let mapping: [(glob: Glob, uri: String)]

    /// `schemas` are upstream schema documents by repository path; each is registered under its
    /// `$id` and under `repo:///<path>`.
    package init(schemas: [String: JSONValue], mapping: [(glob: Glob, path: String)]) {
        var registry = SchemaRegistry()
        for (path, document) in schemas.sorted(by: { $0.key < $1.key }) {
            try? registry.register(document, at: "repo:///" + path)
            if case .object(let object) = document, case .string(let id)? = object["$id"] {
                try? registry.register(document, at: id)
            }
        }
        compiler = SchemaCompiler(registry: registry)
        self.mapping = mapping.map { ($0.glob, "repo:///" + $0.path) }
    }

    package func check(_ text: String, sourcePath: String, targetPath: String) -> Outcome {
        var outcome = Outcome(file: targetPath)
        if TextContent.isJSON(targetPath) {
            checkJSON(text, sourcePath: sourcePath, lineOffset: 0, into: &outcome)
        } else if TextContent.isYAML(targetPath) {
            checkYAML(text, sourcePath: sourcePath, lineOffset: 0, into: &outcome)
        } else if TextContent.isMarkdown(targetPath) {
            for block in MarkdownDocument(text).fencedCodeBlocks {
                switch block.language.lowercased() {
                case "json": checkJSON(block.content, sourcePath: nil, lineOffset: block.contentStartLine - 1, into: &outcome)
                case "yaml", "yml": checkYAML(block.content, sourcePath: nil, lineOffset: block.contentStartLine - 1, into: &outcome)
                default: break
                }
            }
        }
        return outcome
    }

    private func checkJSON(_ text: String, sourcePath: String?, lineOffset: Int, into outcome: inout Outcome) {
        let value: JSONValue
        do {
            value = try JSONParser.parse(text)
        } catch {
            outcome.addProblem(line: error.line + lineOffset, column: error.column, message: "JSON does not parse: \(error.description)")
            return
        }
        outcome.parsed += 1
        validate(value, sourcePath: sourcePath, line: { _ in lineOffset + 1 }, into: &outcome)
    }

    private func checkYAML(_ text: String, sourcePath: String?, lineOffset: Int, into outcome: inout Outcome) {
        var nodes: [Node] = []
        if let line = YAMLBounds.aliasKeyLine(text) {
            outcome.addProblem(line: line + lineOffset, message: "YAML cannot be checked: an alias is used as a mapping key")
            return
        }
        do {
            let parser = try Parser(yaml: text)
            while let node = try parser.nextRoot() {
                nodes.append(node)
                if nodes.count > 1_000 {
                    outcome.addProblem(line: lineOffset + 1, message: "YAML cannot be checked: more than 1000 documents in one file")
                    return
                }
            }
        } catch let error as YamlError {
            let described = ConfigNode.describe(error, file: "")
            outcome.addProblem(line: (described.line ?? 1) + lineOffset, column: described.column, message: "YAML does not parse: \(described.message)")
            return
        } catch {
            outcome.addProblem(line: lineOffset + 1, message: "YAML does not parse: \(error)")
            return
        }
        for node in nodes {
            if let bound = YAMLBounds.problem(node) {
                outcome.addProblem(line: (bound.line ?? 1) + lineOffset, message: "YAML cannot be checked: \(bound.message)")
                continue
            }
            var conversion = YAMLJSONConversion()
            do {
                let value = try conversion.convert(node)
                outcome.parsed += 1
                validate(value, sourcePath: sourcePath, line: { pointer in (conversion.line(of: pointer) ?? 1) + lineOffset }, into: &outcome)
            } catch {
                outcome.addProblem(line: (error.line ?? 1) + lineOffset, message: "YAML cannot be checked as JSON: \(error.message)")
            }
        }
    }

    /// Validates against `$schema` (the meta-schema validates schema documents) or the rule's mapping.
    private func validate(_ value: JSONValue, sourcePath: String?, line: (JSONPointer) -> Int, into outcome: inout Outcome) {
        var uri: String?
        if let sourcePath, let mapped = mapping.first(where: { $0.glob.matches(sourcePath) }) {
            uri = mapped.uri
        } else if case .object(let object) = value, case .string(let named)? = object["$schema"] {
            uri = named.hasSuffix("#") ? String(named.dropLast()) : named
        }
        guard let uri else { return }
        let schema: CompiledSchema
        do {
            schema = try compiler.compileRegistered(at: uri)
        } catch {
            if uri.hasPrefix("repo:///") {
                outcome.addProblem(line: 1, message: "the schema \(uri.dropFirst(8)) named by the rule cannot be used: \(error)")
            } else {
                outcome.notes.append("\(uri) is not available offline: not validated")
            }
            return
        }
        let result = schema.validate(value)
        outcome.validated += 1
        for error in result.errors.prefix(20) {
            let location = error.instanceLocation.tokens.isEmpty ? "the document" : "'\(error.instanceLocation)'"
            outcome.addProblem(line: line(error.instanceLocation), message: "\(location) fails its schema: \(error.message)")
        }
        // A schema document must also compile as a schema.
        if uri == Self.metaSchemaURI, result.isValid {
            do {
                _ = try compiler.compile(value)
            } catch {
                outcome.addProblem(line: line(JSONPointer()), message: "the schema does not compile: \(error)")
            }
        }
    }
}
