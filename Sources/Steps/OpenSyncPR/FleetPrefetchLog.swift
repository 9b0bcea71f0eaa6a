import ActionsRuntime
import Forge

/// The log line of a fleet read: how many targets were read up front in how many requests, and
/// which are read one by one because their batch could not be answered.
enum FleetPrefetchLog {
    static func report(_ prefetch: FleetPrefetch, of count: Int, _ session: StepSession) {
        guard prefetch.requests > 0 else { return }
        session.log("Read \(prefetch.read) of \(count) target\(count == 1 ? "" : "s") up front in \(prefetch.requests) request\(prefetch.requests == 1 ? "" : "s").")
        if !prefetch.notRead.isEmpty {
            session.log("Read one by one instead: \(prefetch.notRead.prefix(10).joined(separator: ", "))\(prefetch.notRead.count > 10 ? ", … (\(prefetch.notRead.count))" : "").")
        }
    }
}
