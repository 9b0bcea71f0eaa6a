/// Repository names as GitHub allows them: `owner/name`, the owner 1–39 letters, digits or
/// hyphens (not first), the name 1–100 letters, digits, `.`, `_` or `-`, never `.` or `..`.
package enum RepositoryNames {
    package static func isValid(_ name: String) -> Bool {
        name.range(of: #"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}\z"#, options: .regularExpression) != nil
            && !name.hasSuffix("/.") && !name.hasSuffix("/..")
    }

    /// Each repository once, compared without regard to case as GitHub names them (a selector's
    /// spelling and sync_targets.yml's are one repository), named as first written; sorted.
    package static func distinct(_ names: some Sequence<String>) -> [String] {
        var spellings: [String: String] = [:]
        for name in names where spellings[name.lowercased()] == nil { spellings[name.lowercased()] = name }
        return spellings.values.sorted()
    }
}
