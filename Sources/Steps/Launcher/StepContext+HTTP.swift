import ActionsRuntime
import Forge

extension StepContext {
    /// The step's clock, random source and waits, for the GitHub and Slack clients.
    package var httpEffects: HTTPEffects {
        let now = self.now
        return HTTPEffects(now: { now().timeIntervalSince1970 }, random: random, sleep: sleep)
    }
}
