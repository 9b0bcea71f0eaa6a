/// One input of a step, as documented in `--help`, action.yml and the docs.
package struct InputSpec: Sendable, Equatable {
    package enum Kind: String, Sendable {
        case string, boolean, list, path, number
    }

    package var name: String
    package var description: String
    package var kind: Kind
    package var isRequired: Bool
    package var defaultValue: String?
    /// A secret input is masked and never recorded in replay files.
    package var isSecret: Bool
    /// Where the step writes (a report, the plan folder): a replay sends it to a temporary
    /// folder instead, so it never overwrites the recorded run's files.
    package var isOutputLocation: Bool

    package init(
        _ name: String, _ description: String, kind: Kind = .string, required: Bool = false,
        default defaultValue: String? = nil, secret: Bool = false, writes: Bool = false
    ) {
        self.name = name
        self.description = description
        self.kind = kind
        self.isRequired = required
        self.defaultValue = defaultValue
        self.isSecret = secret
        self.isOutputLocation = writes
    }

    /// `INPUT_` + the name upper-cased with spaces as underscores; hyphens are kept.
    package var environmentVariable: String { Self.environmentVariable(for: name) }

    /// The command-line flag: `--target-repos`.
    package var flag: String { "--" + name.lowercased().replacingOccurrences(of: " ", with: "-") }

    package static func environmentVariable(for name: String) -> String {
        "INPUT_" + name.replacingOccurrences(of: " ", with: "_").uppercased()
    }
}

/// One output of a step.
package struct OutputSpec: Sendable, Equatable {
    package var name: String
    package var description: String

    package init(_ name: String, _ description: String) {
        self.name = name
        self.description = description
    }
}

/// What a step reads and writes: the single source for flags, `--help`, docs and action.yml checks.
package struct StepDefinition: Sendable {
    package var name: String
    package var summary: String
    package var inputs: [InputSpec]
    package var outputs: [OutputSpec]
    /// Environment variables that hold secrets for this step (masked, recorded by name only).
    package var secretVariables: [String]

    package init(name: String, summary: String, inputs: [InputSpec], outputs: [OutputSpec], secretVariables: [String] = []) {
        self.name = name
        self.summary = summary
        self.inputs = inputs
        self.outputs = outputs
        self.secretVariables = secretVariables
    }

    package func input(named name: String) -> InputSpec? {
        inputs.first { $0.name == name }
    }
}
