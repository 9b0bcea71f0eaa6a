import Testing
@testable import JSONSchema

@Suite("RFC 3986 reference resolution")
struct URIReferenceTests {
    @Test("references resolve against a hierarchical base as RFC 3986 section 5.4 specifies", arguments: [
        ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"), ("/g", "http://a/g"),
        ("//g", "http://g"), ("?y", "http://a/b/c/d;p?y"), ("#s", "http://a/b/c/d;p?q#s"), ("", "http://a/b/c/d;p?q"),
        ("../g", "http://a/b/g"), ("../../g", "http://a/g"), ("../../../g", "http://a/g"), ("/./g", "http://a/g"),
        ("g.", "http://a/b/c/g."), ("..g", "http://a/b/c/..g"), ("./../g", "http://a/b/g"), ("g/../h", "http://a/b/c/h"),
        ("g;x=1/../y", "http://a/b/c/y"), ("g#s/../x", "http://a/b/c/g#s/../x"), ("https:g", "https:g"),
    ])
    func hierarchical(reference: String, expected: String) {
        let base = URIReference("http://a/b/c/d;p?q")
        #expect(URIReference(reference).resolved(against: base).description == expected)
    }

    @Test("fragments and relative paths resolve against URN and file bases", arguments: [
        ("urn:uuid:deadbeef-1234-ffff-ffff-4321feebdaed", "#/$defs/bar", "urn:uuid:deadbeef-1234-ffff-ffff-4321feebdaed#/$defs/bar"),
        ("urn:example:foo-bar-baz-qux?+CCResolve:cc=uk", "#foo", "urn:example:foo-bar-baz-qux?+CCResolve:cc=uk#foo"),
        ("file:///folder/file.json", "#/$defs/foo", "file:///folder/file.json#/$defs/foo"),
        ("file:///c:/folder/file.json", "other.json", "file:///c:/folder/other.json"),
        ("http://localhost:1234/draft2020-12/tree", "node", "http://localhost:1234/draft2020-12/node"),
    ])
    func nonHierarchical(base: String, reference: String, expected: String) {
        #expect(URIReference(reference).resolved(against: URIReference(base)).description == expected)
    }
}
