import Foundation

/// Holds the secret values of a run and removes them from everything the step writes.
/// The runner masks what it prints; we mask what we write to files too (outputs,
/// summaries, reports, replay records), which the runner never sees.
package struct SecretMasker: Sendable {
    package static let mask = "***"

    /// Values shorter than this are not masked: replacing every "a" would wreck the log
    /// and protect nothing (validate-secrets refuses such secrets anyway).
    package static let minimumLength = 4

    private(set) package var values: [String] = []

    package init(_ secrets: some Sequence<String> = []) {
        for secret in secrets { add(secret) }
    }

    /// Registers a secret and the forms it can take in our output: each of its lines,
    /// and its JSON-escaped form.
    package mutating func add(_ secret: String) {
        var forms: Set<String> = [secret, secret.trimmingCharacters(in: .whitespacesAndNewlines)]
        let lines = secret.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        if lines.count > 1 { forms.formUnion(lines) }
        forms.insert(Self.jsonEscaped(secret, escapingSlashes: true))
        forms.insert(Self.jsonEscaped(secret, escapingSlashes: false))
        for form in forms where form.count >= Self.minimumLength && !values.contains(form) {
            values.append(form)
        }
        // Longest first, so a secret that contains another is masked whole.
        values.sort { $0.count > $1.count }
    }

    /// The values to announce with `::add-mask::` (the raw secrets and their lines).
    package var announcements: [String] { values }

    package func redact(_ text: String) -> String {
        guard !values.isEmpty else { return text }
        var result = text
        for value in values where result.contains(value) {
            result = result.replacingOccurrences(of: value, with: Self.mask)
        }
        return result
    }

    package func redact(_ data: Data) -> Data {
        guard !values.isEmpty, let text = String(data: data, encoding: .utf8) else { return data }
        return Data(redact(text).utf8)
    }

    package func contains(secretIn text: String) -> Bool {
        values.contains { text.contains($0) }
    }

    static func jsonEscaped(_ value: String, escapingSlashes: Bool) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "/" where escapingSlashes: out += "\\/"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
