import Diagnostics
import Foundation
import Governance
import SyncCore
import SyncKit

extension RulesLoadCheck {
    /// plan-sync's loader: every problem of every rule file, dependencies and cycles included.
    package static let syncRules = RulesLoadCheck { folder, shownAs in
        do throws(DiagnosticGroup) {
            _ = try RuleSet.load(rulesFolder: folder, rulesFolderName: shownAs, targetsFile: nil, settingsFile: nil)
            return []
        } catch {
            return error.diagnostics
        }
    }
}
