import Testing
import SyncKit

/// Hand-written merges, each checked against the expected text and against git itself.
@Suite("Three-way merge examples")
struct ThreeWayMergeTests {
    struct Example: CustomTestStringConvertible, Sendable {
        var name: String
        var base: String
        var ours: String
        var theirs: String
        var expected: String
        var conflictSpans: [String] = []
        var testDescription: String { name }
    }

    static let examples: [Example] = [
        Example(name: "only our change is kept",
                base: "a\nb\nc\n", ours: "a\nB\nc\n", theirs: "a\nb\nc\n", expected: "a\nB\nc\n"),
        Example(name: "only their change is taken",
                base: "a\nb\nc\n", ours: "a\nb\nc\n", theirs: "a\nb\nC\n", expected: "a\nb\nC\n"),
        Example(name: "changes to separate lines are both taken",
                base: "a\nb\nc\nd\ne\n", ours: "a\nB\nc\nd\ne\n", theirs: "a\nb\nc\nD\ne\n",
                expected: "a\nB\nc\nD\ne\n"),
        Example(name: "the same change on both sides is taken once",
                base: "a\nb\nc\n", ours: "a\nX\nY\nc\n", theirs: "a\nX\nY\nc\n", expected: "a\nX\nY\nc\n"),
        Example(name: "different changes to one line conflict with diff3 markers",
                base: "a\nb\nc\n", ours: "a\nx\nc\n", theirs: "a\ny\nc\n",
                expected: "a\n<<<<<<< ours\nx\n||||||| base\nb\n=======\ny\n>>>>>>> theirs\nc\n",
                conflictSpans: ["2-8"]),
        Example(name: "changes to touching lines conflict, as in git",
                base: "a\nb\nc\n", ours: "A\nb\nc\n", theirs: "a\nB\nc\n",
                expected: "<<<<<<< ours\nA\nb\n||||||| base\na\nb\n=======\na\nB\n>>>>>>> theirs\nc\n",
                conflictSpans: ["1-10"]),
        Example(name: "a deletion against an edit conflicts with an empty side",
                base: "a\nb\nc\n", ours: "a\nc\n", theirs: "a\nB\nc\n",
                expected: "a\n<<<<<<< ours\n||||||| base\nb\n=======\nB\n>>>>>>> theirs\nc\n",
                conflictSpans: ["2-7"]),
        Example(name: "CRLF files get CRLF markers",
                base: "a\r\nb\r\nc\r\n", ours: "a\r\nx\r\nc\r\n", theirs: "a\r\ny\r\nc\r\n",
                expected: "a\r\n<<<<<<< ours\r\nx\r\n||||||| base\r\nb\r\n=======\r\ny\r\n>>>>>>> theirs\r\nc\r\n",
                conflictSpans: ["2-8"]),
        Example(name: "a last line without newline gets one inside a conflict",
                base: "a\nb", ours: "a\nx", theirs: "a\ny",
                expected: "a\n<<<<<<< ours\nx\n||||||| base\nb\n=======\ny\n>>>>>>> theirs\n",
                conflictSpans: ["2-8"]),
        Example(name: "a missing final newline on one side only is a change of that line",
                base: "a\nb\n", ours: "a\nb", theirs: "z\na\nb\n", expected: "z\na\nb"),
        Example(name: "conflict spans count the lines written before them",
                base: "1\n2\n3\n4\n5\n6\n7\n", ours: "1\nA\n3\n4\n5\nC\n7\n", theirs: "1\nB\n3\n4\n5\nD\n7\n",
                expected: """
                    1\n<<<<<<< ours\nA\n||||||| base\n2\n=======\nB\n>>>>>>> theirs\n3\n4\n5
                    <<<<<<< ours\nC\n||||||| base\n6\n=======\nD\n>>>>>>> theirs\n7\n
                    """,
                conflictSpans: ["2-8", "12-18"]),
        Example(name: "empty files merge to empty",
                base: "", ours: "", theirs: "", expected: ""),
    ]

    @Test("Example merges give the expected text and agree with git", arguments: examples)
    func example(_ example: Example) throws {
        let result = ThreeWayMerge.merge(base: example.base, ours: example.ours, theirs: example.theirs)
        #expect(result.text == example.expected)
        #expect(result.conflicts.map(\.outputLines.description) == example.conflictSpans)
        #expect(result.isClean == example.conflictSpans.isEmpty)

        let merge = RandomMergeCase(
            base: Array(example.base.utf8), ours: Array(example.ours.utf8), theirs: Array(example.theirs.utf8)
        )
        let git = try #require(try GitMergeFileOracle().answers(for: [merge]).first)
        #expect(result.bytes == git.merged)
        #expect(result.conflicts.count == git.conflictCount)
    }

    @Test("Conflicts report the lines they cover in each input")
    func conflictInputSpans() throws {
        let result = ThreeWayMerge.merge(
            base: "1\n2\n3\n4\n", ours: "1\n2\nX\nY\n4\n", theirs: "1\n2\nZ\n4\n"
        )
        let conflict = try #require(result.conflicts.first)
        #expect(conflict.oursLines == LineSpan(start: 3, count: 2))
        #expect(conflict.baseLines == LineSpan(start: 3, count: 1))
        #expect(conflict.theirsLines == LineSpan(start: 3, count: 1))
        #expect(conflict.outputLines == LineSpan(start: 3, count: 8))
    }

    @Test("Labels and marker size are configurable, as with git merge-file -L and --marker-size")
    func customLabels() throws {
        let options = MergeOptions(
            labels: ConflictLabels(ours: "downstream", base: "last sync", theirs: "upstream v2"), markerSize: 9
        )
        let result = ThreeWayMerge.merge(base: "a\nb\n", ours: "a\nx\n", theirs: "a\ny\n", options: options)
        #expect(result.text == """
            a
            <<<<<<<<< downstream
            x
            ||||||||| last sync
            b
            =========
            y
            >>>>>>>>> upstream v2

            """)
        var oracle = GitMergeFileOracle()
        oracle.labels = ["downstream", "last sync", "upstream v2"]
        oracle.markerSize = 9
        let merge = RandomMergeCase(base: Array("a\nb\n".utf8), ours: Array("a\nx\n".utf8), theirs: Array("a\ny\n".utf8))
        let git = try #require(try oracle.answers(for: [merge]).first)
        #expect(result.bytes == git.merged)
    }

    @Test("Resolving conflicts to one side writes that side's lines and still lists the conflicts",
          arguments: [(ConflictResolution.ours, "a\nx\nc\n", "2"), (.theirs, "a\ny\ny2\nc\n", "2-3")])
    func resolutions(resolution: ConflictResolution, expected: String, span: String) {
        let result = ThreeWayMerge.merge(
            base: "a\nb\nc\n", ours: "a\nx\nc\n", theirs: "a\ny\ny2\nc\n", options: MergeOptions(resolution: resolution)
        )
        #expect(result.text == expected)
        #expect(result.conflicts.map(\.outputLines.description) == [span])
    }

    @Test("Invalid UTF-8 is merged byte for byte, as git does")
    func invalidUTF8() throws {
        let base: [UInt8] = [0xFF, 0x0A, 0xC3, 0x0A, 0x6D, 0x0A, 0x80, 0x0A]
        let ours: [UInt8] = [0xFF, 0x0A, 0xC3, 0x28, 0x0A, 0x6D, 0x0A, 0x80, 0x0A]
        let theirs: [UInt8] = [0xFF, 0x0A, 0xC3, 0x0A, 0x6D, 0x0A, 0xFE, 0xFE]
        let result = ThreeWayMerge.merge(base: base, ours: ours, theirs: theirs)
        #expect(result.bytes == [0xFF, 0x0A, 0xC3, 0x28, 0x0A, 0x6D, 0x0A, 0xFE, 0xFE])
        #expect(result.isClean)
        let git = try #require(try GitMergeFileOracle().answers(for: [RandomMergeCase(base: base, ours: ours, theirs: theirs)]).first)
        #expect(result.bytes == git.merged)
    }

    @Test("Files with NUL bytes are merged line by line, where git refuses them as binary")
    func binaryFilesDifferFromGit() throws {
        let base: [UInt8] = Array("a\n".utf8) + [0x00] + Array("b\nc\n".utf8)
        let ours: [UInt8] = Array("a\n".utf8) + [0x00] + Array("b\nC\n".utf8)
        let theirs: [UInt8] = Array("A\n".utf8) + [0x00] + Array("b\nc\n".utf8)
        let result = ThreeWayMerge.merge(base: base, ours: ours, theirs: theirs)
        #expect(result.bytes == Array("A\n".utf8) + [0x00] + Array("b\nC\n".utf8))
        #expect(result.isClean)

        let git = try #require(try GitMergeFileOracle().answers(for: [RandomMergeCase(base: base, ours: ours, theirs: theirs)]).first)
        #expect(git.conflictCount == 255, "git merge-file refuses binary files with status 255")
        #expect(git.merged.isEmpty)
    }
}
