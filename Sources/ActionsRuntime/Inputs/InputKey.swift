/// A step's input as a typed key: its spec (name, description, kind, default: what `--help`, the
/// docs and action.yml show) and how its value is read. A step declares its keys once, builds its
/// `StepDefinition` from their specs, and reads `inputs(Input.dryRun)`: the value comes typed,
/// and no input is ever looked up by a name that the definition might not declare.
package struct InputKey<Value: Sendable>: Sendable {
    package let spec: InputSpec
    let read: @Sendable (StepInputs, InputSpec) throws(InputError) -> Value

    init(_ spec: InputSpec, read: @escaping @Sendable (StepInputs, InputSpec) throws(InputError) -> Value) {
        self.spec = spec
        self.read = read
    }

    /// The input's name, for messages about it.
    package var name: String { spec.name }
}

extension InputKey where Value == String {
    /// The trimmed value; the default when absent or empty; `""` when neither (a required input
    /// without a value is an error naming it).
    package static func string(
        _ name: String, _ description: String, kind: InputSpec.Kind = .string, required: Bool = false,
        default defaultValue: String? = nil, secret: Bool = false, writes: Bool = false
    ) -> InputKey<String> {
        InputKey(InputSpec(name, description, kind: kind, required: required, default: defaultValue, secret: secret, writes: writes)) {
            (inputs: StepInputs, spec: InputSpec) throws(InputError) -> String in
            try inputs.string(spec)
        }
    }
}

extension InputKey where Value == String? {
    /// The trimmed value, or nil when it is empty and the default is empty or absent.
    package static func optionalString(
        _ name: String, _ description: String, kind: InputSpec.Kind = .string, required: Bool = false,
        default defaultValue: String? = nil, secret: Bool = false, writes: Bool = false
    ) -> InputKey<String?> {
        InputKey(InputSpec(name, description, kind: kind, required: required, default: defaultValue, secret: secret, writes: writes)) {
            (inputs: StepInputs, spec: InputSpec) throws(InputError) -> String? in
            try inputs.optionalString(spec)
        }
    }

    /// A file or folder (kind `path`): the trimmed value, or nil when it is empty and the default
    /// is empty or absent (the step then picks its own place).
    package static func path(
        _ name: String, _ description: String, required: Bool = false,
        default defaultValue: String? = nil, secret: Bool = false, writes: Bool = false
    ) -> InputKey<String?> {
        optionalString(name, description, kind: .path, required: required, default: defaultValue, secret: secret, writes: writes)
    }
}

extension InputKey where Value == Bool {
    /// `true | True | TRUE | false | False | FALSE` (kind `boolean`); anything else is an error naming the input.
    package static func boolean(
        _ name: String, _ description: String, required: Bool = false,
        default defaultValue: String? = nil, secret: Bool = false, writes: Bool = false
    ) -> InputKey<Bool> {
        InputKey(InputSpec(name, description, kind: .boolean, required: required, default: defaultValue, secret: secret, writes: writes)) {
            (inputs: StepInputs, spec: InputSpec) throws(InputError) -> Bool in
            try inputs.bool(spec)
        }
    }
}

extension InputKey where Value == [String] {
    /// One entry per non-empty line, each trimmed.
    package static func lines(
        _ name: String, _ description: String, kind: InputSpec.Kind = .list, required: Bool = false,
        default defaultValue: String? = nil, secret: Bool = false, writes: Bool = false
    ) -> InputKey<[String]> {
        InputKey(InputSpec(name, description, kind: kind, required: required, default: defaultValue, secret: secret, writes: writes)) {
            (inputs: StepInputs, spec: InputSpec) throws(InputError) -> [String] in
            try inputs.lines(spec)
        }
    }

    /// Entries one per line or comma-separated (`a,b` or `a\nb`), trimmed, empty entries dropped.
    package static func list(
        _ name: String, _ description: String, kind: InputSpec.Kind = .list, required: Bool = false,
        default defaultValue: String? = nil, secret: Bool = false, writes: Bool = false
    ) -> InputKey<[String]> {
        InputKey(InputSpec(name, description, kind: kind, required: required, default: defaultValue, secret: secret, writes: writes)) {
            (inputs: StepInputs, spec: InputSpec) throws(InputError) -> [String] in
            try inputs.list(spec)
        }
    }
}

extension InputKey where Value == Int {
    /// A whole number in `range` (kind `number`); anything else is an error naming the input and the range.
    package static func integer(
        _ name: String, _ description: String, in range: ClosedRange<Int>, required: Bool = false,
        default defaultValue: String? = nil, secret: Bool = false, writes: Bool = false
    ) -> InputKey<Int> {
        InputKey(InputSpec(name, description, kind: .number, required: required, default: defaultValue, secret: secret, writes: writes)) {
            (inputs: StepInputs, spec: InputSpec) throws(InputError) -> Int in
            try inputs.integer(spec, in: range)
        }
    }
}

extension InputKey where Value == Int? {
    /// A whole number in `range` (kind `number`), or nil when the value and the default are empty.
    package static func optionalInteger(
        _ name: String, _ description: String, in range: ClosedRange<Int>, required: Bool = false,
        default defaultValue: String? = nil, secret: Bool = false, writes: Bool = false
    ) -> InputKey<Int?> {
        InputKey(InputSpec(name, description, kind: .number, required: required, default: defaultValue, secret: secret, writes: writes)) {
            (inputs: StepInputs, spec: InputSpec) throws(InputError) -> Int? in
            guard try inputs.optionalString(spec) != nil else { return nil }
            return try inputs.integer(spec, in: range)
        }
    }
}

extension InputKey where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
    /// One of `Value`'s cases by raw value; anything else is an error naming the input and the choices.
    package static func choice(
        _ name: String, _ description: String, as type: Value.Type, required: Bool = false,
        default defaultValue: String? = nil, secret: Bool = false, writes: Bool = false
    ) -> InputKey<Value> {
        InputKey(InputSpec(name, description, kind: .string, required: required, default: defaultValue, secret: secret, writes: writes)) {
            (inputs: StepInputs, spec: InputSpec) throws(InputError) -> Value in
            try inputs.choice(spec, as: Value.self)
        }
    }
}
