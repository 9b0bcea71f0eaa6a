import Diagnostics
import Foundation
import SyncCore
import SyncKit
import TestSupport
import Testing

/// `target_repos`: one rule for many repositories, listed or chosen by selectors (owner, topics,
/// name glob, archived and fork flags), resolved through a listing of the owner's repositories.
@Suite("target_repos")
struct TargetReposTests {
    let loading = RuleLoadingTests()
    typealias Listing = (name: String, topics: [String], archived: Bool, fork: Bool)

    static func rule(_ id: String = "sync-many", targets: String, path: String = "docs/{{target.name}}/", extra: String = "") -> String {
        """
        sync_rule:
          id: "\(id)"
          source: "core/**/*.md"
          target_repos:
        \(targets)
          target_path: "\(path)"
          strategy: copy
          frequency: on_release
        \(extra)
        """
    }

    static let fleet: [Listing] = [
        ("example-org/svc-billing", ["agent33", "go"], false, false),
        ("example-org/svc-search", ["agent33"], false, false),
        ("example-org/svc-legacy", ["agent33"], true, false),
        ("example-org/svc-fork", ["agent33"], false, true),
        ("example-org/website", ["agent33"], false, false),
        ("example-org/svc-untagged", [], false, false),
    ]

    @Test("listed repositories expand at load, each with its own target_path; no forge needed")
    func listed() throws {
        let set = try loading.load(["many.yaml": Self.rule(targets: "    - example-org/a\n    - example-org/b")])
        #expect(set.unresolved.isEmpty)
        #expect(set.rules.map(\.targetRepository) == ["example-org/a", "example-org/b"])
        #expect(set.rules.map(\.targetPath) == ["docs/a/", "docs/b/"])
        #expect(set.rules.allSatisfy { $0.id == "sync-many" && $0.selectedBy == "listed" })
    }

    @Test("a selector chooses by owner, topics and name glob; archived and forks only when asked; each owner listed once")
    func selectors() async throws {
        let targets = "    - example-org/website\n    - owner: example-org\n      topics: [agent33]\n      name: \"svc-*\"\n    - { owner: example-org, name: \"svc-legacy\", archived: true }"
        let set = try loading.load(["many.yaml": Self.rule(targets: targets)])
        #expect(set.rules.isEmpty && set.unresolved.count == 1)
        var listed: [String] = []
        let resolved = try await set.resolvingSelectors { owner in
            listed.append(owner)
            return Self.fleet
        }
        #expect(listed == ["example-org"], "the owner is listed once for both selectors")
        let chosen = resolved.rules.map { "\($0.targetRepository) ← \($0.selectedBy ?? "")" }
        #expect(chosen == [
            "example-org/website ← listed",
            "example-org/svc-billing ← owner example-org; topic agent33; name svc-*",
            "example-org/svc-search ← owner example-org; topic agent33; name svc-*",
            "example-org/svc-legacy ← owner example-org; name svc-legacy; archived included",
        ])
        #expect(resolved.rules.map(\.targetPath) == ["docs/website/", "docs/svc-billing/", "docs/svc-search/", "docs/svc-legacy/"])
    }

    @Test("a repository a selector chose that lacks a value target_path needs is left out with why, the others planned; a listed one, or a malformed target_path, stays an error")
    func selectedTargetWithoutValue() async throws {
        let targets = "repository:\n  - example-org/svc-billing: { team: payments }\n"
        let selector = "    - owner: example-org\n      topics: [agent33]\n      name: \"svc-*\""
        let set = try loading.load(["many.yaml": Self.rule(targets: selector, path: "teams/{{target.team}}/")], targets: targets)
        let resolved = try await set.resolvingSelectors { _ in Self.fleet }
        #expect(resolved.rules.map(\.targetRepository) == ["example-org/svc-billing"])
        #expect(resolved.rules.map(\.targetPath) == ["teams/payments/"])
        #expect(resolved.skippedTargets.map(\.repository) == ["example-org/svc-search"])
        #expect(resolved.skippedTargets.first?.reason == "skipped: chosen by owner example-org; topic agent33; name svc-*, but "
            + "target_path 'teams/{{target.team}}/' uses {{target.team}}, which example-org/svc-search has no value for.")
        #expect(resolved.skippedTargets.allSatisfy { $0.ruleID == "sync-many" })

        // Named in target_repos, the same lack is the configuration's error.
        let listed = try loading.errors(["many.yaml": Self.rule(targets: "    - example-org/svc-search", path: "teams/{{target.team}}/")], targets: targets)
        #expect(listed.map(\.description).contains { $0.contains("which example-org/svc-search has no value for") }, "\(listed)")
        // Listed after the selector that also finds it: still listed, still the configuration's error.
        let both = try loading.load(["many.yaml": Self.rule(targets: selector + "\n    - example-org/svc-search", path: "teams/{{target.team}}/")], targets: targets)
        #expect(try await resolutionErrors(both).contains { $0.contains("which example-org/svc-search has no value for") })
        // Wrong for every target: a placeholder that is not {{target.<key>}}, a key no entry gives
        // (a typo), every chosen repository left out; and an entry's own bad value.
        let cases: [(path: String, targets: String, message: String)] = [
            ("teams/{{team}}/", targets, "uses {{team}}"),
            ("teams/{{target.teem}}/", targets, "uses {{target.teem}}"),
            ("teams/{{target.team}}/", "repository:\n  - example-org/website: { team: web }\n",
             "rule 'sync-many': every repository its selectors chose is left out; the first: target_path"),
            ("teams/{{target.team}}/", targets + "  - example-org/svc-search: { teem: discovery }\n", "which example-org/svc-search has no value for"),
        ]
        for item in cases {
            let set = try loading.load(["many.yaml": Self.rule(targets: selector, path: item.path)], targets: item.targets)
            let errors = try await resolutionErrors(set)
            #expect(errors.contains { $0.contains(item.message) }, "\(item.path): \(errors)")
        }
    }

    /// The errors of resolving `set`'s selectors against the fleet (none when it resolves).
    func resolutionErrors(_ set: RuleSet) async throws -> [String] {
        do {
            _ = try await set.resolvingSelectors { _ in Self.fleet }
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test("a selector that chooses nothing, or an owner that cannot be listed, is an error at the selector's line")
    func emptySelector() async throws {
        let set = try loading.load(["many.yaml": Self.rule(targets: "    - owner: example-org\n      topics: [nothing-has-this]")])
        do {
            _ = try await set.resolvingSelectors { _ in Self.fleet }
            Issue.record("an empty selector was accepted")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "rules/many.yaml:5:7: rule 'sync-many': the selector (owner example-org; topic nothing-has-this) chooses no repository among the 6 of example-org. "
                    + "A selector that matches nothing is an error, never an empty sync: check the topics and the name glob.",
            ])
        }
        struct Missing: Error, CustomStringConvertible { var description: String { "no organisation or user named ghost-org" } }
        let ghost = try loading.load(["many.yaml": Self.rule(targets: "    - owner: ghost-org")])
        do {
            _ = try await ghost.resolvingSelectors { _ in throw Missing() }
            Issue.record("an unknown owner was accepted")
        } catch {
            #expect(error.diagnostics.first?.description.hasPrefix("rules/many.yaml:5:7: rule 'sync-many': the repositories of ghost-org cannot be listed: no organisation or user named ghost-org") == true,
                    "\(error.diagnostics)")
        }
    }

    @Test("target_repos is read strictly", arguments: [
        ("    - example-org/a\n    - example-org/A", "listed twice in target_repos"),
        ("    - not a repo", "'not a repo' is not a repository name"),
        ("    - owner: example-org\n      topic: [x]", "unknown key 'topic'"),
        ("    - owner: example-org\n      topics: [Not_A_Topic]", "is not a GitHub topic"),
        ("    - owner: example-org\n      name: \"org/x\"", "has no '/'"),
        ("    []", "target_repos is empty"),
    ])
    func strict(_ targets: String, _ message: String) throws {
        let errors = try loading.errors(["many.yaml": Self.rule(targets: targets)])
        #expect(errors.contains { $0.description.hasPrefix("rules/many.yaml:") && $0.description.contains(message) }, "\(errors.map(\.description))")
    }

    @Test("target_repo and target_repos together, or neither, are refused")
    func exactlyOne() throws {
        let both = Self.rule(targets: "    - example-org/a").replacingOccurrences(of: "  target_repos:", with: "  target_repo: example-org/b\n  target_repos:")
        #expect(try loading.errors(["many.yaml": both]).map(\.message).contains("the rule has both target_repo and target_repos; keep one."))
    }

    @Test("a repository a selector chooses gets its sync_targets.yml values, and loses the default rule it had")
    func withTargetsFile() async throws {
        let set = try loading.load(["many.yaml": Self.rule(targets: "    - owner: example-org\n      name: \"svc-s*\"", path: "docs/{{target.team}}/")],
                                   targets: "repository:\n  - example-org/svc-search: { team: search }\n")
        #expect(set.rules.map(\.id) == ["default-example-org-svc-search"], "until resolved, the listed repository has the default rule")
        let resolved = try await set.resolvingSelectors { _ in Self.fleet }
        #expect(resolved.rules.map(\.id) == ["sync-many"])
        #expect(resolved.rules.first?.targetPath == "docs/search/")
    }

    @Test("rules expanded to many targets keep their dependencies and order")
    func dependencies() async throws {
        let first = Self.rule("a-first", targets: "    - owner: example-org\n      name: \"svc-b*\"", path: "one/")
        let second = Self.rule("b-second", targets: "    - example-org/svc-billing\n    - example-org/svc-search", path: "two/", extra: "  depends_on: [a-first]\n")
        let set = try loading.load(["a.yaml": first, "b.yaml": second])
        let resolved = try await set.resolvingSelectors { _ in Self.fleet }
        #expect(resolved.rules.map { "\($0.id)@\($0.targetRepository)" } == ["a-first@example-org/svc-billing", "b-second@example-org/svc-billing", "b-second@example-org/svc-search"])
        // Two files with one id is still an error.
        #expect(try loading.errors(["a.yaml": first, "c.yaml": first]).contains { $0.message.contains("duplicate rule id 'a-first'") })
    }
}
