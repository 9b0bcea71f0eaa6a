import Diagnostics
/// Reads inputs exactly as the Actions toolkit does: `INPUT_<NAME>`, trimmed, with
/// strict booleans, multiline lists, and a named error for a missing required input.
/// Flags given on the command line win over the environment. Steps read through typed keys
/// (`inputs(Input.dryRun)`): the key carries the spec, so no input is looked up by name.
package struct StepInputs: Sendable {
    package let definition: StepDefinition
    private let environment: [String: String]
    private let flags: [String: String]

    package init(definition: StepDefinition, environment: [String: String], flags: [String: String]) {
        self.definition = definition
        self.environment = environment
        self.flags = flags
    }

    /// The value of a typed input: read as its key says, with the key's default and requirement.
    package func callAsFunction<Value>(_ key: InputKey<Value>) throws(InputError) -> Value {
        try key.read(self, key.spec)
    }

    /// The raw value (untrimmed) or nil when absent: the flag, else `INPUT_<NAME>`.
    package func raw(_ spec: InputSpec) -> String? {
        if let flag = flags[spec.name] { return flag }
        return environment[spec.environmentVariable]
    }

    /// The trimmed value; the declared default when absent or empty; `""` when neither.
    func string(_ spec: InputSpec) throws(InputError) -> String {
        let value = (raw(spec) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if !value.isEmpty { return value }
        if let fallback = spec.defaultValue { return fallback }
        if spec.isRequired { throw .required(spec.name) }
        return ""
    }

    /// The value, or nil when absent and without default. Package-wide for code that goes
    /// through `definition.inputs` (the output-location check); steps read through keys.
    package func optionalString(_ spec: InputSpec) throws(InputError) -> String? {
        let value = try string(spec)
        return value.isEmpty ? nil : value
    }

    /// `true | True | TRUE | false | False | FALSE`, anything else is an error naming the input.
    func bool(_ spec: InputSpec) throws(InputError) -> Bool {
        let value = try string(spec)
        switch value {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: throw .notBoolean(spec.name, value: value)
        }
    }

    /// One entry per non-empty line, each trimmed.
    func lines(_ spec: InputSpec) throws(InputError) -> [String] {
        try string(spec)
            .split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// A list given one per line or comma-separated (`a,b` or `a\nb`), trimmed, empty entries dropped.
    func list(_ spec: InputSpec) throws(InputError) -> [String] {
        try lines(spec).flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    func integer(_ spec: InputSpec, in range: ClosedRange<Int>) throws(InputError) -> Int {
        let value = try string(spec)
        guard let number = Int(value), range.contains(number) else {
            throw .notInteger(spec.name, value: value, range: range)
        }
        return number
    }

    /// The value when it is one of the allowed choices.
    func choice<T: RawRepresentable & CaseIterable>(_ spec: InputSpec, as type: T.Type) throws(InputError) -> T
    where T.RawValue == String {
        let value = try string(spec)
        if let choice = T(rawValue: value) { return choice }
        throw .notAChoice(spec.name, value: value, allowed: T.allCases.map(\.rawValue))
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
        [.configuration(description)]
    }
}
