import Foundation
import SyncKit

/// `flash-bench links DIR`: checks every Markdown file below DIR as validate-sync does (the folder
/// is the target tree), prints the time and each broken link as `path:line: destination`.
enum LinkCheckBench {
    static func run(_ args: [String]) throws {
        guard let folder = args.first else { throw SecretScanBench.BenchError.usage("usage: flash-bench links DIR") }
        let root = URL(fileURLWithPath: folder).standardizedFileURL
        let start = Date()
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw SecretScanBench.BenchError.usage("cannot read \(folder)")
        }
        var tree = Set<String>()
        var documents: [String: String] = [:]
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            let path = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
            tree.insert(path)
            if TextContent.isMarkdown(path), let data = FileManager.default.contents(atPath: url.path), let text = TextContent.decode(data) {
                documents[path] = text
            }
        }
        let texts = documents
        let check = LinkCheck(tree: tree, documents: texts)
        let results = documents.keys.sorted().concurrentMap { path in check.check(texts[path]!, at: path).map { "\(path):\($0.line): \($0.destination)" } }
        let broken = results.flatMap { $0 }
        let elapsed = Date().timeIntervalSince(start)
        for line in broken { print(line) }
        FileHandle.standardError.write(Data("\(documents.count) Markdown files, \(broken.count) broken links, \(String(format: "%.3f", elapsed)) s\n".utf8))
    }
}
