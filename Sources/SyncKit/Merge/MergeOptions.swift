/// How a three-way merge writes its result.
package struct MergeOptions: Sendable, Equatable {
    /// The names written after the conflict markers.
    package var labels: ConflictLabels
    /// How many `<`, `|`, `=` and `>` each marker has (git's default is 7).
    package var markerSize: Int
    /// What to write where both sides changed the same lines.
    package var resolution: ConflictResolution

    package init(
        labels: ConflictLabels = ConflictLabels(), markerSize: Int = 7, resolution: ConflictResolution = .markers
    ) {
        self.labels = labels
        self.markerSize = markerSize > 0 ? markerSize : 7
        self.resolution = resolution
    }
}

/// The names in `<<<<<<< ours`, `||||||| base` and `>>>>>>> theirs`.
package struct ConflictLabels: Sendable, Equatable {
    package var ours: String
    package var base: String
    package var theirs: String

    package init(ours: String = "ours", base: String = "base", theirs: String = "theirs") {
        self.ours = ours
        self.base = base
        self.theirs = theirs
    }
}

/// What a merge writes for a conflict.
package enum ConflictResolution: Sendable, Equatable {
    /// Both sides and the base between diff3-style markers, like `git merge-file --diff3`.
    case markers
    /// Our side's lines only, like `git merge-file --ours`.
    case ours
    /// Their side's lines only, like `git merge-file --theirs`.
    case theirs
}
