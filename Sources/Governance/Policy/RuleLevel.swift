/// How much a rule's findings matter: `error` fails the audit, `warning` is reported only,
/// `off` switches the rule off (useful in a policy that extends another).
package enum RuleLevel: String, Sendable, Equatable, CaseIterable, Codable {
    case error, warning, off
}
