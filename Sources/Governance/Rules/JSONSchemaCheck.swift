import Diagnostics
import Foundation
import JSONSchema
import SyncCore

/// Every JSON or YAML file in scope is valid against a JSON Schema (draft 2020-12) of the repository.
enum JSONSchemaCheck {
    /// At most this many schema errors are reported per file.
    static let errorsPerFile = 20

    /// Reads and compiles the schema; a broken schema is a broken policy (exit 2).
    static func compile(_ schemaPath: String, rule: PolicyRule, in snapshot: RepositorySnapshot) throws(Diagnostic) -> CompiledSchema {
        let text = try ConfigFile.read(snapshot.url(of: schemaPath), shownAs: schemaPath)
        do {
            let schema = try JSONParser.parse(text, sourceName: schemaPath)
            return try SchemaCompiler().compile(schema, baseURI: "urn:flash-sync:policy:" + schemaPath)
        } catch let error as JSONParseError {
            throw Diagnostic.configuration(file: schemaPath, line: error.line, column: error.column, message: "the schema of rule '\(rule.id)' is not valid JSON: \(error)")
        } catch {
            throw Diagnostic.configuration(
                file: rule.file, line: rule.line, message: "rule '\(rule.id)': the schema '\(schemaPath)' cannot be compiled: \(error)",
                hint: "Fix the schema; it must be a JSON Schema draft 2020-12 document."
            )
        }
    }

    static func check(_ schema: CompiledSchema, schemaPath: String, files: [String], in snapshot: RepositorySnapshot) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for path in files {
            guard let text = snapshot.text(of: path) else {
                problems.append(Diagnostic(.error, "'\(path)' is not a text file, so it cannot be checked against '\(schemaPath)'.", file: path, line: 1))
                continue
            }
            let instance: JSONValue
            var conversion = YAMLJSONConversion()
            let isYAML = path.hasSuffix(".yaml") || path.hasSuffix(".yml")
            do {
                if isYAML {
                    guard let node = try ConfigNode.parse(text, file: path) else {
                        problems.append(Diagnostic(.error, "'\(path)' is empty, so it is not valid against '\(schemaPath)'.", file: path, line: 1))
                        continue
                    }
                    instance = try conversion.convert(node.node)
                } else {
                    instance = try JSONParser.parse(text, sourceName: path)
                }
            } catch let error as JSONParseError {
                problems.append(Diagnostic(.error, "'\(path)' is not valid JSON: \(error.reason).", file: path, line: error.line, column: error.column))
                continue
            } catch let error as Diagnostic {
                problems.append(Diagnostic(.error, "'\(path)': \(error.message)", file: path, line: error.line ?? 1, column: error.column))
                continue
            } catch {
                problems.append(Diagnostic(.error, "'\(path)' cannot be read: \(error).", file: path, line: 1))
                continue
            }
            let result = schema.validate(instance)
            for error in result.errors.prefix(errorsPerFile) {
                let place = error.instanceLocation.tokens.isEmpty ? "the document" : "'\(error.instanceLocation)'"
                problems.append(Diagnostic(.error, 
                    "\(place) in '\(path)' is not valid against '\(schemaPath)': \(error.message).",
                    file: path, line: (isYAML ? conversion.line(of: error.instanceLocation) : nil) ?? 1
                ))
            }
            if result.errors.count > errorsPerFile {
                problems.append(Diagnostic(.error, "'\(path)' has \(result.errors.count - errorsPerFile) more schema errors not listed.", file: path, line: 1))
            }
        }
        return problems
    }
}
