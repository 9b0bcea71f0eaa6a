import ActionsRuntime
import Forge
import Foundation

/// The `forge` input: `local:DIR` for the local forge (bare repositories and a ledger in DIR).
enum ForgeSelection {
    static let input = InputSpec(
        "forge", "Where target repositories live: `local:DIR` (bare git repositories DIR/<owner>/<name>.git and DIR/ledger.json: the demo, replays, tests).",
        default: "local:.flash-sync/forge"
    )

    static func make(_ session: StepSession) throws -> any Forge {
        let value = try session.inputs.string("forge")
        guard !value.isEmpty else { throw StepFailure(.misconfigured, "No forge given: set forge to local:DIR.") }
        if value.hasPrefix("local:") {
            let path = String(value.dropFirst("local:".count))
            guard !path.isEmpty else { throw StepFailure(.misconfigured, "forge 'local:' needs a folder: local:DIR.") }
            let url = session.context.url(forPath: path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw StepFailure(.misconfigured, "forge folder \(url.path) does not exist.")
            }
            return LocalForge(root: url)
        }
        throw StepFailure(.misconfigured, "forge '\(value)' is not supported by this version: use local:DIR. (The GitHub forge is not part of this build.)")
    }
}
