import Diagnostics
import Foundation
import SyncCore

extension RuleCheck {
    static let defaultLicenceNames = ["LICENSE", "LICENSE.md", "LICENSE.txt", "LICENCE", "LICENCE.md", "COPYING", "COPYING.md"]
    static let defaultRulesFolder = "core/orchestrator/distribution/rules"
    static let defaultGlyphFolder = "assets/glyphs"

    /// Parses the `options` of a rule of type `type`; `at` is the rule entry, for errors when
    /// a required option is missing.
    static func parse(_ type: RuleType, options: ConfigNode?, at entry: ConfigNode) throws(Diagnostic) -> RuleCheck {
        let mapping = try options?.mapping(allowed: type.optionKeys)
        func required(_ key: String) throws(Diagnostic) -> ConfigNode {
            guard let value = mapping?[key] else {
                throw (options ?? entry).error("rule type '\(type.rawValue)' needs the option '\(key)'.", hint: "Add 'options: { \(key): ... }' to the rule.")
            }
            return value
        }
        func match() throws(Diagnostic) -> GlobMatch {
            guard let node = mapping?["match"] else { return .any }
            let text = try node.string()
            guard let value = GlobMatch(rawValue: text) else {
                throw node.error("'match' must be 'any' or 'all'; found '\(text)'.")
            }
            return value
        }
        func flag(_ key: String, default value: Bool) throws(Diagnostic) -> Bool {
            try mapping?[key]?.bool() ?? value
        }
        switch type {
        case .fileExists:
            return .fileExists(globs: try globs(try required("globs")), match: try match())
        case .fileNotExists:
            return .fileAbsent(globs: try globs(try required("globs")))
        case .directoryExists:
            let node = try required("paths")
            let paths = try node.stringList().map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
            for path in paths where !PolicyPath.isSafe(path) {
                throw node.error("'\(path)' is not a folder inside the repository.", hint: "Write a relative path such as 'agents'.")
            }
            return .directoryExists(paths: paths, match: try match())
        case .fileContents, .fileNotContents:
            let node = try required("pattern")
            let pattern = ContentPattern(try node.string(), caseInsensitive: try flag("case_insensitive", default: false))
            do {
                _ = try pattern.compiled()
            } catch {
                throw node.error("pattern '\(pattern.pattern.prefix(200))' is refused: \(error.description).", hint: "Use ICU (NSRegularExpression) syntax.")
            }
            return type == .fileContents ? .contentsMatch(pattern) : .contentsAbsent(pattern)
        case .frontmatter:
            return .frontmatter(keys: try frontmatterKeys(try required("keys")))
        case .largeFile:
            let node = try required("max_bytes")
            let value = try node.int()
            guard value > 0 else { throw node.error("'max_bytes' must be more than 0; found \(value).") }
            return .largeFile(maxBytes: value)
        case .jsonSchema:
            let node = try required("schema")
            let path = try node.string()
            guard PolicyPath.isSafe(path) else {
                throw node.error("'\(path)' is not a file inside the repository.", hint: "Write a path relative to the repository root.")
            }
            return .jsonSchema(schemaPath: path)
        case .codeOwners:
            return .codeOwners
        case .licenseFile:
            return .licenceFile(names: try mapping?["names"]?.stringList() ?? defaultLicenceNames)
        case .syncRulesLoad, .glyphAssets:
            let isRules = type == .syncRulesLoad
            let folder = try mapping?["folder"]?.string() ?? (isRules ? defaultRulesFolder : defaultGlyphFolder)
            guard PolicyPath.isSafe(folder) else {
                throw (mapping?["folder"] ?? entry).error("'\(folder)' is not a folder inside the repository.")
            }
            let required = try flag("required", default: isRules)
            return isRules ? .syncRulesLoad(folder: folder, required: required) : .glyphAssets(folder: folder, required: required)
        }
    }

    static func globs(_ node: ConfigNode) throws(Diagnostic) -> [Glob] {
        let patterns = try node.stringList()
        guard !patterns.isEmpty else { throw node.error("'\(node.path)' needs at least one glob.") }
        var result: [Glob] = []
        for pattern in patterns {
            do {
                result.append(try Glob(pattern))
            } catch {
                throw node.error("'\(pattern)' is not a valid glob: \(error).", hint: "See docs/globs.md.")
            }
        }
        return result
    }

    private static func frontmatterKeys(_ node: ConfigNode) throws(Diagnostic) -> [FrontmatterKey] {
        var keys: [FrontmatterKey] = []
        for (name, value) in try node.mapping().entries {
            let text = try value.string()
            guard let type = FrontmatterType(rawValue: text) else {
                let suggestion = Suggestion.closest(to: text, in: FrontmatterType.allCases.map(\.rawValue))
                throw value.error(
                    "unknown frontmatter type '\(text)' for key '\(name)'." + (suggestion.map { " Did you mean '\($0)'?" } ?? ""),
                    hint: "Types: \(FrontmatterType.allCases.map(\.rawValue).joined(separator: ", "))."
                )
            }
            keys.append(FrontmatterKey(name, type))
        }
        guard !keys.isEmpty else { throw node.error("'keys' needs at least one key, e.g. 'name: string'.") }
        return keys
    }
}

extension ContentPattern {
    /// The pattern with the bounds every configuration-supplied regex runs under.
    func compiled() throws(BoundedRegexError) -> BoundedRegex {
        var options: NSRegularExpression.Options = [.anchorsMatchLines]
        if caseInsensitive { options.insert(.caseInsensitive) }
        return try BoundedRegex(pattern, options: options)
    }
}

/// Repository-relative paths from configuration: no absolute paths, no `..` segments.
enum PolicyPath {
    static func isSafe(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.split(separator: "/").contains("..")
    }
}
