/// Receives diagnostics as they are found; the step session is the collector of a run.
package protocol DiagnosticCollector: Sendable {
    func emit(_ diagnostic: Diagnostic)
}

/// An error that knows how it reads as diagnostics: the launcher collects these instead of
/// printing `error.description`, so a step throws the error and never re-wraps it.
package protocol DiagnosticConvertible: Error {
    var diagnostics: [Diagnostic] { get }
}

extension Diagnostic: DiagnosticConvertible {
    package var diagnostics: [Diagnostic] { [self] }
}

extension DiagnosticGroup: DiagnosticConvertible {}

/// What a set of collected diagnostics means for the run.
package struct DiagnosticTally: Sendable, Equatable {
    package private(set) var counts: [Diagnostic.Severity: Int] = [:]
    /// An error of the configuration category was collected.
    package private(set) var hasConfigurationError = false
    /// An error of the failure category was collected.
    package private(set) var hasFailure = false

    package init() {}

    package init(_ diagnostics: some Sequence<Diagnostic>) {
        for diagnostic in diagnostics { add(diagnostic) }
    }

    package mutating func add(_ diagnostic: Diagnostic) {
        counts[diagnostic.severity, default: 0] += 1
        guard diagnostic.severity == .error else { return }
        switch diagnostic.category {
        case .configuration: hasConfigurationError = true
        case .failure: hasFailure = true
        case .finding: break
        }
    }

    package func count(_ severity: Diagnostic.Severity) -> Int { counts[severity, default: 0] }
}
