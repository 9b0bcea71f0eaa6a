import Foundation
import SyncCore

package struct ForgeRepository: Sendable, Equatable, Codable {
    package var name: String
    package var defaultBranch: String
    package var canPush: Bool
    package var allowsAutoMerge: Bool

    package init(name: String, defaultBranch: String, canPush: Bool, allowsAutoMerge: Bool) {
        self.name = name
        self.defaultBranch = defaultBranch
        self.canPush = canPush
        self.allowsAutoMerge = allowsAutoMerge
    }
}

package struct ForgeCommit: Sendable, Equatable, Codable {
    package var id: String
    package var message: String
    package var parents: [String]

    package init(id: String, message: String, parents: [String]) {
        self.id = id
        self.message = message
        self.parents = parents
    }

    package var isMerge: Bool { parents.count > 1 }
}
