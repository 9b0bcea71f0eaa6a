/// The kinds of annotation a step can attach to a run.
package enum AnnotationKind: String, Sendable, CaseIterable, Comparable {
    case error, warning, notice

    package static func < (lhs: AnnotationKind, rhs: AnnotationKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A finding shown on the run and, when it has a file, on the diff.
package struct Annotation: Sendable, Equatable {
    package var kind: AnnotationKind
    package var message: String
    package var title: String?
    package var file: String?
    package var line: Int?
    package var endLine: Int?
    package var column: Int?
    package var endColumn: Int?

    package init(
        _ kind: AnnotationKind, _ message: String, title: String? = nil, file: String? = nil,
        line: Int? = nil, endLine: Int? = nil, column: Int? = nil, endColumn: Int? = nil
    ) {
        self.kind = kind
        self.message = message
        self.title = title
        self.file = file
        self.line = line
        self.endLine = endLine
        self.column = column
        self.endColumn = endColumn
    }

    /// GitHub truncates annotation messages; we cut them ourselves so the cut is visible.
    package static let messageLimit = 4096

    package var command: WorkflowCommand {
        var properties: [(key: String, value: String)] = []
        func add(_ key: String, _ value: String?) {
            if let value { properties.append((key, value)) }
        }
        add("title", title)
        add("file", file)
        add("line", line.map(String.init))
        add("endLine", endLine.map(String.init))
        add("col", column.map(String.init))
        add("endColumn", endColumn.map(String.init))
        return WorkflowCommand(kind.rawValue, properties: properties, message: Self.truncated(message))
    }

    /// `file:line:col` when known, for summaries and plain logs.
    package var location: String? {
        guard let file else { return nil }
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }

    static func truncated(_ message: String) -> String {
        guard message.count > messageLimit else { return message }
        return String(message.prefix(messageLimit - 1)) + "…"
    }
}
