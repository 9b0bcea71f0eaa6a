import ActionsRuntime
import Diagnostics

/// How a step ended; the exit code is the contract with the workflow.
package enum StepStatus: Int32, Sendable {
    /// Everything checked passed.
    case success = 0
    /// What the step checked failed (a missing secret, a blocked rule...).
    case failed = 1
    /// The configuration or the inputs are broken.
    case misconfigured = 2
}

/// One executable's logic, in the library so tests run it in process.
package protocol StepCommand: Sendable {
    static var definition: StepDefinition { get }
    init()
    func run(_ session: StepSession) async throws -> StepStatus
}

extension StepStatus {
    /// The exit code the collected diagnostics call for: 2 after a configuration error, 1 after
    /// a failure, 0 otherwise (findings leave the decision to the step).
    package init(_ tally: DiagnosticTally) {
        self = tally.hasConfigurationError ? .misconfigured : tally.hasFailure ? .failed : .success
    }

    /// The more severe of two outcomes.
    package static func worst(_ lhs: StepStatus, _ rhs: StepStatus) -> StepStatus {
        lhs.rawValue >= rhs.rawValue ? lhs : rhs
    }
}
