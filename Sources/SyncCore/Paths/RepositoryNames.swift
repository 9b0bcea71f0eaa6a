/// Repository names as GitHub allows them: `owner/name`, the owner 1–39 letters, digits or
/// hyphens (not first), the name 1–100 letters, digits, `.`, `_` or `-`, never `.` or `..`.
package enum RepositoryNames {
    package static func isValid(_ name: String) -> Bool {
        name.range(of: #"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}\z"#, options: .regularExpression) != nil
            && !name.hasSuffix("/.") && !name.hasSuffix("/..")
    }
}
