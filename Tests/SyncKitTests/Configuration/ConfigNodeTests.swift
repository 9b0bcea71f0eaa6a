import Diagnostics
import Foundation
import SyncCore
import TestSupport
import Testing

@Suite("Configuration YAML")
struct ConfigNodeTests {
    @Test("an unknown key names file, line, column and the closest allowed key")
    func unknownKey() throws {
        let node = try #require(try ConfigNode.parse("rule:\n  id: a\n  sorce: x\n", file: "r.yaml"))
        let rule = try node.mapping(allowed: ["rule"]).required("rule")
        #expect(throws: Diagnostic.configuration(file: "r.yaml", line: 3, column: 3, message: "unknown key 'sorce' in 'rule'. Did you mean 'source'?", hint: "Allowed keys: id, source.")) {
            try rule.mapping(allowed: ["id", "source"])
        }
    }

    @Test("malformed YAML and duplicate keys point at the line")
    func malformed() {
        #expect(throws: Diagnostic.self) { try ConfigNode.parse("a: [1, 2\nb: 3\n", file: "x.yaml") }
        do {
            _ = try ConfigNode.parse("a: 1\nb: 2\na: 3\n", file: "d.yaml")
            Issue.record("duplicate keys accepted")
        } catch {
            #expect(error.file == "d.yaml")
            #expect(error.message.contains("duplicate key 'a'"))
            #expect(error.line != nil)
        }
    }

    @Test("wrong types say what was expected and what was found")
    func types() throws {
        let node = try #require(try ConfigNode.parse("flag: maybe\ncount: [1]\nlist: {a: 1}\n", file: "t.yaml"))
        let mapping = try node.mapping(allowed: ["flag", "count", "list"])
        #expect(throws: Diagnostic.configuration(file: "t.yaml", line: 1, column: 7, message: "'flag' must be true or false; found 'maybe'.")) { try mapping["flag"]!.bool() }
        #expect(throws: Diagnostic.configuration(file: "t.yaml", line: 2, column: 8, message: "'count' must be a whole number; found a list.")) { try mapping["count"]!.int() }
        #expect(throws: Diagnostic.configuration(file: "t.yaml", line: 3, column: 7, message: "'list' must be a list; found a mapping.")) { try mapping["list"]!.stringList() }
    }

    @Test("did-you-mean finds close keys and ignores far ones")
    func suggestions() {
        #expect(Suggestion.closest(to: "targt_repo", in: ["target_repo", "target_path"]) == "target_repo")
        #expect(Suggestion.closest(to: "colour", in: ["strategy", "frequency"]) == nil)
    }
}

@Suite("Configuration files")
struct ConfigFileTests {
    @Test("symlinks, binary files, invalid UTF-8 and huge files are refused with the file named")
    func refused() throws {
        let directory = try TemporaryDirectory()
        try directory.write("real.yaml", "a: 1\n")
        try FileManager.default.createSymbolicLink(at: directory.path("link.yaml"), withDestinationURL: directory.path("real.yaml"))
        #expect(throws: Diagnostic.configuration(file: "link.yaml", message: "is a symbolic link; configuration files must be regular files in the repository.")) {
            try ConfigFile.read(directory.path("link.yaml"), shownAs: "link.yaml")
        }
        try Data([0x61, 0x3A, 0x0A, 0x00, 0x01]).write(to: directory.path("bin.yaml"))
        #expect(throws: Diagnostic.configuration(file: "bin.yaml", line: 2, message: "contains a NUL byte: this looks like a binary file, not YAML.")) {
            try ConfigFile.read(directory.path("bin.yaml"), shownAs: "bin.yaml")
        }
        try Data([0x61, 0x0A, 0x62, 0xFF, 0x0A]).write(to: directory.path("latin.yaml"))
        do {
            _ = try ConfigFile.read(directory.path("latin.yaml"), shownAs: "latin.yaml")
            Issue.record("invalid UTF-8 accepted")
        } catch {
            #expect(error.line == 2)
            #expect(error.message.contains("not valid UTF-8"))
        }
        try directory.write("big.yaml", String(repeating: "a", count: 2000))
        #expect(throws: Diagnostic.configuration(file: "big.yaml", message: "is 2000 bytes; configuration files are limited to 1000 bytes.")) {
            try ConfigFile.read(directory.path("big.yaml"), shownAs: "big.yaml", maximumBytes: 1000)
        }
    }

    @Test("CRLF files and a byte-order mark are read as text")
    func crlf() throws {
        let directory = try TemporaryDirectory()
        try Data("\u{FEFF}a: 1\r\nb: two\r\n".utf8).write(to: directory.path("crlf.yaml"))
        let text = try ConfigFile.read(directory.path("crlf.yaml"), shownAs: "crlf.yaml")
        let node = try #require(try ConfigNode.parse(text, file: "crlf.yaml"))
        #expect(try node.mapping(allowed: ["a", "b"])["b"]?.string() == "two")
    }
}
