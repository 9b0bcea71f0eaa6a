import Diagnostics

extension SARIFResult {
    /// The one mapping from a diagnostic to a SARIF result: its rule, level, message (with the
    /// hint) and location (a diagnostic without a line points at line 1). Every step's SARIF
    /// goes through here.
    package init(_ diagnostic: Diagnostic, ruleIndex: Int? = nil, fingerprint: String? = nil) {
        self.init(
            ruleId: diagnostic.ruleID ?? "flash-sync", ruleIndex: ruleIndex, level: SARIFLevel(diagnostic.severity),
            message: diagnostic.fullMessage,
            locations: diagnostic.location.map { [SARIFLocation(path: $0.file, line: $0.line ?? 1, column: $0.column)] } ?? [],
            fingerprint: fingerprint
        )
    }
}

extension SARIFLevel {
    package init(_ severity: Diagnostic.Severity) {
        switch severity {
        case .error: self = .error
        case .warning: self = .warning
        case .notice: self = .note
        }
    }
}
