/// A repository with findings of several kinds (file, line and column, repository-level,
/// exempted, expired exemption, warning), shared by the report and step tests.
enum ReportFixture {
    static let files: [String: String] = [
        ".github/flash-sync/base.yml": """
        rules:
          - id: license-file
            type: license-file
            policy_url: https://example.com/standards#licence
            remediation: Add a LICENSE file at the repository root.
          - id: agent-frontmatter
            type: frontmatter
            where: ["agents/*.md"]
            options: { keys: { name: string, version: semver, owner: owner } }
            description: Every agent says its name, version and owner.
            policy_url: https://example.com/standards#agents
            remediation: "Add frontmatter: name, version (semver), owner (@org/team)."

        """,
        ".github/flash-sync/policy.yml": """
        extends: base.yml
        rules:
          - id: no-todo
            level: warning
            where: ["agents/**", "core/**"]
            type: file-not-contents
            options: { pattern: 'TODO' }
            policy_url: https://example.com/standards#done
            remediation: Finish the work or track it in an issue.
          - id: codeowners
            type: codeowners
            where: ["agents/**"]
            policy_url: https://example.com/standards#owners
            remediation: Add a CODEOWNERS line that covers the file.

        """,
        ".github/flash-sync/exemptions.yml": """
        exemptions:
          - path: "agents/legacy.md"
            rule: agent-frontmatter
            reason: Migrated next quarter.
            expires: 2099-12-31
          - path: "agents/old *.md"
            rule: codeowners
            reason: Owner left; handover pending.
            expires: 2026-10-01

        """,
        ".github/CODEOWNERS": "/agents/planner.md @org/agents\n/agents/legacy.md @org/agents\n",
        "agents/planner.md": "---\nname: planner\nversion: 1.2\nowner: \"@org/agents\"\n---\n# Planner\n\nTODO: describe the hand-off.\n",
        "agents/legacy.md": "# Legacy agent\n",
        "agents/old reviewer.md": "---\nname: old\nversion: 1.0.0\nowner: \"@org/agents\"\n---\n# Old\n",
        "core/notes.md": "Plan.\n  TODO later\n",
    ]

    static let policyPath = ".github/flash-sync/policy.yml"
    static let exemptionsPath = ".github/flash-sync/exemptions.yml"
}
