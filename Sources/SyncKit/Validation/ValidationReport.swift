import Foundation

/// The per-rule validation report, exactly in the specification's `sync_validation` YAML shape.
package enum ValidationReport {
    package static func yaml(ruleID: String, runAt: String, sourceVersion: String, validation: RuleValidation) -> String {
        var lines = [
            "sync_validation:",
            "  rule_id: \(quoted(ruleID))",
            "  run_at: \(quoted(runAt))",
            "  source_version: \(quoted(sourceVersion))",
            "  checks:",
        ]
        for check in validation.checks {
            lines.append("    - name: \(check.name.rawValue)")
            lines.append("      status: \(check.status.rawValue)")
            lines.append("      details: \(quoted(check.details))")
        }
        lines.append("  overall: \(validation.overall.rawValue)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A YAML double-quoted scalar.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += String(format: "\\x%02X", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
