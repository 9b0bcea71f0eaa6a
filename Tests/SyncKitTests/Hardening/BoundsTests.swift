import Diagnostics
import Foundation
@testable import SyncCore
import Testing
import Yams

/// Bounded time and memory on any input: YAML alias bombs and catastrophic regular expressions.
@Suite("Bounds on YAML and regular expressions")
struct BoundsTests {
    /// A 1 KB "billion laughs": each level repeats the one before nine times.
    static let aliasBomb: String = {
        var lines = ["a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            lines.append("\(name): &\(name) [*\(previous),*\(previous),*\(previous),*\(previous),*\(previous),*\(previous),*\(previous),*\(previous),*\(previous)]")
            previous = name
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test("an alias bomb in a configuration file is refused with its file and line")
    func configurationAliasBomb() {
        #expect(Self.aliasBomb.utf8.count < 1_100)
        do {
            _ = try ConfigNode.parse(Self.aliasBomb, file: "rules/bomb.yaml")
            Issue.record("the bomb was accepted")
        } catch {
            #expect(error.file == "rules/bomb.yaml")
            #expect(error.line != nil)
            #expect(error.message.contains("more than \(YAMLBounds.maximumNodes) values"))
        }
    }

    @Test("an alias bomb in a synced YAML file checked against a schema is a problem, not a hang")
    func schemaCheckAliasBomb() throws {
        let node = try #require(try Yams.compose(yaml: Self.aliasBomb))
        let problem = try #require(YAMLBounds.problem(node))
        #expect(problem.message.contains("alias bomb"))
    }

    @Test("an alias used as a mapping key is refused before parsing, with its line", arguments: ["a: &a [1, 2]\n? *a\n: x\n", "a: &a 1\n*a : x\n", "a: &a 1\nb: {x: 1, *a : 2}\n", "a: &a 1\nlist:\n  - *a: 1\n"])
    func aliasKeys(_ text: String) {
        #expect(YAMLBounds.aliasKeyLine(text) != nil)
        #expect(throws: Diagnostic.self) { try ConfigNode.parse(text, file: "f.yaml") }
    }

    @Test("aliases used as values are not keys")
    func aliasValues() {
        #expect(YAMLBounds.aliasKeyLine("a: &a 1\nb: *a\nc: [*a, *a]\nd: {x: *a}\ne: \"*a: not an alias\"\n") == nil)
    }

    @Test("nesting deeper than the bound is refused")
    func depth() throws {
        let deep = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        let node = try #require(try Yams.compose(yaml: deep))
        #expect(YAMLBounds.problem(node)?.message.contains("deeper than \(YAMLBounds.maximumDepth)") == true)
    }

    @Test("ordinary YAML with aliases fits the bounds")
    func ordinary() throws {
        let node = try #require(try Yams.compose(yaml: "base: &b {x: 1}\nuse: *b\nlist: [1, 2, 3]\n"))
        #expect(YAMLBounds.problem(node) == nil)
    }

    @Test("nested repetition is refused when the pattern is loaded", arguments: ["(x+x+)+y", "(a+)+", "(\\w*)*$", "((ab)*c)+", "(a{1,})+", "(x+){2,}"])
    func nestedRepetition(_ pattern: String) {
        #expect(throws: BoundedRegexError.self) { try BoundedRegex(pattern) }
    }

    @Test("ordinary patterns load", arguments: ["^# .+$", "(foo|bar)+", "[a-z]+(-[a-z]+)?", "\\(x+\\)+", "(ab){3}", "TODO\\((\\w+)\\)", "[(+]+"])
    func ordinaryPatterns(_ pattern: String) throws {
        _ = try BoundedRegex(pattern)
    }

    @Test("a search past its time budget stops and says so")
    func timeBudget() throws {
        // Overlapping alternatives backtrack exponentially without nested quantifier syntax.
        let regex = try BoundedRegex("^(a|aa)*c$")
        let started = Date()
        let search = regex.matches(in: String(repeating: "a", count: 60), timeBudget: 0.2)
        #expect(search.stopped == .timedOut(0.2))
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(regex.hasMatch(in: "aac") == true)
    }
}
