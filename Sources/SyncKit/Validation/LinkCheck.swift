import Foundation
import MarkdownScan
import SyncCore

/// Check 2: every relative link and image in synced Markdown resolves in the target's tree after
/// the sync, and every `#fragment` names a heading or HTML anchor of the linked file (GitHub's
/// anchor rules). External links are not fetched; malformed ones are reported.
package struct LinkCheck: Sendable {
    /// Every path the target will have: synced files, unchanged files, files known to exist.
    package var tree: Set<String>
    /// Markdown text of files whose content is known, by target path, for fragment checks.
    package var documents: [String: String]

    /// Every folder of the tree, so a link to a folder resolves without scanning the tree.
    private let folders: Set<String>
    /// Anchors of every known document, computed once and shared by every file's check.
    private let anchorsByDocument: [String: Set<String>]

    package init(tree: Set<String>, documents: [String: String]) {
        self.tree = tree
        self.documents = documents
        var folders = Set<String>()
        for path in tree {
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                if !folders.insert(String(folder)).inserted { break }
            }
        }
        self.folders = folders
        let paths = Array(documents.keys)
        let anchors = paths.concurrentMap { path in Set(MarkdownDocument(documents[path]!).anchors().map(\.name)) }
        anchorsByDocument = Dictionary(uniqueKeysWithValues: zip(paths, anchors))
    }

    package struct Broken: Sendable, Equatable {
        package var destination: String
        package var line: Int
        package var column: Int
        package var reason: String
    }

    package func check(_ text: String, at path: String) -> [Broken] {
        let document = MarkdownDocument(text)
        var broken: [Broken] = []
        func anchors(of target: String) -> Set<String>? {
            if target == path, documents[path] != text { return Set(document.anchors().map(\.name)) }
            return anchorsByDocument[target]
        }
        for link in document.links {
            guard link.kind != .reference, link.kind != .imageReference, let destination = link.destination?.trimmingCharacters(in: .whitespaces) else { continue }
            if let problem = Self.malformedExternal(destination) {
                broken.append(Broken(destination: destination, line: link.position.line, column: link.position.column, reason: problem))
                continue
            }
            guard RepositoryPath.isPathReference(destination) || destination.hasPrefix("#") else { continue }
            let parts = link.destinationParts ?? (destination, nil)
            var target = path
            if !parts.path.isEmpty {
                let decoded = parts.path.removingPercentEncoding ?? parts.path
                guard let resolved = RepositoryPath.resolve(decoded, from: path) else {
                    broken.append(Broken(destination: destination, line: link.position.line, column: link.position.column, reason: "climbs above the repository root"))
                    continue
                }
                target = resolved
                guard tree.contains(resolved) || folders.contains(resolved) || (decoded.hasSuffix("/") && resolved.isEmpty) else {
                    broken.append(Broken(destination: destination, line: link.position.line, column: link.position.column, reason: "\(resolved) does not exist in the target after the sync"))
                    continue
                }
            }
            guard let fragment = parts.fragment, !fragment.isEmpty, TextContent.isMarkdown(target) || target == path else { continue }
            let name = (fragment.removingPercentEncoding ?? fragment).lowercased()
            guard let names = anchors(of: target) else { continue }
            if !names.contains(name) && !names.contains(fragment) && !Self.isLineAnchor(fragment) {
                broken.append(Broken(destination: destination, line: link.position.line, column: link.position.column, reason: "no heading or anchor '#\(fragment)' in \(target)"))
            }
        }
        return broken
    }

    /// GitHub line links (`#L10`, `#L10-L20`) always resolve in a file view.
    static func isLineAnchor(_ fragment: String) -> Bool {
        fragment.range(of: #"^L\d+(-L\d+)?\z"#, options: .regularExpression) != nil
    }

    /// An http(s) link that cannot be a working URL.
    static func malformedExternal(_ destination: String) -> String? {
        let lower = destination.lowercased()
        guard lower.hasPrefix("http:") || lower.hasPrefix("https:") else { return nil }
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return "malformed URL: the scheme must be followed by //" }
        guard let url = URL(string: destination) ?? URL(string: destination.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed) ?? ""),
              let host = url.host, !host.isEmpty
        else { return "malformed URL: no host" }
        if host.contains("..") || host.hasPrefix(".") || host.hasSuffix("-") { return "malformed URL: invalid host '\(host)'" }
        if destination.contains(" ") { return "malformed URL: contains a space (encode it as %20)" }
        return nil
    }
}
