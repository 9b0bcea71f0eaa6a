import ActionsRuntime
import Foundation
import Steps
import Testing
import TestSupport

/// action.yml against the step definitions: no input that nothing reads, no variable a step
/// does not declare, no step output left unexposed, the chain in catalog order.
@Suite("action.yml")
struct ActionManifestTests {
    let manifest: ActionManifest

    /// Variables the chain sets for every step besides inputs and secrets.
    static let runtimeVariables: Set = ["FLASH_SYNC_BIN", "FLASH_SYNC_REPLAY_DIR"]
    /// Steps of the chain that are not flash-sync executables.
    static let shellSteps = ["test-command"]

    init() throws {
        manifest = try ActionManifest.load(RepositoryFiles.url("action.yml"))
    }

    /// The chain: action steps whose id names a flash-sync executable.
    var chain: [(step: ActionManifest.Step, definition: StepDefinition)] {
        manifest.steps.compactMap { step in
            guard let id = step.id, let definition = StepCatalog.definition(named: id) else { return nil }
            return (step, definition)
        }
    }

    @Test("every input of action.yml is read by some step")
    func everyInputIsRead() {
        let referenced = Set(manifest.steps.flatMap { $0.expressions.flatMap(ExpressionReferences.inputs(in:)) })
        let unread = manifest.inputs.map(\.name).filter { !referenced.contains($0) }
        #expect(unread.isEmpty, "action.yml inputs no step reads: \(unread). Map each to a step's env or remove it.")
    }

    @Test("every step in the catalog runs in action.yml, in catalog order, as its own executable")
    func chainFollowsTheCatalog() {
        #expect(chain.map(\.definition.name) == StepCatalog.all.map(\.name),
                "Add each step of StepCatalog.all to action.yml with `id: <step name>`, in catalog order.")
        for (step, definition) in chain {
            #expect(step.run?.contains("\"$FLASH_SYNC_BIN/\(definition.name)\"") == true,
                    "The step with id \(definition.name) must run \"$FLASH_SYNC_BIN/\(definition.name)\".")
            #expect(step.condition == "steps.select.outputs.\(definition.name) == 'true'",
                    "\(definition.name) must run only when selected by the steps input.")
        }
    }

    @Test("the steps input knows exactly the chain, in order")
    func selectionListsTheChain() throws {
        let select = try #require(manifest.step(id: "select")?.run)
        let known = try #require(select.firstMatch(of: #/known="([^"]*)"/#)).output.1
        let chainIDs = manifest.steps.compactMap(\.id).filter { StepCatalog.definition(named: $0) != nil || Self.shellSteps.contains($0) }
        #expect(known.split(separator: " ").map(String.init) == chainIDs)
    }

    @Test("a step reads only the INPUT_ variables and secrets its definition declares")
    func environmentMatchesDefinitions() {
        for (step, definition) in chain {
            for (key, value) in step.environment {
                if key.hasPrefix("INPUT_") {
                    #expect(definition.inputs.contains { $0.environmentVariable == key },
                            "\(definition.name) declares no input read from \(key); inputs: \(definition.inputs.map(\.name)).")
                } else {
                    #expect(definition.secretVariables.contains(key) || Self.runtimeVariables.contains(key),
                            "\(definition.name): \(key) is neither an INPUT_ variable, a secret it declares nor a runtime variable.")
                }
                for name in ExpressionReferences.inputs(in: value) {
                    #expect(manifest.input(named: name) != nil, "\(definition.name): \(key) reads inputs.\(name), which action.yml does not define.")
                }
            }
        }
    }

    @Test("an action input's default is empty or the step's own default")
    func defaultsAgree() {
        for (step, definition) in chain {
            for (key, value) in step.environment where key.hasPrefix("INPUT_") {
                let names = ExpressionReferences.inputs(in: value)
                guard value == "${{ inputs.\(names.first ?? "") }}", let input = manifest.input(named: names[0]),
                      let spec = definition.inputs.first(where: { $0.environmentVariable == key })
                else { continue }
                #expect(input.defaultValue.isEmpty || input.defaultValue == spec.defaultValue,
                        "inputs.\(input.name) defaults to '\(input.defaultValue)' but \(definition.name) --\(spec.name) to '\(spec.defaultValue ?? "")'.")
            }
        }
    }

    @Test("every output of every step is an output of the action")
    func everyStepOutputIsExposed() {
        let exposed = manifest.outputs.flatMap { ExpressionReferences.stepOutputs(in: $0.value) }
        for definition in StepCatalog.all {
            for output in definition.outputs {
                #expect(exposed.contains { $0 == (definition.name, output.name) },
                        "action.yml exposes no output with value steps.\(definition.name).outputs.\(output.name).")
            }
        }
        for reference in exposed {
            guard let definition = StepCatalog.definition(named: reference.step) else {
                #expect(manifest.step(id: reference.step) != nil, "Output references the unknown step \(reference.step).")
                continue
            }
            #expect(definition.outputs.contains { $0.name == reference.output },
                    "action.yml reads steps.\(reference.step).outputs.\(reference.output), which \(reference.step) does not write.")
        }
    }

    @Test("steps pass each other outputs the producing step declares")
    func chainedOutputsExist() {
        for step in manifest.steps {
            for reference in step.expressions.flatMap(ExpressionReferences.stepOutputs(in:)) {
                guard let definition = StepCatalog.definition(named: reference.step) else { continue }
                #expect(definition.outputs.contains { $0.name == reference.output },
                        "\(step.name) reads steps.\(reference.step).outputs.\(reference.output), which \(reference.step) does not write.")
            }
        }
    }
}
