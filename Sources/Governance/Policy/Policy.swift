/// A loaded governance policy: its rules after `extends` is resolved (a child's rule replaces
/// the parent's rule with the same id), and the chain of files it came from.
package struct Policy: Sendable {
    /// The file the audit was pointed at (or `built-in`).
    package var file: String
    /// Every policy file read, the given one first, then what it extends, and so on.
    package var chain: [String]
    /// Rules in order of first definition, `off` rules included.
    package var rules: [PolicyRule]

    package init(file: String, chain: [String], rules: [PolicyRule]) {
        self.file = file
        self.chain = chain
        self.rules = rules
    }

    /// The rules that run (level not `off`).
    package var activeRules: [PolicyRule] { rules.filter { $0.level != .off } }

    package func rule(_ id: String) -> PolicyRule? {
        rules.first { $0.id == id }
    }
}
