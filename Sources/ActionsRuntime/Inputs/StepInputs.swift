import Diagnostics
/// Reads inputs exactly as the Actions toolkit does: `INPUT_<NAME>`, trimmed, with
/// strict booleans, multiline lists, and a named error for a missing required input.
/// Flags given on the command line win over the environment.
package struct StepInputs: Sendable {
    package let definition: StepDefinition
    private let environment: [String: String]
    private let flags: [String: String]

    package init(definition: StepDefinition, environment: [String: String], flags: [String: String]) {
        self.definition = definition
        self.environment = environment
        self.flags = flags
    }

    /// The raw value (untrimmed) or nil when absent. Unknown names are a programming error.
    package func raw(_ name: String) -> String? {
        precondition(definition.input(named: name) != nil, "input '\(name)' is not declared by \(definition.name)")
        if let flag = flags[name] { return flag }
        return environment[InputSpec.environmentVariable(for: name)]
    }

    /// The trimmed value; the declared default when absent or empty; `""` when neither.
    package func string(_ name: String) throws(InputError) -> String {
        let value = (raw(name) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if !value.isEmpty { return value }
        let spec = definition.input(named: name)!
        if let fallback = spec.defaultValue { return fallback }
        if spec.isRequired { throw .required(name) }
        return ""
    }

    /// The value, or nil when absent and without default.
    package func optionalString(_ name: String) throws(InputError) -> String? {
        let value = try string(name)
        return value.isEmpty ? nil : value
    }

    /// `true | True | TRUE | false | False | FALSE`, anything else is an error naming the input.
    package func bool(_ name: String) throws(InputError) -> Bool {
        let value = try string(name)
        switch value {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: throw .notBoolean(name, value: value)
        }
    }

    /// One entry per non-empty line, each trimmed.
    package func lines(_ name: String) throws(InputError) -> [String] {
        try string(name)
            .split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// A list given one per line or comma-separated (`a,b` or `a\nb`), trimmed, empty entries dropped.
    package func list(_ name: String) throws(InputError) -> [String] {
        try lines(name).flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    package func integer(_ name: String, in range: ClosedRange<Int>) throws(InputError) -> Int {
        let value = try string(name)
        guard let number = Int(value), range.contains(number) else {
            throw .notInteger(name, value: value, range: range)
        }
        return number
    }

    /// The value when it is one of the allowed choices.
    package func choice<T: RawRepresentable & CaseIterable>(_ name: String, as type: T.Type) throws(InputError) -> T
    where T.RawValue == String {
        let value = try string(name)
        if let choice = T(rawValue: value) { return choice }
        throw .notAChoice(name, value: value, allowed: T.allCases.map(\.rawValue))
    }
}

package enum InputError: Error, Equatable, CustomStringConvertible {
    case required(String)
    case notBoolean(String, value: String)
    case notInteger(String, value: String, range: ClosedRange<Int>)
    case notAChoice(String, value: String, allowed: [String])
    case unknownFlag(String, suggestion: String?)
    case flagWithoutValue(String)
    case invalid(String, reason: String)

    package var description: String {
        switch self {
        case .required(let name):
            "Input required and not supplied: \(name)"
        case .notBoolean(let name, let value):
            "Input does not meet YAML 1.2 \"Core Schema\" specification: \(name) (got '\(value)'). "
                + "Support boolean input list: `true | True | TRUE | false | False | FALSE`"
        case .notInteger(let name, let value, let range):
            "Input \(name) must be a whole number from \(range.lowerBound) to \(range.upperBound); got '\(value)'."
        case .notAChoice(let name, let value, let allowed):
            "Input \(name) must be one of \(allowed.joined(separator: ", ")); got '\(value)'."
        case .unknownFlag(let flag, let suggestion):
            "Unknown option '\(flag)'." + (suggestion.map { " Did you mean '\($0)'?" } ?? "") + " See --help."
        case .flagWithoutValue(let flag):
            "Option '\(flag)' needs a value: \(flag) VALUE or \(flag)=VALUE."
        case .invalid(let name, let reason):
            "Input \(name) is invalid: \(reason)"
        }
    }
}

extension InputError: DiagnosticConvertible {
    /// A bad input is a configuration error: exit 2.
    package var diagnostics: [Diagnostic] {
        [.failure(description, category: .configuration)]
    }
}
