import Foundation
import JSONSchema
import SyncCore

/// Validates every rule of a plan and removes the blocked ones, with the rules that depend on them.
package struct PlanValidation {
    package var plan: Plan
    package var settings: SyncSettings
    package var scanner: SecretScanner
    package var sources: [String: Data]
    package var force: Bool
    package var blob: @Sendable (String) -> Data?

    package init(plan: Plan, settings: SyncSettings, scanner: SecretScanner, sources: [String: Data], force: Bool, blob: @escaping @Sendable (String) -> Data?) {
        self.plan = plan
        self.settings = settings
        self.scanner = scanner
        self.sources = sources
        self.force = force
        self.blob = blob
    }

    package struct Outcome: Sendable {
        package var validated: ValidatedPlan
        /// Rules skipped because a rule they depend on was blocked.
        package var skippedDependents: [String]
        package var findings: [ValidationFinding]

        /// The plan delivery takes: blocked rules and their dependents removed, each rule's checks attached.
        package var plan: Plan { validated.plan }
        package var blocked: [ValidatedPlan.BlockedRule] { validated.blocked }

        /// Every rule that was checked, the blocked ones last, with its checks.
        package var checkedRules: [(repository: String, ruleID: String, validation: RuleValidation)] {
            plan.targets.flatMap { target in
                target.rules.compactMap { rule in rule.validation.map { (target.repository, rule.ruleID, $0) } }
            } + blocked.map { ($0.repository, $0.rule.ruleID, $0.validation) }
        }
    }

    package func run() -> Outcome {
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
        var blocked: [ValidatedPlan.BlockedRule] = []
        var gate = DependencyGate()
        var dependents: [String] = []
        var index = 0
        for (targetIndex, target) in plan.targets.enumerated() {
            var kept: [PlannedRule] = []
            for var rule in target.rules {
                let validation = results[index].validation
                rule.validation = validation
                index += 1
                if validation.blocked {
                    blocked.append(ValidatedPlan.BlockedRule(repository: target.repository, rule: rule, validation: validation))
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
        for item in blocked {
            let failed = item.validation.checks.filter { $0.status == .fail }.map(\.name.rawValue).joined(separator: ", ")
            validated.skippedRules.append(SkippedRule(ruleID: item.rule.ruleID, repository: item.repository, reason: "blocked by validation: \(failed)"))
        }
        validated.targets.removeAll { $0.rules.isEmpty }
        return Outcome(validated: ValidatedPlan(passed: validated, blocked: blocked), skippedDependents: dependents, findings: results.flatMap(\.findings))
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
