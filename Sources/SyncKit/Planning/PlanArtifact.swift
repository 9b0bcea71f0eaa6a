import Diagnostics
import Foundation
import SyncCore

/// The plan as it crosses from one job to the next: a plan file (`plan.json` from plan-sync,
/// `validated-plan.json` from validate-sync) and the content-addressed blob store beside it
/// (`blobs/<sha256>`). The one place that writes, reads and checks it: a plan file is read only
/// when it is in this version's format and holds nothing plan-sync would not write, and a blob is
/// read only under a SHA-256 name, so a name can never reach a file outside the store. Whether a
/// blob's bytes still hash to its name is the checksum check's to say (validate-sync names the
/// mismatch; delivery refuses it), not the reader's.
package struct PlanArtifact: Sendable {
    package static let planFileName = "plan.json"
    package static let validatedPlanFileName = "validated-plan.json"
    package static let blobsFolderName = "blobs"

    package let planFile: URL

    package init(planFile: URL) {
        self.planFile = planFile
    }

    package var folder: URL { planFile.deletingLastPathComponent() }
    package var blobsFolder: URL { folder.appendingPathComponent(Self.blobsFolderName) }

    /// The plan file's bytes: sorted keys, slashes as they are.
    package static func encode(_ plan: Plan) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(plan)
    }

    /// Writes `plan.json` and the blobs into `directory`, each file atomically; a blob already
    /// there is kept (its name is its content). `redact` masks secrets in the plan file (release
    /// notes are someone's text); the blobs are the synced content, which validate-sync scans.
    package static func write(_ plan: Plan, blobs: [String: Data], into directory: URL, redact: (Data) -> Data) throws -> PlanArtifact {
        let artifact = PlanArtifact(planFile: directory.appendingPathComponent(planFileName))
        let manager = FileManager.default
        try manager.createDirectory(at: artifact.blobsFolder, withIntermediateDirectories: true)
        for (sha, data) in blobs {
            let url = artifact.blobsFolder.appendingPathComponent(sha)
            if !manager.fileExists(atPath: url.path) { try data.write(to: url, options: .atomic) }
        }
        try redact(encode(plan)).write(to: artifact.planFile, options: .atomic)
        return artifact
    }

    /// The plan, when the file is one plan-sync or validate-sync wrote for this version.
    package func read() throws(PlanArtifactError) -> Plan {
        guard let data = FileManager.default.contents(atPath: planFile.path) else { throw .missing(planFile.path) }
        let plan: Plan
        do {
            plan = try JSONDecoder().decode(Plan.self, from: data)
        } catch {
            throw .unreadable(planFile.path, reason: "\(error)")
        }
        guard plan.format == Plan.currentFormat else { throw .format(planFile.path, found: plan.format) }
        let problems = plan.problems()
        guard problems.isEmpty else { throw .tampered(planFile.path, problems: problems) }
        return plan
    }

    /// The bytes stored under `sha256`, or nil when the name is not a SHA-256 or the blob is missing.
    package func blob(_ sha256: String) -> Data? {
        guard Checksum.isSHA256Hex(sha256) else { return nil }
        return FileManager.default.contents(atPath: blobsFolder.appendingPathComponent(sha256).path)
    }
}

/// Why a plan file was refused.
package enum PlanArtifactError: Error, Equatable, CustomStringConvertible {
    case missing(String)
    case unreadable(String, reason: String)
    case format(String, found: String)
    case tampered(String, problems: [String])

    package var description: String {
        switch self {
        case .missing(let path):
            return "No plan at \(path): run plan-sync first and pass its plan output."
        case .unreadable(let path, let reason):
            return "\(path) is not a plan written by plan-sync: \(reason)"
        case .format(let path, let found):
            return "\(path) has format \(found); this version reads \(Plan.currentFormat)."
        case .tampered(let path, let problems):
            let shown = problems.prefix(10).map { "  - \($0)" }.joined(separator: "\n")
            let more = problems.count > 10 ? "\n  … and \(problems.count - 10) more" : ""
            return "\(path) is refused: the plan artifact has \(problems.count) entr\(problems.count == 1 ? "y" : "ies") no plan-sync writes (was it edited?):\n\(shown)\(more)\nRe-run plan-sync."
        }
    }
}

extension PlanArtifactError: DiagnosticConvertible {
    /// A plan artifact that cannot be used is a configuration error: exit 2.
    package var diagnostics: [Diagnostic] { [.configuration(description)] }
}
