import MarkdownScan
import SyncCore
/// The rule's transforms on a Markdown file's links, applied in the order the rule lists them.
/// Everything that is not a link destination stays byte for byte.
package struct ContentTransforms: Sendable {
    package var transforms: [SyncTransform]
    /// Whether an upstream path is internal-only (configured globs or frontmatter `internal: true`).
    package var isInternal: @Sendable (String) -> Bool

    package init(_ transforms: [SyncTransform], isInternal: @escaping @Sendable (String) -> Bool) {
        self.transforms = transforms
        self.isInternal = isInternal
    }

    package struct Result: Sendable {
        package var text: String
        package var rewritten: Int
        package var stripped: Int
    }

    package func apply(to text: String, sourcePath: String) -> Result {
        var result = Result(text: text, rewritten: 0, stripped: 0)
        for transform in transforms {
            let document = MarkdownDocument(result.text)
            switch transform {
            case .rewritePaths(let from, let to):
                var count = 0
                result.text = document.rewritingDestinations { link in
                    guard let destination = link.destination, RepositoryPath.isPathReference(destination),
                          let rewritten = Self.rewrite(destination, from: from, to: to)
                    else { return nil }
                    count += 1
                    return rewritten
                }
                result.rewritten += count
            case .stripInternalLinks:
                var count = 0
                result.text = document.removingLinks { link in
                    guard link.isRemovable, let parts = link.destinationParts, RepositoryPath.isPathReference(parts.path),
                          let target = RepositoryPath.resolve(parts.path, from: sourcePath), isInternal(target)
                    else { return false }
                    count += 1
                    return true
                }
                result.stripped += count
            }
        }
        return result
    }

    /// `core/x.md` → `docs/agent33/x.md` and `/core/x.md` → `/docs/agent33/x.md`.
    static func rewrite(_ destination: String, from: String, to: String) -> String? {
        if destination.hasPrefix(from) { return to + destination.dropFirst(from.count) }
        if destination.hasPrefix("/" + from) { return "/" + to + destination.dropFirst(from.count + 1) }
        return nil
    }
}
