/// The built-in default policy for a canonical repository: agents/ and core/. Used when no
/// policy file is given and `.github/flash-sync/policy.yml` does not exist, and available to
/// policy files as `extends: builtin:default`. The README lists its rules. It sets no
/// `policy_url`: that link belongs to the organisation, so a policy extending this one adds it.
enum DefaultPolicy {
    static let text = """
    rules:
      - id: canonical-folders
        level: error
        type: directory-exists
        options: { paths: [agents, core], match: any }
        description: The repository has the canonical folders agents/ or core/.
        remediation: Put agent definitions in agents/ and orchestration specs and modules in core/.

      - id: license-file
        level: error
        type: license-file
        remediation: Add a LICENSE file at the repository root with the licence under which the files are distributed.

      - id: agent-frontmatter
        level: error
        where: ["agents/**/*.md"]
        type: frontmatter
        options:
          keys: { name: string, version: semver, owner: owner }
        description: Every agent definition says its name, its version (semver) and its owner.
        remediation: "Start the file with frontmatter: '---', 'name: <agent>', 'version: 1.0.0', 'owner: @org/team', '---'."

      - id: codeowners-coverage
        level: error
        where: ["agents/**", "core/**"]
        type: codeowners
        description: Every distributed file has an owner who reviews changes to it.
        remediation: Add a CODEOWNERS line (in .github/, the root or docs/) whose pattern covers the file, e.g. '/agents/ @org/agents-team'.

      - id: sync-rules-load
        level: error
        type: sync-rules-load
        options: { folder: core/orchestrator/distribution/rules }
        description: The sync rules load without configuration errors.
        remediation: Fix the rule file at the line given; each file holds one 'sync_rule:' mapping.

      - id: no-secrets
        level: error
        where: ["agents/**", "core/**"]
        type: file-not-contents
        options:
          pattern: '(gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{60,}|xox[abprs]-[A-Za-z0-9-]{10,}|-----BEGIN [A-Z ]*PRIVATE KEY-----)'
        description: No credential is distributed.
        remediation: Remove the credential, revoke it, and reference a repository secret instead.

      - id: no-conflict-markers
        level: error
        where: ["agents/**", "core/**"]
        type: file-not-contents
        options: { pattern: '^(<{7}|>{7}|\\|{7})( |$)' }
        description: No unresolved merge conflict is distributed.
        remediation: Resolve the conflict and remove the markers.

      - id: large-files
        level: warning
        where: ["agents/**", "core/**"]
        type: large-file
        options: { max_bytes: 1048576 }
        description: Distributed files stay under 1 MiB.
        remediation: Split the file, or keep large binaries out of the canonical folders.

      - id: glyph-assets
        level: warning
        where: ["agents/*.md"]
        type: glyph-assets
        options: { folder: assets/glyphs }
        description: Every agent has its glyph when render-glyphs is in use.
        remediation: Run render-glyphs and commit assets/glyphs/<name>.svg.
    """
}
