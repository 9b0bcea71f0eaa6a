import ActionsRuntime
import Foundation
import Steps
import Testing
import TestSupport

/// docs/steps.md against the step definitions, so the reference never drifts: each step has a
/// section whose Inputs and Outputs tables list exactly what the step declares, with its defaults.
@Suite("docs/steps.md")
struct StepsDocumentationTests {
    /// One documented table row: the name in backticks and the cells after it.
    struct Row: Equatable {
        var name: String
        var cells: [String]
    }

    static let text = (try? String(contentsOf: RepositoryFiles.url("docs/steps.md"), encoding: .utf8)) ?? ""

    /// The lines under `## <step>` up to the next `## `.
    static func section(_ step: String) -> [Substring]? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0 == "## \(step)" }) else { return nil }
        let rest = lines[(start + 1)...]
        let end = rest.firstIndex { $0.hasPrefix("## ") } ?? lines.endIndex
        return Array(lines[(start + 1)..<end])
    }

    /// Table rows (`| \`name\` | ... |`) under `### <heading>` in the section.
    static func rows(_ heading: String, in section: [Substring]) -> [Row] {
        guard let start = section.firstIndex(where: { $0 == "### \(heading)" }) else { return [] }
        return section[(start + 1)...].prefix { !$0.hasPrefix("### ") }.compactMap { line in
            guard line.hasPrefix("| `") else { return nil }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard let first = cells.first, first.hasPrefix("`"), first.hasSuffix("`") else { return nil }
            return Row(name: String(first.dropFirst().dropLast()), cells: Array(cells.dropFirst()))
        }
    }

    @Test("every step has a section", arguments: StepCatalog.all.map(\.name))
    func sectionExists(_ step: String) {
        #expect(Self.section(step) != nil, "docs/steps.md has no '## \(step)' section.")
    }

    @Test("the Inputs table lists exactly the step's inputs, with their defaults", arguments: StepCatalog.all.map(\.name))
    func inputsAreDocumented(_ step: String) throws {
        let definition = try #require(StepCatalog.definition(named: step))
        let section = try #require(Self.section(step))
        let rows = Self.rows("Inputs", in: section)
        #expect(rows.map(\.name) == definition.inputs.map(\.name), "docs/steps.md § \(step): inputs differ from the definition (same order).")
        for (row, input) in zip(rows, definition.inputs) {
            let documented = row.cells.first ?? ""
            let expected = (input.defaultValue ?? "").isEmpty ? "" : "`\(input.defaultValue!)`"
            #expect(documented == expected, "docs/steps.md § \(step): default of \(input.name) is \(documented), the step says \(expected).")
        }
    }

    @Test("the Outputs table lists exactly the step's outputs", arguments: StepCatalog.all.map(\.name))
    func outputsAreDocumented(_ step: String) throws {
        let definition = try #require(StepCatalog.definition(named: step))
        let section = try #require(Self.section(step))
        #expect(Self.rows("Outputs", in: section).map(\.name) == definition.outputs.map(\.name),
                "docs/steps.md § \(step): outputs differ from the definition (same order).")
    }

    @Test("no section documents a step that does not exist")
    func noStaleSections() {
        let documented = Self.text.split(separator: "\n").filter { $0.hasPrefix("## ") }.map { String($0.dropFirst(3)) }
        let known = Set(StepCatalog.all.map(\.name))
        let stale = documented.filter { $0.first?.isLowercase == true && $0.contains("-") && !known.contains($0) }
        #expect(stale.isEmpty, "docs/steps.md documents steps that StepCatalog.all does not list: \(stale).")
    }
}
