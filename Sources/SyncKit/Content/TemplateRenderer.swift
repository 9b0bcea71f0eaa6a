import Foundation
import Mustache

/// The `template` strategy: Mustache (logic-less, spec-conformant) with rule, target and release
/// variables. A variable the template uses but nobody defines is an error naming it, never an
/// empty string in a downstream file.
package enum TemplateRenderer {
    package static func render(_ text: String, variables: [String: Any], file: String) throws(TemplateError) -> String {
        let template: MustacheTemplate
        do {
            template = try MustacheTemplate(string: text)
        } catch {
            throw .malformed(file: file, reason: "\(error)")
        }
        let recorder = MissingNames()
        let output = template.render(RecordingContext(variables, path: "", recorder: recorder))
        if let missing = recorder.names.first {
            throw .missingVariable(file: file, name: missing, available: flatNames(variables, prefix: ""))
        }
        return output
    }

    private static func flatNames(_ variables: [String: Any], prefix: String) -> [String] {
        variables.keys.sorted().flatMap { key -> [String] in
            if let nested = variables[key] as? [String: Any] { return flatNames(nested, prefix: prefix + key + ".") }
            return [prefix + key]
        }
    }

    private final class MissingNames: @unchecked Sendable {
        private(set) var names: [String] = []
        func record(_ name: String) {
            if !names.contains(name) { names.append(name) }
        }
    }

    /// Looks names up in the variables (nested mappings included) and records the ones asked for
    /// and not found, with their dotted path.
    private struct RecordingContext: MustacheParent {
        let variables: [String: Any]
        let path: String
        let recorder: MissingNames

        init(_ variables: [String: Any], path: String, recorder: MissingNames) {
            self.variables = variables
            self.path = path
            self.recorder = recorder
        }

        func child(named name: String) -> Any? {
            switch variables[name] {
            case let nested as [String: Any]:
                return RecordingContext(nested, path: path + name + ".", recorder: recorder)
            case let value?:
                return value
            case nil:
                recorder.record(path + name)
                return nil
            }
        }
    }
}

package enum TemplateError: Error, Equatable, CustomStringConvertible {
    case malformed(file: String, reason: String)
    case missingVariable(file: String, name: String, available: [String])
    case notText(file: String)

    package var description: String {
        switch self {
        case .malformed(let file, let reason):
            "\(file): not a valid Mustache template (\(reason))."
        case .missingVariable(let file, let name, let available):
            "\(file): the template uses '{{\(name)}}', which is not defined. Define it under the rule's variables, or use one of: \(available.joined(separator: ", "))."
        case .notText(let file):
            "\(file): a template must be UTF-8 text; this file is binary or not valid UTF-8."
        }
    }
}
