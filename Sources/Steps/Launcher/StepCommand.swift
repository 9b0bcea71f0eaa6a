import ActionsRuntime

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

/// A failure the step reports with its own exit code and, when it points into a file, an annotation.
package struct StepFailure: Error, Sendable, CustomStringConvertible {
    package var status: StepStatus
    package var message: String
    package var annotation: Annotation?

    package init(_ status: StepStatus, _ message: String, annotation: Annotation? = nil) {
        self.status = status
        self.message = message
        self.annotation = annotation
    }

    package var description: String { message }
}
