import ActionsRuntime
import Foundation
import Testing

/// Typed input keys: each kind reads its value as the Actions toolkit does, with the key's own
/// default and requirement, and names the input in every error.
@Suite("Typed input keys")
struct InputKeyTests {
    enum Mode: String, CaseIterable, Sendable {
        case full, incremental, delta
    }

    /// Inputs of a step that declares `specs`, set in the environment (`INPUT_<NAME>`) and as flags.
    private func inputs(_ specs: [InputSpec], environment: [String: String] = [:], flags: [String: String] = [:]) -> StepInputs {
        let variables = Dictionary(uniqueKeysWithValues: environment.map { (InputSpec.environmentVariable(for: $0.key), $0.value) })
        return StepInputs(definition: StepDefinition(name: "t", summary: "", inputs: specs, outputs: []), environment: variables, flags: flags)
    }

    @Test("an absent or blank value takes the key's default; without one, a string is empty and an optional nil")
    func defaults() throws {
        let mode: InputKey<String> = .string("mode", "", default: "incremental")
        let version: InputKey<String?> = .optionalString("version", "", default: "")
        let plain: InputKey<String> = .string("plain", "")
        let specs = [mode.spec, version.spec, plain.spec]
        #expect(try inputs(specs)(mode) == "incremental")
        #expect(try inputs(specs, environment: ["mode": "  \n "])(mode) == "incremental")
        #expect(try inputs(specs, environment: ["mode": "  full \n"])(mode) == "full")
        #expect(try inputs(specs)(version) == nil)
        #expect(try inputs(specs, environment: ["version": " v2.4.0 "])(version) == "v2.4.0")
        #expect(try inputs(specs)(plain) == "")
    }

    @Test("a required input without a value fails naming it")
    func required() throws {
        let target: InputKey<String> = .string("target-repo", "", required: true)
        #expect(throws: InputError.required("target-repo")) { try inputs([target.spec])(target) }
        #expect(throws: InputError.required("target-repo")) { try inputs([target.spec], environment: ["target-repo": "   "])(target) }
        #expect(try inputs([target.spec], environment: ["target-repo": "org/a"])(target) == "org/a")
    }

    @Test("a boolean takes the six YAML 1.2 spellings; anything else fails naming the input")
    func booleans() throws {
        let dryRun: InputKey<Bool> = .boolean("dry-run", "", default: "false")
        #expect(try inputs([dryRun.spec])(dryRun) == false)
        #expect(try inputs([dryRun.spec], environment: ["dry-run": "TRUE"])(dryRun) == true)
        #expect(throws: InputError.notBoolean("dry-run", value: "maybe")) {
            try inputs([dryRun.spec], environment: ["dry-run": "maybe"])(dryRun)
        }
        do {
            _ = try inputs([dryRun.spec], environment: ["dry-run": "yes"])(dryRun)
            Issue.record("'yes' was read as a boolean")
        } catch {
            #expect("\(error)".contains("dry-run (got 'yes')"))
        }
    }

    @Test("an integer out of range or not a number fails naming the input and the range")
    func integers() throws {
        let maxShards: InputKey<Int> = .integer("max-shards", "", in: 1...256, default: "4")
        #expect(try inputs([maxShards.spec])(maxShards) == 4)
        #expect(try inputs([maxShards.spec], environment: ["max-shards": "256"])(maxShards) == 256)
        #expect(throws: InputError.notInteger("max-shards", value: "0", range: 1...256)) {
            try inputs([maxShards.spec], environment: ["max-shards": "0"])(maxShards)
        }
        #expect(throws: InputError.notInteger("max-shards", value: "257", range: 1...256)) {
            try inputs([maxShards.spec], environment: ["max-shards": "257"])(maxShards)
        }
        #expect(throws: InputError.notInteger("max-shards", value: "four", range: 1...256)) {
            try inputs([maxShards.spec], environment: ["max-shards": "four"])(maxShards)
        }
        #expect(InputError.notInteger("max-shards", value: "0", range: 1...256).description
            == "Input max-shards must be a whole number from 1 to 256; got '0'.")
    }

    @Test("an optional integer is nil when empty and checked against its range when given")
    func optionalIntegers() throws {
        let port: InputKey<Int?> = .optionalInteger("smtp-port", "", in: 1...65_535, default: "")
        #expect(try inputs([port.spec])(port) == nil)
        #expect(try inputs([port.spec], environment: ["smtp-port": "2525"])(port) == 2525)
        #expect(throws: InputError.notInteger("smtp-port", value: "70000", range: 1...65_535)) {
            try inputs([port.spec], environment: ["smtp-port": "70000"])(port)
        }
    }

    @Test("a choice is one of the type's raw values; anything else fails listing them")
    func choices() throws {
        let mode: InputKey<Mode> = .choice("mode", "", as: Mode.self, default: "incremental")
        #expect(try inputs([mode.spec])(mode) == .incremental)
        #expect(try inputs([mode.spec], environment: ["mode": "delta"])(mode) == .delta)
        #expect(throws: InputError.notAChoice("mode", value: "fast", allowed: ["full", "incremental", "delta"])) {
            try inputs([mode.spec], environment: ["mode": "fast"])(mode)
        }
    }

    @Test("a list splits on commas and newlines, trims and drops empty entries; lines split on newlines only")
    func lists() throws {
        let targets: InputKey<[String]> = .list("target-repos", "", default: "all")
        let lines: InputKey<[String]> = .lines("paths", "")
        let raw = "org/a, org/b\n  org/c,,\n\n org/d  "
        #expect(try inputs([targets.spec])(targets) == ["all"])
        #expect(try inputs([targets.spec], environment: ["target-repos": raw])(targets) == ["org/a", "org/b", "org/c", "org/d"])
        #expect(try inputs([lines.spec], environment: ["paths": raw])(lines) == ["org/a, org/b", "org/c,,", "org/d"])
        #expect(try inputs([lines.spec])(lines) == [])
    }

    @Test("a flag given on the command line wins over the environment")
    func flagsWin() throws {
        let dryRun: InputKey<Bool> = .boolean("dry-run", "", default: "false")
        let planDir: InputKey<String?> = .path("plan-dir", "", default: "", writes: true)
        let given = inputs([dryRun.spec, planDir.spec], environment: ["dry-run": "false", "plan-dir": "env/plan"],
                           flags: ["dry-run": "true", "plan-dir": " flag/plan "])
        #expect(try given(dryRun) == true)
        #expect(try given(planDir) == "flag/plan")
        #expect(given.raw(planDir.spec) == " flag/plan ")
        let environmentOnly = inputs([dryRun.spec, planDir.spec], environment: ["dry-run": "true", "plan-dir": "env/plan"])
        #expect(try environmentOnly(dryRun) == true)
        #expect(try environmentOnly(planDir) == "env/plan")
    }

    @Test("each factory declares its kind; kind: keeps another where docs need it")
    func kinds() {
        #expect(InputKey<String>.string("a", "").spec.kind == .string)
        #expect(InputKey<String>.string("a", "", kind: .path).spec.kind == .path)
        #expect(InputKey<String?>.optionalString("a", "").spec.kind == .string)
        #expect(InputKey<String?>.path("a", "").spec.kind == .path)
        #expect(InputKey<Bool>.boolean("a", "").spec.kind == .boolean)
        #expect(InputKey<[String]>.list("a", "").spec.kind == .list)
        #expect(InputKey<[String]>.lines("a", "", kind: .string).spec.kind == .string)
        #expect(InputKey<Int>.integer("a", "", in: 0...1).spec.kind == .number)
        #expect(InputKey<Int?>.optionalInteger("a", "", in: 0...1).spec.kind == .number)
        #expect(InputKey<Mode>.choice("a", "", as: Mode.self).spec.kind == .string)
        let secret: InputKey<String> = .string("smtp-password", "Password.", default: "", secret: true)
        #expect(secret.spec == InputSpec("smtp-password", "Password.", default: "", secret: true))
    }

    @Test("a key reads through its own spec: no lookup of its name in the definition")
    func readsWithoutLookup() throws {
        let version: InputKey<String?> = .optionalString("version", "", default: "v1")
        let undeclared = StepInputs(definition: StepDefinition(name: "t", summary: "", inputs: [], outputs: []), environment: [:], flags: [:])
        #expect(try undeclared(version) == "v1")
    }
}
