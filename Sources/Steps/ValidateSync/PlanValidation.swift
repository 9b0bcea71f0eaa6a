import Foundation
import JSONSchema
import SyncCore
import SyncKit

/// Validates every rule of a plan and removes the blocked ones, with the rules that depend on them.
struct PlanValidation {
    var plan: Plan
    var settings: SyncSettings
    var scanner: SecretScanner
    var sources: [String: Data]
    var force: Bool
    var blob: @Sendable (String) -> Data?

    struct Outcome {
        var plan: Plan
        var blocked: [(repository: String, rule: PlannedRule)]
        var skippedDependents: [String]
        var findings: [ValidationFinding]
    }

    func run() -> Outcome {
        let sourceTexts = sources.compactMapValues(TextContent.decode)
        let schemaDocuments = schemaDocuments(sourceTexts)
        var jobs: [Job] = []
        for target in plan.targets {
            var tree = Set<String>()
            var documents: [String: String] = [:]
            for rule in target.rules {
                for file in rule.files {
                    tree.insert(file.destination)
                    if TextContent.isMarkdown(file.destination), let data = blob(file.sha256), let text = TextContent.decode(data) {
                        documents[file.destination] = text
                    }
                }
                tree.formUnion(rule.skippedFiles.compactMap(\.destination))
            }
            for rule in target.rules {
                let mapping = rule.schemas.compactMap { pattern, path in (try? Glob(pattern)).map { (glob: $0, path: path) } }
                let context = RuleValidator.Context(
                    version: plan.version, versionKey: settings.versionKey, force: force, tree: tree, documents: documents,
                    scanner: scanner, schemas: SchemaCheck(schemas: schemaDocuments, mapping: mapping), sources: sourceTexts
                )
                jobs.append(Job(repository: target.repository, rule: rule, context: context))
            }
        }
        let blob = self.blob
        let results = jobs.concurrentMap { job in RuleValidator(context: job.context).validate(job.rule, blob: blob) }

        var validated = plan
        var blocked: [(String, PlannedRule)] = []
        var gate = DependencyGate()
        var dependents: [String] = []
        var index = 0
        for (targetIndex, target) in plan.targets.enumerated() {
            var kept: [PlannedRule] = []
            for var rule in target.rules {
                rule.validation = results[index].validation
                index += 1
                if rule.validation!.blocked {
                    blocked.append((target.repository, rule))
                    gate.stop(rule.ruleID)
                } else {
                    kept.append(rule)
                }
            }
            validated.targets[targetIndex].rules = kept
        }
        // Rules that depend on a blocked rule are skipped too, in dependency order.
        var changed = true
        while changed {
            changed = false
            for targetIndex in validated.targets.indices {
                let repository = validated.targets[targetIndex].repository
                var kept: [PlannedRule] = []
                for rule in validated.targets[targetIndex].rules {
                    guard let blocker = gate.blocker(of: rule.ruleID, dependsOn: rule.dependsOn) else {
                        kept.append(rule)
                        continue
                    }
                    dependents.append(rule.ruleID)
                    validated.skippedRules.append(SkippedRule(ruleID: rule.ruleID, repository: repository, reason: "skipped: depends on '\(blocker)', which validation blocked"))
                    changed = true
                }
                validated.targets[targetIndex].rules = kept
            }
        }
        for (repository, rule) in blocked {
            let failed = rule.validation!.checks.filter { $0.status == .fail }.map(\.name.rawValue).joined(separator: ", ")
            validated.skippedRules.append(SkippedRule(ruleID: rule.ruleID, repository: repository, reason: "blocked by validation: \(failed)"))
        }
        validated.targets.removeAll { $0.rules.isEmpty }
        return Outcome(plan: validated, blocked: blocked, skippedDependents: dependents, findings: results.flatMap(\.findings))
    }

    private struct Job: Sendable {
        var repository: String
        var rule: PlannedRule
        var context: RuleValidator.Context
    }

    /// JSON documents that can serve as schemas: the rules' mapped schema files and synced JSON files with an `$id`.
    private func schemaDocuments(_ sourceTexts: [String: String]) -> [String: JSONValue] {
        var documents: [String: JSONValue] = [:]
        for path in Set(plan.targets.flatMap(\.rules).flatMap(\.schemas.values)) {
            if let text = sourceTexts[path], let value = try? JSONParser.parse(text) { documents[path] = value }
        }
        for rule in plan.targets.flatMap(\.rules) {
            for file in rule.files where TextContent.isJSON(file.destination) {
                if let text = sourceTexts[file.source], let value = try? JSONParser.parse(text), case .object(let object) = value, object["$id"] != nil {
                    documents[file.source] = value
                }
            }
        }
        return documents
    }
}
