import Foundation
import SyncKit

/// `flash-bench secrets [--findings] [--allowlist FILE] PATH...`: scans files (directories recursively)
/// with the built-in rules and prints throughput and the number of findings.
enum SecretScanBench {
    static func run(_ args: [String]) throws {
        var listsFindings = false
        var allowlistPath: String?
        var paths: [String] = []
        var remaining = args[...]
        while let argument = remaining.popFirst() {
            switch argument {
            case "--findings": listsFindings = true
            case "--allowlist": allowlistPath = remaining.popFirst()
            default: paths.append(argument)
            }
        }
        guard !paths.isEmpty else {
            throw BenchError.usage("usage: flash-bench secrets [--findings] [--allowlist FILE] PATH...")
        }
        let clock = ContinuousClock()
        let start = clock.now
        let rules = try SecretRuleSet.builtIn()
        let allowlist = try allowlistPath.map { path in
            try SecretAllowlist(yaml: String(contentsOfFile: path, encoding: .utf8), file: path)
        } ?? .empty
        let scanner = try SecretScanner(rules: rules, allowlist: allowlist)
        let loaded = clock.now
        let documents = try files(under: paths).map { path in
            guard let data = FileManager.default.contents(atPath: path) else { throw BenchError.unreadable(path) }
            return SecretScanDocument(path: path, bytes: [UInt8](data))
        }
        let read = clock.now
        let results = scanner.inspect(documents)
        let scanned = clock.now

        let bytes = documents.reduce(0) { $0 + $1.bytes.count }
        let findings = results.flatMap(\.findings)
        if listsFindings {
            for finding in findings { print(finding) }
            for result in results { if let reason = result.skipReason { print("\(result.path): \(reason)") } }
        }
        let megabytes = Double(bytes) / 1_000_000
        print("files: \(documents.count), \(format(megabytes)) MB, skipped \(results.filter { $0.skipReason != nil }.count)")
        print("rules: \(scanner.ruleSet.rules.count), loaded in \(milliseconds(loaded - start)) ms")
        print("read: \(milliseconds(read - loaded)) ms")
        print("scan: \(milliseconds(scanned - read)) ms, \(format(megabytes / seconds(scanned - read))) MB/s")
        print("total: \(milliseconds(scanned - start)) ms, \(format(megabytes / seconds(scanned - start))) MB/s")
        print("findings: \(findings.count), suppressed \(results.reduce(0) { $0 + $1.suppressedCount })")
    }

    /// Regular files named by `paths`, directories walked recursively, sorted for a stable order.
    private static func files(under paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw BenchError.unreadable(path)
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let enumerator = FileManager.default.enumerator(atPath: path)
            while let relative = enumerator?.nextObject() as? String {
                let full = (path as NSString).appendingPathComponent(relative)
                if (try? FileManager.default.attributesOfItem(atPath: full)[.type] as? FileAttributeType) == .typeRegular {
                    files.append(full)
                }
            }
        }
        return files.sorted()
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private static func milliseconds(_ duration: Duration) -> String {
        format(seconds(duration) * 1000)
    }

    private static func format(_ value: Double) -> String {
        String(format: "%.1f", value)
    }

    enum BenchError: Error, CustomStringConvertible {
        case usage(String)
        case unreadable(String)

        var description: String {
            switch self {
            case let .usage(text): text
            case let .unreadable(path): "cannot read '\(path)'; check that it exists and is readable"
            }
        }
    }
}
