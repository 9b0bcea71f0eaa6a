import SyncKit
import Testing

@Suite("depends_on gate")
struct DependencyGateTests {
    @Test("a rule behind a stopped dependency is stopped and names it; what depends on it is stopped in turn; other rules pass")
    func chain() {
        var gate = DependencyGate(stopped: ["schemas"])
        #expect(gate.blocker(of: "prompts", dependsOn: ["glyphs", "schemas"]) == "schemas")
        #expect(gate.isStopped("prompts"))
        #expect(gate.blocker(of: "agents", dependsOn: ["prompts"]) == "prompts")
        #expect(gate.blocker(of: "glyphs", dependsOn: []) == nil)
        #expect(gate.blocker(of: "docs", dependsOn: ["glyphs"]) == nil)
        #expect(!gate.isStopped("docs"))
        gate.stop("docs")
        #expect(gate.stopped == ["schemas", "prompts", "agents", "docs"])
    }
}
