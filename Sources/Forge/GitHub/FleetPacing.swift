/// GitHub's secondary limits on content-creating requests (about 80 a minute and 500 an hour for
/// one token) are shared by every job of a sync's matrix, while each job paces alone. Knowing how
/// many jobs run at once, each job takes its share: writes spaced so that all jobs together stay
/// under the per-minute limit, and at most its share of the hourly limit, planned per target
/// before anything is written, so a target is delivered whole or left for the next run.
package struct FleetPacing: Sendable, Equatable {
    package static let writesPerMinute = 80
    package static let writesPerHour = 500
    /// The most writes one rule's delivery makes: tree, commit, ref, pull request, labels,
    /// reviewers, auto-merge.
    package static let writesPerRule = 7

    /// Jobs of the matrix that run at once (`max-parallel`).
    package let parallelJobs: Int
    /// The interval asked for; the fleet's share never lowers it.
    package let requestedInterval: Double
    /// Writes the job may make, when set (0: no limit); otherwise its share of the hourly limit.
    package let writeBudget: Int?

    package init(parallelJobs: Int, requestedInterval: Double, writeBudget: Int? = nil) {
        self.parallelJobs = max(1, parallelJobs)
        self.requestedInterval = requestedInterval
        self.writeBudget = writeBudget
    }

    /// Seconds between two writes of this job.
    package var interval: Double {
        max(requestedInterval, 60 * Double(parallelJobs) / Double(Self.writesPerMinute))
    }

    /// Writes this job may make in an hour (`Int.max` for no limit).
    package var hourlyShare: Int {
        if let writeBudget { return writeBudget == 0 ? .max : writeBudget }
        return Self.writesPerHour / parallelJobs
    }

    /// Splits targets (by their rule counts, in order) into those whose writes fit the hourly
    /// share and those left for the next run.
    package func admit<Target>(_ targets: [Target], rules: (Target) -> Int) -> (now: [Target], later: [Target]) {
        var left = hourlyShare
        var now: [Target] = []
        var later: [Target] = []
        for target in targets {
            let cost = rules(target) * Self.writesPerRule
            if later.isEmpty, cost <= left {
                now.append(target)
                left -= cost
            } else {
                later.append(target)
            }
        }
        return (now, later)
    }
}
