/// Things the PR says that are not file changes.
package struct SyncNotice: Sendable, Equatable {
    package enum Kind: String, Sendable, Equatable {
        /// Upstream removed the file; it stays because it changed downstream or delete_orphaned is off.
        case orphanKept
        /// An override whose upstream file is gone: kept, and reported.
        case overrideWithoutSource
        /// A binary file that changed on both sides: the downstream version is kept.
        case binaryKept
        /// The target has a symbolic link where the rule writes (or at its override): left alone.
        case symbolicLinkKept
        case note
    }

    package var kind: Kind
    package var path: String
    package var message: String

    package init(_ kind: Kind, path: String, message: String) {
        self.kind = kind
        self.path = path
        self.message = message
    }
}
