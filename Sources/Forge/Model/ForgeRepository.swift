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

/// One repository of an owner's listing.
package struct ForgeRepositoryListing: Sendable, Equatable, Codable {
    /// `owner/name`, spelled as the forge spells it.
    package var name: String
    /// Lower-case topics, as GitHub keeps them.
    package var topics: [String]
    package var archived: Bool
    package var fork: Bool

    package init(name: String, topics: [String] = [], archived: Bool = false, fork: Bool = false) {
        self.name = name
        self.topics = topics
        self.archived = archived
        self.fork = fork
    }
}
