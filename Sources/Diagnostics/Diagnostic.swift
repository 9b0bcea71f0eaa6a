/// One thing a step tells its reader: what is wrong (or worth knowing), where, what to do about
/// it and which rule says so. Every finding, configuration error and failure becomes one, is sent
/// to a `DiagnosticCollector`, and is rendered in one place (annotations, plain
/// `error: file:line:col:` lines, SARIF, the summary); the exit code follows from what was collected.
package struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// How serious it is; the raw values are GitHub's annotation levels.
    package enum Severity: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
        case error, warning, notice

        package static func < (lhs: Severity, rhs: Severity) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// What an error means for the step's exit code.
    package enum Category: String, Sendable, Hashable {
        /// The configuration or the inputs are broken: exit 2.
        case configuration
        /// The step could not do what it was asked: exit 1.
        case failure
        /// A finding the step reports; the step decides what it means for the run (a forced
        /// validation goes ahead despite it). Thrown, it fails the step like a failure.
        case finding
    }

    package var severity: Severity
    package var message: String
    package var location: FileLocation?
    /// What to do about it, appended to the message wherever it is shown.
    package var hint: String?
    /// The rule or check that found it (`flash-sync/schema_check`, a governance rule id, a sync rule id).
    package var ruleID: String?
    /// The annotation's title.
    package var title: String?
    package var category: Category

    package init(
        _ severity: Severity, _ message: String, title: String? = nil, at location: FileLocation? = nil,
        hint: String? = nil, ruleID: String? = nil, category: Category = .finding
    ) {
        self.severity = severity
        self.message = message
        self.title = title
        self.location = location
        self.hint = hint
        self.ruleID = ruleID
        self.category = category
    }

    /// A diagnostic on a file, line and column (any of which may be unknown).
    package init(
        _ severity: Severity, _ message: String, title: String? = nil, file: String?, line: Int? = nil,
        endLine: Int? = nil, column: Int? = nil, endColumn: Int? = nil, hint: String? = nil,
        ruleID: String? = nil, category: Category = .finding
    ) {
        self.init(
            severity, message, title: title,
            at: file.map { FileLocation(file: $0, line: line, column: column, endLine: endLine, endColumn: endColumn) },
            hint: hint, ruleID: ruleID, category: category
        )
    }

    /// A broken configuration file or input: an error, exit 2.
    package static func configuration(
        file: String, line: Int? = nil, column: Int? = nil, message: String, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, message, title: "Configuration error", file: file, line: line, column: column, hint: hint, category: .configuration)
    }

    /// A broken input or setting that has no file to point at: an error, exit 2.
    package static func configuration(_ message: String, title: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, title: title, category: .configuration)
    }

    /// A step that could not do what it was asked: an error, exit 1.
    package static func failure(_ message: String, title: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, title: title, category: .failure)
    }

    package var file: String? { location?.file }
    package var line: Int? { location?.line }
    package var column: Int? { location?.column }

    /// The message with its hint, as annotations and logs show it.
    package var fullMessage: String {
        message + (hint.map { " " + $0 } ?? "")
    }

    /// `file:line:col: message hint`, or the message alone without a location.
    package var description: String {
        (location.map { "\($0): " } ?? "") + fullMessage
    }

    /// The plain log line: `error: file:line:col: message hint`.
    package var plainLine: String {
        "\(severity.rawValue): " + description
    }
}

/// Several diagnostics found in one pass (every broken line of a configuration file), thrown together.
package struct DiagnosticGroup: Error, Sendable, Equatable, CustomStringConvertible {
    package var diagnostics: [Diagnostic]

    package init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// The diagnostics, each reported once in the order first found: a rule that `target_repos`
    /// expands to many targets says a problem of the rule once, not once per target.
    package init(once diagnostics: [Diagnostic]) {
        var seen = Set<Diagnostic>()
        self.diagnostics = diagnostics.filter { seen.insert($0).inserted }
    }

    package var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
