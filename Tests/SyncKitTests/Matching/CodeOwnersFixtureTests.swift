import TestSupport
import Foundation
import Testing
@testable import SyncKit

/// Every case of `codeowners/patterns.json` (hmarr/codeowners' conformance table).
@Suite("CODEOWNERS patterns fixture")
struct CodeOwnersFixtureTests {
    struct Case: Decodable, CustomTestStringConvertible, Sendable {
        let name: String
        let pattern: String
        let paths: [String: Bool]
        var testDescription: String { name }
    }

    static let cases: [Case] = {
        do {
            return try JSONDecoder().decode([Case].self, from: SharedFixtures.data("codeowners/patterns.json"))
        } catch {
            return []
        }
    }()

    /// Cases knowingly skipped, by name, with the reason. Empty: every case runs.
    static let skipped: [String: String] = [:]

    @Test("The fixture loads and has cases")
    func fixtureLoads() throws {
        let cases = try JSONDecoder().decode([Case].self, from: SharedFixtures.data("codeowners/patterns.json"))
        #expect(cases.count == Self.cases.count)
        #expect(cases.count >= 30)
    }

    @Test("Pattern matches each path as the fixture says", arguments: cases)
    func fixtureCase(_ example: Case) throws {
        try #require(Self.skipped[example.name] == nil)
        let pattern = try CodeOwnersPattern(example.pattern)
        for (path, expected) in example.paths.sorted(by: { $0.key < $1.key }) {
            #expect(pattern.matches(path) == expected, "\(example.pattern) vs \(path)")
        }
    }
}
