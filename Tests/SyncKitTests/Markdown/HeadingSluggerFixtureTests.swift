import TestSupport
import Foundation
import Testing
@testable import SyncKit

/// Every case of `github-slugger/fixtures.json`, in file order through one slugger: the
/// "(again)" cases only hold because earlier cases were slugged first.
@Suite("GitHub heading slugs fixture")
struct HeadingSluggerFixtureTests {
    struct Case: Decodable, Sendable {
        let name: String
        let input: String
        let expected: String
    }

    static func load() throws -> [Case] {
        try JSONDecoder().decode([Case].self, from: SharedFixtures.data("github-slugger/fixtures.json"))
    }

    @Test("The whole fixture, in order, through one slugger")
    func wholeFixtureInOrder() throws {
        let cases = try Self.load()
        #expect(cases.count >= 70)
        var slugger = HeadingSlugger()
        var failures: [String] = []
        for example in cases {
            let slug = slugger.slug(example.input)
            if slug != example.expected { failures.append(example.name) }
            #expect(slug == example.expected, "\(example.name)")
        }
        #expect(failures.isEmpty, "failed: \(failures)")
    }

    @Test("Resetting forgets earlier slugs")
    func reset() {
        var slugger = HeadingSlugger()
        #expect(slugger.slug("Intro") == "intro")
        #expect(slugger.slug("Intro") == "intro-1")
        slugger.reset()
        #expect(slugger.slug("Intro") == "intro")
    }

    @Test("A slug that spells out an earlier suffix gets its own suffix")
    func suffixCollision() {
        var slugger = HeadingSlugger()
        #expect(slugger.slug("a") == "a")
        #expect(slugger.slug("a") == "a-1")
        #expect(slugger.slug("a-1") == "a-1-1")
        #expect(slugger.slug("a") == "a-2")
    }
}
