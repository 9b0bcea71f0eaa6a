import Diagnostics
import Foundation
import SyncCore

/// Renders the files of selected rules: transforms, strategy, version stamp. Content that does
/// not depend on the target (copy, reference) is rendered once and shared by every target.
final class FileRenderer: @unchecked Sendable {
    let request: PlanRequest
    let contents: [String: Data]
    let internalPaths: Set<String>
    private let lock = NSLock()
    private var cache: [String: Rendered] = [:]
    private var store: [String: Data] = [:]
    private var sourceChecksums: [String: String] = [:]

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

    /// The SHA-256 of an upstream file as it is, computed once for every target.
    private func sourceChecksum(_ path: String, _ data: Data) -> String {
        if let known = lock.withLock({ sourceChecksums[path] }) { return known }
        let checksum = Checksum.sha256Hex(data)
        lock.withLock { sourceChecksums[path] = checksum }
        return checksum
    }

    func planRule(_ rule: SyncRule, paths: [String], reason: String, tooLarge: [String: Int]) -> (rule: PlannedRule, problems: [Diagnostic]) {
        let settings = request.rules.settings
        let state = request.state(of: rule.targetRepository)
        var files: [PlannedFile] = []
        var skipped: [SkippedFile] = []
        var problems: [Diagnostic] = []
        var produced = Set<String>()
        let layout = settings.layout
        for (path, reason) in request.source.refused where rule.filter.selects(path) {
            skipped.append(SkippedFile(source: path, reason: reason))
        }
        for path in paths {
            if let size = tooLarge[path] {
                skipped.append(SkippedFile(source: path, reason: "\(size) bytes: larger than the \(SourceTree.maximumFileBytes >> 20) MiB limit"))
                continue
            }
            guard var destination = rule.destination(of: path), let data = contents[path] else { continue }
            if rule.strategy == .reference { destination = ReferenceStub.destination(for: destination) }
            if let problem = layout.destinationProblem(destination, targetFolder: rule.targetPath) {
                problems.append(Diagnostic.planProblem(file: path, ruleID: rule.id, message: "destination '\(destination.debugDescription.dropFirst().dropLast())' refused: \(problem)"))
                continue
            }
            produced.insert(destination)
            let rendered: Rendered
            do {
                rendered = try render(path, rule: rule)
            } catch {
                problems.append(Diagnostic.planProblem(file: path, ruleID: rule.id, message: error.description))
                continue
            }
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
            files.append(PlannedFile(source: path, destination: destination, sha256: rendered.sha256, size: rendered.size, binary: rendered.binary, stamp: rendered.stamp, reason: why,
                                     sourceSHA256: sourceChecksum(path, data)))
        }
        // The state is read from the target, where anyone with write access can edit it: an entry
        // outside the rule's folder is refused, never deleted or rewritten.
        let recorded = (state?.files ?? [:]).filter { $0.value.rule == rule.id }
        var orphans: [String] = []
        for candidate in recorded.keys.filter({ !produced.contains($0) }).sorted() {
            if let problem = layout.destinationProblem(candidate, targetFolder: "") {
                problems.append(Diagnostic.planProblem(
                    file: layout.stateFile(rule: rule.id), ruleID: rule.id,
                    message: "the sync state of \(rule.targetRepository) lists '\(candidate.debugDescription.dropFirst().dropLast())' for this rule, but \(problem). "
                        + "The state was edited or forged; restore \(layout.stateFile(rule: rule.id)) from the last sync commit."
                ))
            } else if !rule.targetPath.isEmpty, !candidate.hasPrefix(rule.targetPath) {
                // Outside today's folder: the target_path changed, or the state was edited. Never deleted.
                skipped.append(SkippedFile(source: "", destination: candidate, reason: "recorded by an earlier sync outside the rule's target_path '\(rule.targetPath)' "
                    + "(did target_path change?): not deleted; remove it by hand when it is no longer needed"))
            } else {
                orphans.append(candidate)
            }
        }
        // A selection that shrank by more than half is more likely a broken pattern than a
        // deliberate removal: its orphans are kept until a forced run.
        var orphansKept: String?
        if rule.deleteOrphaned, orphans.count >= 2, !request.force, produced.count * 2 <= recorded.count {
            orphansKept = "the rule's selection shrank from \(recorded.count) synced files to \(produced.count) (by half or more), so nothing is deleted; "
                + "if the removal is intended, re-run with force"
        }
        var planned = PlannedRule(
            ruleID: rule.id, ruleFile: rule.location, strategy: rule.strategy, frequency: rule.frequency,
            branch: settings.branch(version: request.version, ruleID: rule.id), targetBranch: rule.targetBranch,
            selectedBecause: reason, dependsOn: rule.dependsOn, labels: rule.labels, reviewers: rule.reviewers,
            autoMerge: rule.autoMerge, deleteOrphaned: rule.deleteOrphaned, checksum: rule.checksum, schemaCheck: rule.schemaCheck,
            schemas: Dictionary(rule.schemas.map { ($0.glob.pattern, $0.schema) }, uniquingKeysWith: { first, _ in first }),
            files: files, validation: nil, orphans: orphans, skippedFiles: skipped
        )
        planned.targetPath = rule.targetPath
        planned.orphansKept = orphansKept
        planned.adopt = rule.adopt == .conflict ? nil : rule.adopt
        planned.targetSelectedBy = rule.selectedBy
        if rule.pullRequest == .perTarget {
            planned.pullRequest = .perTarget
            planned.branch = settings.branch(version: request.version, ruleID: PullRequestGrouping.sharedBranchID(base: rule.targetBranch))
        }
        return (planned, problems)
    }

    /// What a rendering depends on besides the file: the rule for templates (target variables),
    /// otherwise only the strategy and transforms, so every target shares one rendering.
    private func renderKey(_ rule: SyncRule) -> String {
        if rule.strategy == .template { return "template\u{0}" + rule.id + "\u{0}" + rule.targetRepository.lowercased() }
        var key = rule.strategy.rawValue
        for transform in rule.transforms {
            switch transform {
            case .stripInternalLinks: key += "\u{0}strip"
            case .rewritePaths(let from, let to): key += "\u{0}rewrite\u{0}" + from + "\u{0}" + to
            }
        }
        return key
    }

    /// Renders one file for a rule, sharing the result across targets when it does not depend on them.
    private func render(_ path: String, rule: SyncRule) throws(TemplateError) -> Rendered {
        let key = renderKey(rule) + "\u{0}" + path
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
        var variables: [String: Any] = rule.variables
        variables["rule"] = ["id": rule.id, "name": rule.name ?? rule.id]
        var target = rule.targetValues
        target["default_branch"] = request.state(of: rule.targetRepository)?.defaultBranch ?? "main"
        variables["target"] = target
        variables["release"] = [
            "version": request.version, "tag": request.tag, "date": request.releaseDate,
            "source_repo": request.sourceRepository, "source_sha": request.source.commit ?? "",
        ]
        return variables
    }
}
