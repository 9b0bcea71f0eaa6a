import Diagnostics

/// How a diagnostic reads on a run: the one place that turns it into an annotation
/// (`::error file=…,line=…::message`) or, outside Actions, into a plain `error: file:line:col:` line.
extension Diagnostic {
    /// GitHub truncates annotation messages; we cut them ourselves so the cut is visible.
    package static let annotationMessageLimit = 4096

    /// The workflow command that shows it as an annotation on the run and, with a file, on the diff.
    package var command: WorkflowCommand {
        var properties: [(key: String, value: String)] = []
        func add(_ key: String, _ value: String?) {
            if let value { properties.append((key, value)) }
        }
        add("title", title)
        add("file", location?.file)
        add("line", location?.line.map(String.init))
        add("endLine", location?.endLine.map(String.init))
        add("col", location?.column.map(String.init))
        add("endColumn", location?.endColumn.map(String.init))
        return WorkflowCommand(severity.rawValue, properties: properties, message: Self.truncated(fullMessage))
    }

    static func truncated(_ message: String) -> String {
        guard message.count > annotationMessageLimit else { return message }
        return String(message.prefix(annotationMessageLimit - 1)) + "…"
    }

    /// The same diagnostic with every text it shows passed through `redact`.
    func redacted(_ redact: (String) -> String) -> Diagnostic {
        var safe = self
        safe.message = redact(message)
        safe.hint = hint.map(redact)
        safe.title = title.map(redact)
        return safe
    }
}
