import Diagnostics
import Foundation
import MarkdownScan
import SyncCore
import Yams

/// Every file in scope has YAML frontmatter with the required keys, each of its type.
enum FrontmatterCheck {
    static func check(_ keys: [FrontmatterKey], files: [String], in snapshot: RepositorySnapshot) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for path in files {
            guard let text = snapshot.text(of: path) else {
                problems.append(Diagnostic(.error, "'\(path)' is not a text file, so it has no frontmatter.", file: path, line: 1))
                continue
            }
            problems += check(keys, text: text, path: path)
        }
        return problems
    }

    static func check(_ keys: [FrontmatterKey], text: String, path: String) -> [Diagnostic] {
        guard let frontmatter = MarkdownDocument(text).frontmatter else {
            let names = keys.map(\.name).joined(separator: ", ")
            return [Diagnostic(.error, "'\(path)' has no frontmatter; it needs \(names).", file: path, line: 1)]
        }
        // The YAML starts on the line after the opening `---`.
        let offset = frontmatter.lines.lowerBound
        let mapping: ConfigMapping
        do throws(Diagnostic) {
            guard let node = try ConfigNode.parse(frontmatter.content, file: path) else {
                return [Diagnostic(.error, "the frontmatter of '\(path)' is empty; it needs \(keys.map(\.name).joined(separator: ", ")).", file: path, line: offset)]
            }
            mapping = try node.mapping()
        } catch {
            return [Diagnostic(.error, "the frontmatter of '\(path)' is not a YAML mapping: \(error.message)", file: path, line: offset + (error.line ?? 0), column: error.column)]
        }
        var problems: [Diagnostic] = []
        for key in keys {
            guard let value = mapping[key.name] else {
                problems.append(Diagnostic(.error, "the frontmatter of '\(path)' has no '\(key.name)' (\(key.type.rawValue)).", file: path, line: offset))
                continue
            }
            if let found = mismatch(value, key.type) {
                problems.append(Diagnostic(.error, 
                    "'\(key.name)' in the frontmatter of '\(path)' must be \(key.type.expectation); found \(found).",
                    file: path, line: offset + (value.line ?? 0), column: value.column
                ))
            }
        }
        return problems
    }

    /// nil when the value has the type, else what was found instead.
    static func mismatch(_ value: ConfigNode, _ type: FrontmatterType) -> String? {
        if type == .list {
            guard case .sequence(let items) = value.node else { return value.kindName }
            return items.isEmpty ? "an empty list" : nil
        }
        guard case .scalar(let scalar) = value.node else { return value.kindName }
        let text = scalar.string
        let shown = "'\(text)'"
        if value.kindName == "null" { return "nothing" }
        switch type {
        case .string: return text.trimmingCharacters(in: .whitespaces).isEmpty ? "an empty string" : nil
        case .semver: return text.range(of: semverPattern, options: .regularExpression) == nil ? shown : nil
        case .integer: return Int.construct(from: scalar) == nil ? shown : nil
        case .boolean: return Bool.construct(from: scalar) == nil ? shown : nil
        case .date: return isDate(text) ? nil : shown
        case .owner: return CodeOwner(text) == nil ? shown : nil
        case .list: return nil
        }
    }

    /// Semantic Versioning 2.0.0: MAJOR.MINOR.PATCH, optional pre-release and build metadata.
    static let semverPattern = #"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-((0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(\.(0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*))?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$"#

    static func isDate(_ text: String) -> Bool {
        ExemptionDate(text) != nil
    }
}

extension FrontmatterType {
    var expectation: String {
        switch self {
        case .string: "a non-empty string"
        case .semver: "a semantic version such as 1.2.0"
        case .integer: "a whole number"
        case .boolean: "true or false"
        case .list: "a non-empty list"
        case .date: "a date (YYYY-MM-DD)"
        case .owner: "an owner (@user, @org/team or an email address)"
        }
    }
}
