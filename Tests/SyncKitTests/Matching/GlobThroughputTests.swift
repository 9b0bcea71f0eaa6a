import Foundation
@testable import SyncCore
import Testing

/// Throughput check, run on demand in a release build:
/// `GLOB_BENCHMARK=1 swift test -c release --filter GlobThroughputTests`
@Suite("Glob throughput", .enabled(if: ProcessInfo.processInfo.environment["GLOB_BENCHMARK"] != nil))
struct GlobThroughputTests {
    @Test("Matches at least 200,000 paths per second")
    func throughput() throws {
        let globs = try [
            "core/orchestrator/**/*.md", "**/*.{yml,yaml}", "docs/*/[a-m]*.md", "agents/**", "README.md",
        ].map { try Glob($0) }
        var paths: [String] = []
        for index in 0..<2_000 {
            paths.append("core/orchestrator/area\(index % 17)/sub\(index % 5)/file\(index).md")
            paths.append("docs/section\(index % 9)/\(index % 2 == 0 ? "alpha" : "zulu")\(index).md")
            paths.append("config/deep/\(index)/settings.yaml")
            paths.append(".github/workflows/w\(index).yml")
        }
        var matched = 0
        let clock = ContinuousClock()
        let rounds = 25
        let elapsed = clock.measure {
            for _ in 0..<rounds {
                for glob in globs {
                    for path in paths where glob.matches(path) { matched += 1 }
                }
            }
        }
        let matches = Double(rounds * globs.count * paths.count)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = matches / seconds
        print("glob throughput: \(Int(rate)) matches/s (\(Int(matches)) matches in \(seconds) s, \(matched) true)")
        #expect(matched > 0)
        #expect(rate >= 200_000)
    }
}
