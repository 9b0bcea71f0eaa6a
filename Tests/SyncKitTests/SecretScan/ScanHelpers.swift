@testable import SyncKit

/// The scanner with the built-in rules, parsed once for all tests. A rule set that does not load
/// fails every test that uses it with the reason, instead of stopping the test process.
enum BuiltInScanner {
    private static let loadedRules = Result { try SecretRuleSet.builtIn() }

    static var rules: SecretRuleSet {
        get throws { try loadedRules.get() }
    }

    static var standard: SecretScanner {
        get throws { try make() }
    }

    static func make(
        configuration: SecretScanConfiguration = SecretScanConfiguration(), allowlist: SecretAllowlist = .empty
    ) throws -> SecretScanner {
        try SecretScanner(rules: try rules, configuration: configuration, allowlist: allowlist)
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
