import Foundation
import SyncKit

/// Consecutive failed sync attempts per target and rule, from earlier runs' results (oldest
/// first). A run that did not attempt the rule neither counts nor breaks the streak.
package struct FailureHistory: Sendable {
    package struct Streak: Sendable, Equatable {
        package var count: Int
        package var lastMessage: String?
        package var lastRun: RunReference?

        package init(count: Int, lastMessage: String? = nil, lastRun: RunReference? = nil) {
            self.count = count
            self.lastMessage = lastMessage
            self.lastRun = lastRun
        }
    }

    private var runs: [SyncResults]

    package init(runs: [SyncResults]) {
        self.runs = runs
    }

    package func streak(repository: String, ruleID: String) -> Streak {
        var streak = Streak(count: 0)
        for run in runs.reversed() {
            // Repository names compare without regard to case: runs may spell one target differently.
            guard let result = run.targets.last(where: { $0.repository.lowercased() == repository.lowercased() && $0.ruleID == ruleID }) else { continue }
            guard result.status == .failed else { break }
            if streak.count == 0 {
                streak.lastMessage = result.message
                streak.lastRun = run.run
            }
            streak.count += 1
        }
        return streak
    }
}
