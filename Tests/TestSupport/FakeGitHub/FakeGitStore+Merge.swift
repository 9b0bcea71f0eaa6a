import Foundation

/// A three-way merge path by path, enough for a pull request's merge commit and its mergeable state.
extension FakeGitStore {
    struct Merge {
        /// The base's files with the head's changes since the merge base applied; the head wins a conflict.
        var files: [String: File]
        /// Paths both sides changed since the merge base, to different results.
        var conflicts: [String]
    }

    func merge(_ head: String, into base: String) -> Merge {
        let ancestor = mergeBase(base, head).map { files(atCommit: $0) } ?? [:]
        let ours = files(atCommit: base)
        let theirs = files(atCommit: head)
        var merged = ours
        var conflicts: [String] = []
        for path in Set(theirs.keys).union(ancestor.keys) where theirs[path] != ancestor[path] {
            if ours[path] != ancestor[path], ours[path] != theirs[path] { conflicts.append(path) }
            merged[path] = theirs[path]
        }
        return Merge(files: merged, conflicts: conflicts.sorted())
    }
}
