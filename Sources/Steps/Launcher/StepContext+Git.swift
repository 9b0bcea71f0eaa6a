import ActionsRuntime
import SyncCore

extension StepContext {
    /// git runs with what it needs from the step's environment and nothing of the machine's git
    /// configuration (see `GitEnvironment`).
    package var gitEnvironment: GitEnvironment { GitEnvironment(inheriting: environment) }
}
