import SyncCore

/// What a rule checks: the rule `type` with its `options`, parsed and validated.
package enum RuleCheck: Sendable {
    /// Files matching the globs exist: at least one glob matches (`any`) or every glob does (`all`).
    case fileExists(globs: [Glob], match: GlobMatch)
    /// No file matches any of the globs.
    case fileAbsent(globs: [Glob])
    /// The folders exist: any one of them, or all.
    case directoryExists(paths: [String], match: GlobMatch)
    /// Every file in scope contains a match of the pattern.
    case contentsMatch(ContentPattern)
    /// No file in scope contains a match of the pattern; each match is a finding on its line.
    case contentsAbsent(ContentPattern)
    /// Every file in scope has YAML frontmatter with these keys, each of its type.
    case frontmatter(keys: [FrontmatterKey])
    /// No file in scope is larger than this many bytes.
    case largeFile(maxBytes: Int)
    /// Every JSON or YAML file in scope is valid against the JSON Schema (draft 2020-12) at this path.
    case jsonSchema(schemaPath: String)
    /// Every file in scope has an owner in CODEOWNERS (.github/, root or docs/, the first found).
    case codeOwners
    /// A licence file with one of these names is at the repository root and not empty.
    case licenceFile(names: [String])
    /// The sync rules in this folder load without a configuration error.
    case syncRulesLoad(folder: String, required: Bool)
    /// Every file in scope (an agent or module) has `<folder>/<name>.svg`; skipped when the folder
    /// does not exist (render-glyphs not in use) unless `required`.
    case glyphAssets(folder: String, required: Bool)

    /// What the check requires, in one sentence, for rules without a `description`.
    package var summary: String {
        switch self {
        case .fileExists(let globs, let match):
            "\(match == .all ? "Each of" : "At least one of") \(Self.list(globs.map(\.pattern))) matches a file."
        case .fileAbsent(let globs): "No file matches \(Self.list(globs.map(\.pattern)))."
        case .directoryExists(let paths, let match):
            "\(match == .all ? "Each of the folders" : "At least one of the folders") \(Self.list(paths)) exists."
        case .contentsMatch(let pattern): "Files contain a match of /\(pattern.pattern)/."
        case .contentsAbsent(let pattern): "Files contain no match of /\(pattern.pattern)/."
        case .frontmatter(let keys): "Files have frontmatter with \(keys.map { "`\($0.name)` (\($0.type.rawValue))" }.joined(separator: ", "))."
        case .largeFile(let maxBytes): "Files are at most \(maxBytes) bytes."
        case .jsonSchema(let schemaPath): "Files are valid against the JSON Schema `\(schemaPath)`."
        case .codeOwners: "Every file has an owner in CODEOWNERS."
        case .licenceFile(let names): "A licence file (\(Self.list(names))) is at the repository root."
        case .syncRulesLoad(let folder, _): "The sync rules in `\(folder)` load without errors."
        case .glyphAssets(let folder, _): "Every agent or module has its glyph `\(folder)/<name>.svg`."
        }
    }

    private static func list(_ items: [String]) -> String {
        items.map { "`\($0)`" }.joined(separator: ", ")
    }
}

/// Whether any one or all of a list of globs or paths must be present.
package enum GlobMatch: String, Sendable, Equatable, CaseIterable {
    case any, all
}

/// A regular expression from a policy, checked when the policy loads.
package struct ContentPattern: Sendable, Equatable {
    package var pattern: String
    package var caseInsensitive: Bool

    package init(_ pattern: String, caseInsensitive: Bool = false) {
        self.pattern = pattern
        self.caseInsensitive = caseInsensitive
    }
}

/// A frontmatter key a file must have, and the type its value must have.
package struct FrontmatterKey: Sendable, Equatable {
    package var name: String
    package var type: FrontmatterType

    package init(_ name: String, _ type: FrontmatterType) {
        self.name = name
        self.type = type
    }
}

/// The types a frontmatter value can be required to have.
package enum FrontmatterType: String, Sendable, Equatable, CaseIterable {
    /// A non-empty string.
    case string
    /// A semantic version (semver.org 2.0.0), e.g. `1.4.0` or `2.0.0-rc.1`.
    case semver
    case integer
    case boolean
    /// A non-empty list.
    case list
    /// A calendar date, `YYYY-MM-DD`.
    case date
    /// `@user`, `@org/team` or an email address (as in CODEOWNERS).
    case owner
}
