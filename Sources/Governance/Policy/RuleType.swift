/// The rule types a policy can use (`type:`), by their names in the policy file.
package enum RuleType: String, Sendable, Equatable, CaseIterable {
    case fileExists = "file-exists"
    case fileNotExists = "file-not-exists"
    case directoryExists = "directory-exists"
    case fileContents = "file-contents"
    case fileNotContents = "file-not-contents"
    case frontmatter
    case largeFile = "large-file"
    case jsonSchema = "json-schema"
    case codeOwners = "codeowners"
    case licenseFile = "license-file"
    case syncRulesLoad = "sync-rules-load"
    case glyphAssets = "glyph-assets"

    /// Option keys each type accepts; anything else is an error with a did-you-mean.
    var optionKeys: [String] {
        switch self {
        case .fileExists, .directoryExists: self == .fileExists ? ["globs", "match"] : ["paths", "match"]
        case .fileNotExists: ["globs"]
        case .fileContents, .fileNotContents: ["pattern", "case_insensitive"]
        case .frontmatter: ["keys"]
        case .largeFile: ["max_bytes"]
        case .jsonSchema: ["schema"]
        case .codeOwners: []
        case .licenseFile: ["names"]
        case .syncRulesLoad, .glyphAssets: ["folder", "required"]
        }
    }

    /// Types whose findings are about files in the rule's `where` scope (the others look at the
    /// repository as a whole and report on the policy file when something is missing).
    var usesScope: Bool {
        switch self {
        case .fileContents, .fileNotContents, .frontmatter, .largeFile, .jsonSchema, .codeOwners, .glyphAssets, .fileNotExists: true
        case .fileExists, .directoryExists, .licenseFile, .syncRulesLoad: false
        }
    }
}
