import Foundation
import SyncCore
import TestSupport
import Testing

/// git runs with the step's environment, not the machine's: a user's configuration, `GIT_*`
/// variables and prompts never change what a step reads or writes.
@Suite("git environment")
struct GitEnvironmentTests {
    @Test("only PATH, HOME and TMPDIR are inherited; system and global configuration are off and prompts fail at once")
    func variables() {
        let environment = GitEnvironment(inheriting: [
            "PATH": "/usr/bin", "HOME": "/home/dev", "TMPDIR": "/tmp/x",
            "GIT_DIR": "/elsewhere/.git", "GIT_INDEX_FILE": "/elsewhere/index", "GITHUB_TOKEN": "ghs_secret", "LANG": "de_DE.UTF-8",
        ])
        let variables = environment.variables(in: URL(fileURLWithPath: "/work/repo/./sub/.."), extra: ["GIT_AUTHOR_NAME": "flash-sync"])
        #expect(variables == [
            "PATH": "/usr/bin", "HOME": "/home/dev", "TMPDIR": "/tmp/x",
            "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_TERMINAL_PROMPT": "0", "GIT_ASKPASS": "/bin/false", "LC_ALL": "C",
            "GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": "safe.directory", "GIT_CONFIG_VALUE_0": "/work/repo",
            "GIT_AUTHOR_NAME": "flash-sync",
        ])
    }

    @Test("a HOME whose .gitconfig rewrites output (aliases, abbreviations, a hook path) and a GIT_DIR pointing elsewhere do not reach the repository's git")
    func userConfigurationDoesNotLeak() throws {
        let home = try TemporaryDirectory("git-home")
        let hooks = try home.write("hooks/pre-commit", "#!/bin/sh\nexit 1\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hooks.path)
        try home.write(".gitconfig", "[core]\n\tabbrev = 7\n\thooksPath = \(home.url.appendingPathComponent("hooks").path)\n[init]\n\tdefaultBranch = trunk\n[log]\n\tshowSignature = true\n")
        let other = try TemporaryDirectory("other-repo")
        _ = try GitFixture.git(["init", "-q"], in: other.url)

        let folder = try TemporaryDirectory("git-repo")
        try folder.write("a.txt", "a\n")
        try GitFixture.initialize(folder.url)
        let git = GitRepository(folder.url, environment: GitEnvironment(inheriting: [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": home.url.path,
            "GIT_DIR": other.url.appendingPathComponent(".git").path,
        ]))
        let head = try #require(git.commit(of: "HEAD"))
        #expect(head.count == 40, "the full object name, whatever core.abbrev says")
        #expect(try git.tree(at: "HEAD").map(\.path) == ["a.txt"], "the repository's own tree, not GIT_DIR's")
        try folder.write("b.txt", "b\n")
        _ = try git.run(["add", "b.txt"])
        _ = try git.run(["-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "b"])
        #expect(try git.tree(at: "HEAD").map(\.path) == ["a.txt", "b.txt"], "the user's failing pre-commit hook did not run")
    }
}
