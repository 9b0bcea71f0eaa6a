import Foundation

/// What an HTTP client takes from the outside world besides the network: the clock (rate-limit
/// resets, pacing, lookup windows), the random source (back-off jitter) and the wait itself.
/// Steps pass the step context's; tests pass a fixed clock, a fixed draw and a wait that records.
package struct HTTPEffects: Sendable {
    /// Seconds since 1970.
    package var now: @Sendable () -> Double
    /// A uniform draw from 0...1.
    package var random: @Sendable () -> Double
    package var sleep: @Sendable (Double) async -> Void

    package init(
        now: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0...1) },
        sleep: @escaping @Sendable (Double) async -> Void = { try? await Task.sleep(nanoseconds: UInt64(max(0, $0) * 1_000_000_000)) }
    ) {
        self.now = now
        self.random = random
        self.sleep = sleep
    }

    /// The real clock, the system's random source and real waits.
    package static let live = HTTPEffects()
}
