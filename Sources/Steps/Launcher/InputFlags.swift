import ActionsRuntime
import SyncCore

/// Turns `--target-repos a,b`, `--target-repos=a,b` and `--force` into input values.
enum InputFlags {
    static func parse(_ arguments: [String], definition: StepDefinition) throws(InputError) -> [String: String] {
        var values: [String: String] = [:]
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("--"), argument.count > 2 else {
                throw .invalid("arguments", reason: "unexpected argument '\(argument)'; inputs are given as --name value (see --help).")
            }
            var name = String(argument.dropFirst(2))
            var value: String?
            if let equals = name.firstIndex(of: "=") {
                value = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard let input = definition.inputs.first(where: { $0.flag == "--" + name }) else {
                throw .unknownFlag("--" + name, suggestion: Suggestion.closest(to: "--" + name, in: definition.inputs.map(\.flag) + ["--replay", "--help"]))
            }
            if value == nil {
                if index < arguments.count, !isFlag(arguments[index], definition: definition) {
                    value = arguments[index]
                    index += 1
                } else if input.kind == .boolean {
                    value = "true"
                } else {
                    throw .flagWithoutValue("--" + name)
                }
            }
            values[input.name] = value
        }
        return values
    }

    private static func isFlag(_ argument: String, definition: StepDefinition) -> Bool {
        guard argument.hasPrefix("--") else { return false }
        let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
        return definition.inputs.contains { $0.flag == name }
    }
}
