import ActionsRuntime
import Foundation
import Secrets
import SyncCore
import SyncKit

/// A rule that can put files under `.github/workflows/` in its target repository.
struct WorkflowRule: Encodable, Sendable, Equatable {
    var id: String
    var repository: String
    /// The rule's target folder (`""`: the repository root).
    var targetPath: String
    var source: String
    var location: String
}

/// Whether the token can write workflow files, as far as the live check could learn it.
struct WorkflowPermissionReport: Encodable, Sendable {
    enum Status: String, Encodable, Sendable {
        /// The token can write workflow files: a classic or OAuth token with the `workflow` scope,
        /// or an app token whose `app-permissions` give `workflows: write`.
        case granted
        /// It cannot: the run fails, and `message` says what to grant.
        case missing
        /// Nothing the token can read tells (fine-grained tokens; app tokens without
        /// `app-permissions`): a warning that says what the token needs. Never a pass.
        case unverified
    }

    var status: Status
    var token: GitHubTokenKind
    var rules: [WorkflowRule]
    /// What was found and, unless granted, what to grant and where.
    var message: String
    /// What the token needs, in the words of GitHub's settings; nil when granted.
    var grant: String?
}

/// The live check's workflow-file check. GitHub refuses to create, change or delete a file under
/// `.github/workflows/` unless the token has the `workflow` scope (classic and OAuth tokens) or
/// the `workflows` permission (GitHub Apps, fine-grained tokens); a sync PR that carries one
/// would fail at the commit. What the token can tell about itself differs by kind:
///
/// - classic (`ghp_`) and OAuth (`gho_`) tokens: every authenticated REST answer carries
///   `X-OAuth-Scopes`, the token's scopes; the live check's repository reads already have it;
/// - GitHub App tokens (`ghs_`, `ghu_`): an installation's permissions are reported only to the
///   app itself (`GET /repos/{owner}/{repo}/installation` needs the app's JWT) and in the answer
///   that created the token (`POST /app/installations/{id}/access_tokens`, which refuses a
///   permission the installation lacks). The step takes them as `app-permissions`; without it
///   the check is a warning, not a pass;
/// - fine-grained tokens (`github_pat_`): no endpoint reports their permissions, and
///   `X-Accepted-GitHub-Permissions` names what an endpoint needs, not what the token has; only
///   a write would tell, and the live check writes nothing: always a warning.
package enum WorkflowPermissionCheck {
    /// The folder GitHub guards.
    package static let folder = ".github/workflows/"

    /// The rules of `ruleSet` that can write under `folder`; only those targeting `targets` when
    /// any are named (`all` names none).
    static func rules(in ruleSet: RuleSet, targets: [String]) -> [WorkflowRule] {
        let named = Set(targets.map { $0.lowercased() }.filter { $0 != "all" })
        // Rules whose targets a selector chooses (not resolved here) are checked whatever the
        // targets: the token is the same for every repository they may choose.
        let selected = ruleSet.unresolved.filter { mayWriteWorkflows($0) && !$0.targetPath.contains("{{") }
            .map { WorkflowRule(id: $0.id, repository: "target_repos selector", targetPath: $0.targetPath, source: $0.source.pattern, location: $0.location) }
        return ruleSet.rules
            .filter { (named.isEmpty || named.contains($0.targetRepository.lowercased())) && mayWriteWorkflows($0) }
            .map { WorkflowRule(id: $0.id, repository: $0.targetRepository, targetPath: $0.targetPath, source: $0.source.pattern, location: $0.location) }
            + selected
    }

    /// Whether a rule can place a file under `.github/workflows/`: its target folder is it or is
    /// inside it, or holds it (the root, `.github/`) and the source pattern can reach it from
    /// there. It errs on the side of yes: a rule that might write a workflow file is checked.
    static func mayWriteWorkflows(_ rule: SyncRule) -> Bool {
        mayWrite(targetPath: rule.targetPath, source: rule.source)
    }

    package static func mayWrite(targetPath: String, source: Glob) -> Bool {
        // Compared without regard to case: a false yes costs a check, a false no a failed sync.
        var target = targetPath.lowercased()
        // RuleSet.load expands {{target.*}} in target_path; should one be left, only the text
        // before it is known.
        if let placeholder = target.range(of: "{{") {
            target = String(target[..<placeholder.lowerBound])
            return target.hasPrefix(folder) || folder.hasPrefix(target)
        }
        if target.hasPrefix(folder) { return true }
        guard folder.hasPrefix(target) else { return false }
        return placement(of: source, canStartWith: String(folder.dropFirst(target.count)))
    }

    /// Whether a file the pattern selects can land, below the rule's target folder, at a path
    /// that starts with `prefix` (`workflows/` below `.github/`, `.github/workflows/` below the
    /// root). What lands below the target folder is the path less the pattern's static prefix
    /// (`Glob.placementPath`), so the rest of the pattern must be able to make folders (a `/` or
    /// a `**`); and `.github` is a hidden name, which `*`, `?`, classes and `**` never match
    /// (docs/globs.md), so it needs a literal `.` at the start of a name.
    static func placement(of source: Glob, canStartWith prefix: String) -> Bool {
        let pattern = source.pattern
        let rest = pattern.hasPrefix(source.staticPrefix) ? String(pattern.dropFirst(source.staticPrefix.count)) : pattern
        guard rest.contains("/") || rest.contains("**") else { return false }
        guard prefix.hasPrefix(".") else { return true }
        let nameStarts: Set<Character> = ["/", "{", ",", "}", "\\"]
        var previous: Character?
        for character in rest {
            let startsName = previous.map { nameStarts.contains($0) } ?? true
            if character == ".", startsName { return true }
            previous = character
        }
        return false
    }

    /// The verdict for a token of `kind`: `scopes` from `X-OAuth-Scopes` (nil when no answer
    /// carried it), `appPermissions` from the `app-permissions` input (nil when not given).
    static func verdict(
        kind: GitHubTokenKind, scopes: [String]?, appPermissions: [String: String]?, rules: [WorkflowRule]
    ) -> WorkflowPermissionReport {
        let subject = describe(rules)
        let refusal = "GitHub refuses to create, change or delete a file under \(folder) without it."
        let ignored = appPermissions != nil && !kind.isAppToken
            ? " (app-permissions applies to GitHub App tokens only; it was ignored for this \(kind.phrase).)" : ""
        func report(_ status: WorkflowPermissionReport.Status, _ message: String, grant: String?) -> WorkflowPermissionReport {
            WorkflowPermissionReport(status: status, token: kind, rules: rules, message: message + ignored, grant: status == .granted ? nil : grant)
        }
        switch kind {
        case .classic, .oauth:
            let grant = "the `workflow` scope"
            let how = kind == .classic
                ? "Add the `workflow` scope to the token (Settings → Developer settings → Personal access tokens (classic) → the token → `workflow`) and save it, or use a GitHub App with Repository permissions → Workflows: Read and write."
                : "Authorize the OAuth app again with the `workflow` scope."
            guard let scopes else {
                return report(.unverified, "\(subject), but no answer from GitHub carried the \(kind.phrase)'s scopes (X-OAuth-Scopes), so whether it has the `workflow` scope was not verified. \(refusal) \(how)", grant: grant)
            }
            if scopes.contains(where: { $0.lowercased() == "workflow" }) {
                return report(.granted, "\(subject); the \(kind.phrase) has the `workflow` scope (X-OAuth-Scopes: \(scopes.joined(separator: ", "))).", grant: nil)
            }
            let held = scopes.isEmpty ? "no scopes" : "the scopes \(scopes.joined(separator: ", "))"
            return report(.missing, "\(subject), but the \(kind.phrase) has \(held) and not `workflow`. \(refusal) \(how)", grant: grant)
        case .appInstallation, .appUser:
            let grant = "the GitHub App permission Workflows: Read and write"
            let how = "In the app's settings set Repository permissions → Workflows: Read and write and approve the change in every installation (the owner's Settings → GitHub Apps → the app)"
                + (kind == .appInstallation
                    ? ", create the token with it (actions/create-github-app-token: permission-workflows: write; GitHub then refuses to create a token the installation cannot back), and pass the token's permissions as app-permissions (workflows:write)."
                    : ", and pass the token's permissions as app-permissions (workflows:write).")
            guard let appPermissions else {
                return report(.unverified, "\(subject). A \(kind.phrase) cannot read its own permissions: GitHub reports an installation's permissions only to the app itself (GET /repos/{owner}/{repo}/installation needs the app's JWT) and in the answer that created the token, so whether this token has workflows: write was not verified. \(how)", grant: grant)
            }
            let level = appPermissions["workflows"]
            if level == "write" || level == "admin" {
                return report(.granted, "\(subject); app-permissions gives the \(kind.phrase) workflows: write.", grant: nil)
            }
            return report(.missing, "\(subject), but app-permissions gives the \(kind.phrase) workflows: \(level ?? "none"). \(refusal) \(how)", grant: grant)
        case .fineGrained:
            return report(.unverified, "\(subject). GitHub has no API that reports a fine-grained personal access token's permissions (its answers carry no X-OAuth-Scopes, and X-Accepted-GitHub-Permissions names what an endpoint needs, not what the token has), so whether this token can write workflow files was not verified. Give the token Repository permissions → Workflows: Read and write, with every repository that receives workflow files in its repository access.", grant: "Repository permissions → Workflows: Read and write")
        case .other:
            return report(.unverified, "\(subject). The kind of this token is not known from its prefix, so whether it can write workflow files was not verified. A classic token needs the `workflow` scope, a fine-grained token or a GitHub App Repository permissions → Workflows: Read and write.", grant: "the `workflow` scope, or Workflows: Read and write")
        }
    }

    /// "Rule 'a' (org/x, target_path .github/workflows/) can write ..." for up to five rules.
    static func describe(_ rules: [WorkflowRule]) -> String {
        let shown = rules.prefix(5).map { "'\($0.id)' (\($0.repository), \($0.targetPath.isEmpty ? "the repository root" : "target_path \($0.targetPath)"))" }
        let more = rules.count > 5 ? " and \(rules.count - 5) more" : ""
        return (rules.count == 1 ? "Rule " : "Rules ") + shown.joined(separator: ", ") + more
            + " can write files under \(folder)"
    }

    /// The `app-permissions` input: `name:level` pairs, comma- or line-separated (`name=level`
    /// and create-github-app-token's `permission-name: write` read alike), or the JSON
    /// `permissions` object GitHub returned with the token. Names are GitHub's (`pull_requests`;
    /// `-` reads as `_`), levels read, write or admin. Nil when the input is empty.
    package static func permissions(_ text: String?, input: String) throws -> [String: String]? {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        var pairs: [(name: String, level: String)] = []
        if text.hasPrefix("{") {
            guard let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else {
                throw InputError.invalid(input, reason: "it starts with '{' but is not a JSON object of permission names and levels.")
            }
            for (name, value) in object.sorted(by: { $0.key < $1.key }) {
                guard let level = value as? String else {
                    throw InputError.invalid(input, reason: "the level of '\(name)' is not a string (read, write or admin).")
                }
                pairs.append((name, level))
            }
        } else {
            for entry in text.split(whereSeparator: { $0 == "," || $0 == "\n" || $0 == "\r" }) {
                let item = entry.trimmingCharacters(in: .whitespaces)
                guard !item.isEmpty else { continue }
                guard let separator = item.firstIndex(where: { $0 == ":" || $0 == "=" }) else {
                    throw InputError.invalid(input, reason: "'\(item)' is not name:level (for example workflows:write).")
                }
                pairs.append((String(item[..<separator]), String(item[item.index(after: separator)...])))
            }
        }
        var permissions: [String: String] = [:]
        for pair in pairs {
            var name = pair.name.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "-", with: "_")
            if name.hasPrefix("permission_") { name.removeFirst("permission_".count) }
            let level = pair.level.trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: "\"'"))).lowercased()
            guard !name.isEmpty else {
                throw InputError.invalid(input, reason: "'\(pair.name):\(pair.level)' has no permission name.")
            }
            guard ["read", "write", "admin"].contains(level) else {
                throw InputError.invalid(input, reason: "the level of '\(name)' is '\(level)'; a level is read, write or admin.")
            }
            permissions[name] = level
        }
        return permissions
    }
}
