import Foundation

/// Renders the files of selected rules: transforms, strategy, version stamp. Content that does
/// not depend on the target (copy, reference) is rendered once and shared by every target.
final class FileRenderer: @unchecked Sendable {
    let request: PlanRequest
    let contents: [String: Data]
    let internalPaths: Set<String>
    private let lock = NSLock()
    private var cache: [String: Rendered] = [:]
    private var store: [String: Data] = [:]

    struct Rendered {
        var sha256: String
        var size: Int
        var binary: Bool
        var stamp: String
    }

    init(request: PlanRequest, contents: [String: Data], internalPaths: Set<String>) {
        self.request = request
        self.contents = contents
        self.internalPaths = internalPaths
    }

    var blobs: [String: Data] { lock.withLock { store } }

    func planRule(_ rule: SyncRule, paths: [String], reason: String, tooLarge: [String: Int]) -> (rule: PlannedRule, problems: [PlanProblem]) {
        let settings = request.rules.settings
        let state = request.states[rule.targetRepository]
        var files: [PlannedFile] = []
        var skipped: [SkippedFile] = []
        var problems: [PlanProblem] = []
        var produced = Set<String>()
        for path in paths {
            if let size = tooLarge[path] {
                skipped.append(SkippedFile(source: path, reason: "\(size) bytes: larger than the \(SourceTree.maximumFileBytes >> 20) MiB limit"))
                continue
            }
            guard var destination = rule.destination(of: path), let data = contents[path] else { continue }
            if rule.strategy == .reference { destination = ReferenceStub.destination(for: destination) }
            produced.insert(destination)
            let rendered: Rendered
            do {
                rendered = try render(path, rule: rule)
            } catch {
                problems.append(PlanProblem(file: path, ruleID: rule.id, message: error.description))
                continue
            }
            _ = data
            let recorded = state?.files[destination]
            switch request.mode {
            case .incremental where recorded?.sha256 == rendered.sha256:
                skipped.append(SkippedFile(source: path, destination: destination, reason: "unchanged since the last sync"))
                continue
            case .delta where request.changedSincePreviousRelease.map { !$0.contains(path) } ?? false:
                skipped.append(SkippedFile(source: path, destination: destination, reason: "unchanged since the previous release"))
                continue
            default:
                break
            }
            let why: String = switch request.mode {
            case .full: "full sync"
            case .incremental: recorded == nil ? "new in the target" : "changed since the last sync"
            case .delta: request.changedSincePreviousRelease == nil ? "no previous release: everything" : "changed since the previous release"
            }
            files.append(PlannedFile(source: path, destination: destination, sha256: rendered.sha256, size: rendered.size, binary: rendered.binary, stamp: rendered.stamp, reason: why))
        }
        let orphans = (state?.files ?? [:]).filter { $0.value.rule == rule.id && !produced.contains($0.key) }.keys.sorted()
        let planned = PlannedRule(
            ruleID: rule.id, ruleFile: rule.location, strategy: rule.strategy, frequency: rule.frequency,
            branch: settings.branch(version: request.version, ruleID: rule.id), targetBranch: rule.targetBranch,
            selectedBecause: reason, dependsOn: rule.dependsOn, labels: rule.labels, reviewers: rule.reviewers,
            autoMerge: rule.autoMerge, deleteOrphaned: rule.deleteOrphaned, checksum: rule.checksum, schemaCheck: rule.schemaCheck,
            schemas: Dictionary(rule.schemas.map { ($0.glob.pattern, $0.schema) }, uniquingKeysWith: { first, _ in first }),
            files: files, validation: nil, orphans: orphans, skippedFiles: skipped
        )
        return (planned, problems)
    }

    /// Renders one file for a rule, sharing the result across targets when it does not depend on them.
    private func render(_ path: String, rule: SyncRule) throws(TemplateError) -> Rendered {
        let key = rule.strategy == .template
            ? "template\u{0}\(rule.id)\u{0}\(path)"
            : "\(rule.strategy.rawValue)\u{0}\(rule.transforms)\u{0}\(path)"
        if let cached = lock.withLock({ cache[key] }) { return cached }
        let (data, binary, stamp) = try produce(path, rule: rule)
        let rendered = Rendered(sha256: Checksum.sha256Hex(data), size: data.count, binary: binary, stamp: stamp)
        lock.withLock {
            cache[key] = rendered
            store[rendered.sha256] = data
        }
        return rendered
    }

    private func produce(_ path: String, rule: SyncRule) throws(TemplateError) -> (Data, Bool, String) {
        let settings = request.rules.settings
        let origin = "\(request.sourceRepository)@\(request.tag):\(path)"
        if rule.strategy == .reference {
            let stub = ReferenceStub.render(sourcePath: path, sourceRepository: request.sourceRepository, tag: request.tag, serverURL: request.serverURL)
            return stamped(stub, path: ReferenceStub.destination(for: path), origin: origin)
        }
        let data = contents[path] ?? Data()
        guard var text = TextContent.decode(data) else {
            if rule.strategy == .template { throw .notText(file: path) }
            return (data, true, "binary: copied byte for byte, not stamped")
        }
        if rule.strategy == .template {
            text = try TemplateRenderer.render(text, variables: variables(for: rule), file: path)
        }
        if !rule.transforms.isEmpty, TextContent.isMarkdown(path) {
            let internalPaths = self.internalPaths
            text = ContentTransforms(rule.transforms, isInternal: { internalPaths.contains($0) }).apply(to: text, sourcePath: path).text
        }
        _ = settings
        return stamped(text, path: path, origin: origin)
    }

    private func stamped(_ text: String, path: String, origin: String) -> (Data, Bool, String) {
        let key = request.rules.settings.versionKey
        switch VersionStamp.stamp(text, path: path, key: key, version: request.version, origin: origin) {
        case .stamped(let result): return (Data(result.utf8), false, "\(key): \(request.version)")
        case .unsupported(let reason): return (Data(text.utf8), false, "unstamped: \(reason)")
        }
    }

    private func variables(for rule: SyncRule) -> [String: Any] {
        let parts = rule.targetRepository.split(separator: "/", maxSplits: 1).map(String.init)
        var variables: [String: Any] = rule.variables
        variables["rule"] = ["id": rule.id, "name": rule.name ?? rule.id]
        variables["target"] = [
            "owner": parts.first ?? "", "repo": parts.last ?? "", "full_name": rule.targetRepository,
            "default_branch": request.states[rule.targetRepository]?.defaultBranch ?? "main",
        ]
        variables["release"] = [
            "version": request.version, "tag": request.tag, "date": request.releaseDate,
            "source_repo": request.sourceRepository, "source_sha": request.source.commit ?? "",
        ]
        return variables
    }
}
