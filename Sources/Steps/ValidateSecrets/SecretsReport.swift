import ActionsRuntime
import Forge
import Foundation
import Secrets

/// The JSON report and the summary table of `validate-secrets`. Holds no secret value.
struct SecretsReport: Encodable {
    var valid: Bool
    var specification: String
    var secrets: [SecretVerdict]
    var liveCheck: Bool
    var repositories: [RepositoryAccess]
    var token: TokenReport?
    /// Whether the token can write workflow files; nil when no rule writes under .github/workflows/ (or no live check).
    var workflows: WorkflowPermissionReport?
    var note: String?

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    var failureSummary: String {
        var parts: [String] = []
        let missing = secrets.filter { $0.status == .missing }.map(\.name)
        let invalid = secrets.filter { $0.status == .invalid && $0.isRequired }.map(\.name)
        if !missing.isEmpty { parts.append("missing \(missing.joined(separator: ", "))") }
        if !invalid.isEmpty { parts.append("invalid \(invalid.joined(separator: ", "))") }
        let unreachable = repositories.filter(\.isFailure).map(\.repository)
        if !unreachable.isEmpty { parts.append("no access to \(unreachable.joined(separator: ", "))") }
        if let workflows, workflows.status == .missing {
            parts.append("the token cannot write workflow files (it needs \(workflows.grant ?? "the workflows permission"))")
        }
        if let note { parts.append(note) }
        return parts.joined(separator: "; ")
    }

    func summarize(into summary: inout StepSummary) {
        summary.heading("Secrets \(valid ? "✅ valid" : "❌ not valid")")
        summary.paragraph("Specification: `\(specification)`.")
        let tokenName = liveCheck ? secrets.first { $0.format == "github-token" }?.name : nil
        let failedRepositories = repositories.filter(\.isFailure).count
        summary.table(["secret", "present", "format", "access", "note"], secrets.map { verdict in
            let present = verdict.isPresent ? "yes" : (verdict.isRequired ? "**no**" : "no (optional)")
            let format: String = switch verdict.status {
            case .valid: "✅ \(verdict.format)"
            case .invalid: "❌ \(verdict.format)"
            case .missing, .absent: "—"
            }
            var accessCell = "—"
            if verdict.name == tokenName, !repositories.isEmpty {
                accessCell = failedRepositories == 0
                    ? "✅ \(repositories.count)/\(repositories.count) repositories"
                    : "❌ \(failedRepositories) of \(repositories.count) repositories"
            }
            return [verdict.name, present, format, accessCell, verdict.problem ?? ""]
        })
        if !repositories.isEmpty {
            summary.heading("Repository access", level: 3)
            summary.table(["repository", "needs", "status", "note"], repositories.map {
                [$0.repository, $0.needsPush ? "push" : "read", $0.isFailure ? "❌ \($0.status.rawValue)" : "✅ ok", $0.note]
            })
            if let token {
                var facts: [String] = []
                if let remaining = token.rateLimitRemaining, let limit = token.rateLimitLimit {
                    facts.append("rate limit: \(remaining) of \(limit) requests left")
                }
                if let scopes = token.scopes { facts.append("classic token scopes: \(scopes.isEmpty ? "none" : scopes.joined(separator: ", "))") }
                if !facts.isEmpty { summary.paragraph(facts.joined(separator: "; ") + ".") }
            }
        }
        if let workflows {
            summary.heading("Workflow files", level: 3)
            let mark: String = switch workflows.status {
            case .granted: "✅"
            case .missing: "❌"
            case .unverified: "⚠️ Not verified:"
            }
            summary.paragraph("\(mark) \(workflows.message)")
            summary.table(["rule", "repository", "target_path", "source"], workflows.rules.map {
                [$0.id, $0.repository, $0.targetPath.isEmpty ? "(root)" : $0.targetPath, $0.source]
            })
        }
        if let note { summary.paragraph("⚠️ \(note)") }
    }
}
