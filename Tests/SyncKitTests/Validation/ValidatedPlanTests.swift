import Diagnostics
import Foundation
import SyncCore
import SyncKit
import TestSupport
import Testing

/// Validation in the core: the validated plan holds only rules that passed, the blocked ones apart
/// with their checks; a plan file whose rules nobody checked is refused; the targets one delivery
/// job takes are chosen once, here.
@Suite("validated plan and target selection")
struct ValidatedPlanTests {
    /// Four targets: org/big (10 files), org/s1..s3 (one file each).
    static func plan() throws -> (TemporaryDirectory, Planner.Output) {
        let (directory, source) = try PlannerTests.tree(Dictionary(uniqueKeysWithValues: (0..<10).map { ("core/f\($0).md", "# \($0)\n") }))
        let rules = [
            try PlannerTests.rule("big", source: "core/*.md", repository: "org/big"),
            try PlannerTests.rule("s1", source: "core/f1.md", repository: "org/s1"),
            try PlannerTests.rule("s2", source: "core/f2.md", repository: "org/s2"),
            try PlannerTests.rule("s3", source: "core/f3.md", repository: "org/s3"),
        ]
        return (directory, try Planner().plan(try PlannerTests.request(rules, source)))
    }

    /// Validates `output`, with the blob of `core/f5.md` edited after planning (its checksum fails,
    /// which blocks rule `big`, the only one that syncs it).
    static func validate(_ output: Planner.Output, tamper: Bool) throws -> PlanValidation.Outcome {
        let edited = output.plan.targets.flatMap(\.rules).flatMap(\.files).first { $0.source == "core/f5.md" }?.sha256
        let blobs = output.blobs
        return PlanValidation(
            plan: output.plan, settings: SyncSettings(),
            scanner: try SecretScanner(rules: try SecretRuleSet.builtIn(), configuration: SecretScanConfiguration()),
            sources: [:], force: false,
            blob: { sha in tamper && sha == edited ? Data("# 5, edited after planning\n".utf8) : blobs[sha] }
        ).run()
    }

    @Test("a blocked rule leaves the validated plan and is held apart with the checks that blocked it")
    func blockedHeldApart() throws {
        let (directory, output) = try Self.plan()
        _ = directory
        let outcome = try Self.validate(output, tamper: true)
        #expect(outcome.blocked.map(\.rule.ruleID) == ["big"])
        #expect(outcome.blocked[0].validation.status(of: .checksum) == .fail)
        #expect(outcome.plan.targets.map(\.repository) == ["org/s1", "org/s2", "org/s3"])
        #expect(outcome.plan.targets.flatMap(\.rules).allSatisfy { $0.validation?.blocked == false })
        #expect(outcome.plan.skippedRules.map(\.reason) == ["blocked by validation: checksum"])
        #expect(outcome.checkedRules.map(\.ruleID) == ["s1", "s2", "s3", "big"], "every checked rule gets its report, the blocked one too")
    }

    @Test("a plan file read for delivery: unchecked rules are refused unless asked for, blocked ones never delivered")
    func readingAPlanFile() throws {
        let (directory, output) = try Self.plan()
        _ = directory
        #expect(throws: Diagnostic.self) { try ValidatedPlan(reading: output.plan, requireChecks: true, shownAs: "plan.json") }
        do {
            _ = try ValidatedPlan(reading: output.plan, requireChecks: true, shownAs: "plan.json")
        } catch {
            #expect(error.category == .configuration)
            #expect(error.message.hasPrefix("plan.json has rules validate-sync did not check (org/big big, org/s1 s1, org/s2 s2, org/s3 s3)"))
        }
        let unchecked = try ValidatedPlan(reading: output.plan, requireChecks: false, shownAs: "plan.json")
        #expect(unchecked.plan == output.plan && unchecked.blocked.isEmpty)

        // A validated plan file that still lists a blocked rule (an old or edited file): held apart.
        let outcome = try Self.validate(output, tamper: true)
        var tampered = outcome.plan
        var big = try #require(output.plan.targets.first { $0.repository == "org/big" })
        big.rules = [outcome.blocked[0].rule]
        tampered.targets.append(big)
        let read = try ValidatedPlan(reading: tampered, requireChecks: true, shownAs: "validated-plan.json")
        #expect(read.blocked.map(\.rule.ruleID) == ["big"])
        #expect(!read.plan.targets.flatMap(\.rules).contains { $0.ruleID == "big" })
    }

    @Test("named targets compare without case and report names the plan does not have; blocked rules are reported once")
    func named() throws {
        let (directory, output) = try Self.plan()
        _ = directory
        let selection = TargetSelection.named(["ORG/S1", "org/nowhere"])
        let (targets, unknown) = selection.select(from: output.plan)
        #expect(targets.map(\.repository) == ["org/s1"])
        #expect(unknown == ["org/nowhere"])
        #expect(selection.reportsBlockedRule(in: "org/s1") && !selection.reportsBlockedRule(in: "org/big"))
        #expect(TargetSelection.shard(index: 0, maxShards: 2).reportsBlockedRule(in: "org/big"))
        #expect(!TargetSelection.shard(index: 1, maxShards: 2).reportsBlockedRule(in: "org/big"))
        #expect(TargetSelection.all.select(from: output.plan).targets.count == 4)
    }

    @Test("a shard recomputed from the validated plan can differ from plan-sync's matrix when validation blocked a rule")
    func shardsMoveWhenValidationBlocks() throws {
        let (directory, output) = try Self.plan()
        _ = directory
        let matrix = PlanMatrix.shards(output.plan, maxShards: 2)
        #expect(matrix.map(\.targets) == [["org/big"], ["org/s1", "org/s2", "org/s3"]])
        let validated = try Self.validate(output, tamper: true).plan
        let recomputed = TargetSelection.shard(index: 0, maxShards: 2).select(from: validated).targets.map(\.repository)
        // plan-sync gave shard 0 org/big only; recomputed, shard 0 takes a target shard 1 also delivers.
        #expect(recomputed != matrix[0].targets)
        #expect(!Set(recomputed).isDisjoint(with: matrix[1].targets))
        // Named targets (the matrix entry's list) select exactly what plan-sync gave the shard.
        #expect(TargetSelection.named(matrix[1].targets).select(from: validated).targets.map(\.repository) == matrix[1].targets)
    }
}
