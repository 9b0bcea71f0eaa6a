import Foundation
import SyncCore

/// What the GitHub forge remembers between requests, and between runs when given a folder
/// (the workflow keeps it with actions/cache): ETags and bodies of mutable reads, sent back as
/// `If-None-Match` so unchanged reads come back 304, and git objects, which never change and are
/// read without a request at all. The token is never part of a key or a file.
package final class ResponseCache: @unchecked Sendable {
    package struct Validated: Sendable {
        package var etag: String
        package var body: Data
    }

    private let folder: URL?
    private let lock = NSLock()
    private var validated: [String: Validated] = [:]
    private var objects: [String: Data] = [:]

    /// `folder`: where to keep entries across runs; nil keeps them for this run only.
    package init(folder: URL? = nil) throws {
        self.folder = folder
        if let folder {
            for sub in ["etag", "object"] {
                try FileManager.default.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
            }
        }
    }

    private func file(_ kind: String, _ key: String) -> URL? {
        folder?.appendingPathComponent(kind).appendingPathComponent(Checksum.sha256Hex(Data(key.utf8)))
    }

    /// The last validated answer for a URL path (with its query).
    package func validated(_ key: String) -> Validated? {
        if let hit = lock.withLock({ validated[key] }) { return hit }
        guard let url = file("etag", key), let data = try? Data(contentsOf: url), let newline = data.firstIndex(of: 0x0A) else { return nil }
        let entry = Validated(etag: String(decoding: data[..<newline], as: UTF8.self), body: Data(data[(newline + 1)...]))
        lock.withLock { validated[key] = entry }
        return entry
    }

    package func storeValidated(_ key: String, etag: String, body: Data) {
        guard !etag.contains("\n") else { return }
        lock.withLock { validated[key] = Validated(etag: etag, body: body) }
        if let url = file("etag", key) { write(Data((etag + "\n").utf8) + body, to: url) }
    }

    /// A git object (or another content-addressed answer) by its key.
    package func object(_ key: String) -> Data? {
        if let hit = lock.withLock({ objects[key] }) { return hit }
        guard let url = file("object", key), let data = try? Data(contentsOf: url) else { return nil }
        lock.withLock { objects[key] = data }
        return data
    }

    package func storeObject(_ key: String, _ data: Data) {
        lock.withLock { objects[key] = data }
        if let url = file("object", key) { write(data, to: url) }
    }

    /// A failed cache write costs a request next run, never the sync.
    private func write(_ data: Data, to url: URL) {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(UUID().uuidString).tmp")
        do {
            try data.write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
        }
    }
}
