import ActionsRuntime

/// The `--help` text of a step: its inputs and outputs, generated from its definition.
enum StepHelp {
    static func discussion(for definition: StepDefinition) -> String {
        var lines = ["INPUTS (flag, or the INPUT_ variable the Actions runner sets):"]
        for input in definition.inputs {
            var head = "  \(input.flag) <\(input.kind.rawValue)>"
            var tags: [String] = []
            if input.isRequired { tags.append("required") }
            if let value = input.defaultValue { tags.append("default: \(value.isEmpty ? "\"\"" : value)") }
            if input.isSecret { tags.append("secret") }
            if !tags.isEmpty { head += "  (" + tags.joined(separator: ", ") + ")" }
            lines.append(head)
            lines.append("      \(input.description)")
            lines.append("      env: \(input.environmentVariable)")
        }
        lines.append("")
        lines.append("OUTPUTS (written to GITHUB_OUTPUT; printed when run outside Actions):")
        for output in definition.outputs {
            lines.append("  \(output.name)")
            lines.append("      \(output.description)")
        }
        lines.append("")
        lines.append("EXIT STATUS: 0 success, 1 what was checked failed, 2 bad configuration or input.")
        lines.append("REPLAY: set FLASH_SYNC_REPLAY_DIR to record \(definition.name).replay.json; re-run it with --replay FILE")
        lines.append("        (sealed with AES-GCM when ENCRYPTION_KEY is set).")
        return lines.joined(separator: "\n")
    }
}
