/// The digest as plain text: the text/plain part of the email.
package enum PlainTextReport {
    /// Items shown per section; an email is read, not searched: the rest are counted.
    package static let itemsPerSection = 100

    package static func render(_ digest: SyncDigest) -> String {
        let results = digest.results
        var lines = [digest.subject, ""]
        lines.append("Source: \(results.sourceRepository) \(results.version)\(results.sourceSHA.isEmpty ? "" : " (\(results.sourceSHA.prefix(12)))")")
        lines.append("Event: \(results.event), mode: \(results.mode)")
        if let run = results.run { lines.append("Run: \(run.url)") }
        lines.append("Totals: \(digest.counts)")
        for section in digest.sections {
            lines.append("")
            let title = "\(section.kind.title) (\(section.items.count))"
            lines.append(title.uppercased())
            if let action = section.kind.action { lines.append(action) }
            lines.append("")
            for item in section.items.prefix(itemsPerSection) {
                var head = "* \(item.subject)"
                if let qualifier = item.qualifier { head += " / \(qualifier)" }
                if let link = item.link { head += " - \(link.label): \(link.url)" }
                lines.append(head)
                for detail in item.details { lines.append("    " + detail.replacingOccurrences(of: "\n", with: " ")) }
            }
            if section.items.count > itemsPerSection {
                lines.append("* +\(section.items.count - itemsPerSection) more\(results.run.map { " (see \($0.url))" } ?? "")")
            }
        }
        lines.append("")
        lines.append("-- ")
        lines.append("Sent by flash-sync notify. Choose what notifies with the step's `on` input.")
        return lines.joined(separator: "\n") + "\n"
    }
}
