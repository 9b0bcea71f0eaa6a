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
            lines += wrapped(input.description)
            lines.append("      env: \(input.environmentVariable)")
        }
        lines.append("")
        lines.append("OUTPUTS (written to GITHUB_OUTPUT; printed when run outside Actions):")
        for output in definition.outputs {
            lines.append("  \(output.name)")
            lines += wrapped(output.description)
        }
        lines.append("")
        lines.append("EXIT STATUS: 0 success, 1 what was checked failed, 2 bad configuration or input.")
        lines.append("REPLAY: set FLASH_SYNC_REPLAY_DIR to record \(definition.name).replay.json; re-run it with --replay FILE")
        lines.append("        (sealed with AES-GCM when ENCRYPTION_KEY is set).")
        return lines.joined(separator: "\n")
    }

    /// A description indented by six spaces and wrapped at 78 columns, under the width at which
    /// the argument parser would re-wrap it (and lose the indent).
    static func wrapped(_ text: String, width: Int = 78) -> [String] {
        let indent = "      "
        var lines: [String] = []
        var line = indent
        for word in text.split(separator: " ") {
            if line.count > indent.count, line.count + 1 + word.count > width {
                lines.append(line)
                line = indent
            }
            line += (line.count > indent.count ? " " : "") + word
        }
        lines.append(line)
        return lines
    }
}
