@testable import SyncKit

/// The scanner with the built-in rules, built once for all tests (the YAML is parsed once).
enum BuiltInScanner {
    static let rules: SecretRuleSet = {
        do { return try SecretRuleSet.builtIn() } catch { fatalError("built-in rules do not load: \(error)") }
    }()

    static let standard: SecretScanner = make()

    static func make(
        configuration: SecretScanConfiguration = SecretScanConfiguration(), allowlist: SecretAllowlist = .empty
    ) -> SecretScanner {
        do {
            return try SecretScanner(rules: rules, configuration: configuration, allowlist: allowlist)
        } catch {
            fatalError("scanner does not build: \(error)")
        }
    }
}

extension SecretScanner {
    /// Scans a string as a file named `path`.
    func scan(_ text: String, path: String = "docs/file.md") -> [SecretFinding] {
        scan(Array(text.utf8), path: path)
    }
}

extension SecretFinding {
    /// Every text this finding exposes: each `String` property, found by reflection so that a new field is
    /// covered without changing the test, plus `description`.
    var allTexts: [String] {
        Mirror(reflecting: self).children.compactMap { $0.value as? String } + [description]
    }
}
