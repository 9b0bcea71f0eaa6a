import Diagnostics
import Foundation
import SyncCore

/// action.yml as the tests see it: inputs, outputs and the composite steps, parsed with the
/// project's YAML layer so a broken manifest fails with file:line:column.
struct ActionManifest {
    struct Input {
        var name: String
        var defaultValue: String
    }

    struct Output {
        var name: String
        var value: String
    }

    struct Step {
        var id: String?
        var name: String
        var condition: String?
        var uses: String?
        var run: String?
        var environment: [(key: String, value: String)]
        var with: [(key: String, value: String)]

        /// Every expression-bearing text of the step: `if`, env values, `with` values.
        var expressions: [String] {
            [condition].compactMap { $0 } + environment.map(\.value) + with.map(\.value)
        }
    }

    var inputs: [Input]
    var outputs: [Output]
    var steps: [Step]

    func input(named name: String) -> Input? { inputs.first { $0.name == name } }
    func step(id: String) -> Step? { steps.first { $0.id == id } }

    static func load(_ url: URL) throws -> ActionManifest {
        let text = try ConfigFile.read(url, shownAs: url.lastPathComponent)
        guard let root = try ConfigNode.parse(text, file: url.lastPathComponent) else {
            throw Diagnostic.configuration(file: url.lastPathComponent, message: "action.yml is empty.")
        }
        let top = try root.mapping()
        let inputs = try top.required("inputs").mapping().entries.map { entry in
            Input(name: entry.key, defaultValue: try entry.value.mapping()["default"]?.string() ?? "")
        }
        let outputs = try top.required("outputs").mapping().entries.map { entry in
            Output(name: entry.key, value: try entry.value.mapping().required("value").string())
        }
        let steps = try top.required("runs").mapping().required("steps").sequence().map { node in
            let step = try node.mapping()
            return Step(
                id: try step["id"]?.string(),
                name: try step["name"]?.string() ?? "",
                condition: try step["if"]?.string(),
                uses: try step["uses"]?.string(),
                run: try step["run"]?.string(),
                environment: try pairs(step["env"]),
                with: try pairs(step["with"])
            )
        }
        return ActionManifest(inputs: inputs, outputs: outputs, steps: steps)
    }

    private static func pairs(_ node: ConfigNode?) throws -> [(key: String, value: String)] {
        guard let node else { return [] }
        return try node.mapping().entries.map { ($0.key, try $0.value.string()) }
    }
}

/// The `${{ }}` references the tests follow.
enum ExpressionReferences {
    /// Names after `inputs.` in the text.
    static func inputs(in text: String) -> [String] {
        matches(of: #/inputs\.([A-Za-z0-9_-]+)/#, in: text).map { $0[0] }
    }

    /// (step id, output name) pairs after `steps.ID.outputs.`.
    static func stepOutputs(in text: String) -> [(step: String, output: String)] {
        matches(of: #/steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)/#, in: text).map { ($0[0], $0[1]) }
    }

    private static func matches(of regex: Regex<(Substring, Substring)>, in text: String) -> [[String]] {
        text.matches(of: regex).map { [String($0.output.1)] }
    }

    private static func matches(of regex: Regex<(Substring, Substring, Substring)>, in text: String) -> [[String]] {
        text.matches(of: regex).map { [String($0.output.1), String($0.output.2)] }
    }
}
