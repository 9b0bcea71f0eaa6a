import Foundation
import Forge
import SyncKit

/// What every rule's delivery shares: the forge, the plan and its blob store, the options.
package struct DeliveryContext: Sendable {
    package var forge: any Forge
    package var plan: Plan
    package var layout: SyncLayout
    /// The rendered content of a planned file, by its SHA-256.
    package var blob: @Sendable (String) -> Data?
    /// The upstream CHANGELOG.md at the release, for the changelog excerpt.
    package var changelog: String?
    package var force: Bool
    package var dryRun: Bool
    /// ISO 8601 time of this run, and its date.
    package var now: String
    package var date: String

    package init(forge: any Forge, plan: Plan, blob: @escaping @Sendable (String) -> Data?, changelog: String?, force: Bool, dryRun: Bool, now: String) {
        self.forge = forge
        self.plan = plan
        self.layout = SyncLayout(namespace: plan.namespace, sourceRoot: plan.sourceRoot)
        self.blob = blob
        self.changelog = changelog
        self.force = force
        self.dryRun = dryRun
        self.now = now
        self.date = String(now.prefix(10))
    }

    /// The trailer that marks commits made by the sync (a branch head without it was edited by hand).
    static let trailer = "Synced-By: flash-sync"
}
