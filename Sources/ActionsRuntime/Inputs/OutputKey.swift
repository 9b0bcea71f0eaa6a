/// A step's output as a key: steps set `session.setOutput(Output.plan, value)` with the key
/// their definition lists, never a name typed again.
package struct OutputKey: Sendable {
    package let spec: OutputSpec

    package init(_ name: String, _ description: String) {
        spec = OutputSpec(name, description)
    }

    /// The output's name, as the runner and later steps see it.
    package var name: String { spec.name }
}
