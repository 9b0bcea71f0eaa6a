/// The digest as a small, self-contained HTML page: the text/html part of the email.
package enum HTMLReport {
    package static func render(_ digest: SyncDigest) -> String {
        let results = digest.results
        var html = """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>\(escape(digest.subject))</title></head>
        <body style="font-family: -apple-system, Segoe UI, Helvetica, Arial, sans-serif; font-size: 14px; color: #1f2328;">
        <h2 style="margin: 0 0 8px 0;">\(escape(digest.subject))</h2>
        <p style="margin: 0 0 4px 0;"><strong>\(escape(digest.counts))</strong></p>
        <p style="margin: 0 0 12px 0; color: #59636e;">\(escape(results.sourceRepository)) \(escape(results.version)) · event \(escape(results.event)) · mode \(escape(results.mode))
        """
        if let run = results.run { html += " · <a href=\"\(attribute(run.url))\">run \(escape(run.id))</a>" }
        html += "</p>\n"
        for section in digest.sections {
            html += "<h3 style=\"margin: 16px 0 4px 0;\">\(section.kind.emoji) \(escape(section.kind.title)) (\(section.items.count))</h3>\n"
            if let action = section.kind.action { html += "<p style=\"margin: 0 0 4px 0; color: #59636e;\"><em>\(escape(action))</em></p>\n" }
            html += "<ul>\n"
            for item in section.items.prefix(PlainTextReport.itemsPerSection) {
                html += "<li><strong>\(escape(item.subject))</strong>"
                if let qualifier = item.qualifier { html += " · <code>\(escape(qualifier))</code>" }
                if let link = item.link { html += " · <a href=\"\(attribute(link.url))\">\(escape(link.label))</a>" }
                if !item.details.isEmpty {
                    html += "<ul>" + item.details.map { "<li>\(escape($0))</li>" }.joined() + "</ul>"
                }
                html += "</li>\n"
            }
            if section.items.count > PlainTextReport.itemsPerSection {
                html += "<li>+\(section.items.count - PlainTextReport.itemsPerSection) more</li>\n"
            }
            html += "</ul>\n"
        }
        html += "<p style=\"color: #59636e; font-size: 12px;\">Sent by flash-sync notify.</p>\n</body></html>\n"
        return html
    }

    static func escape(_ text: String) -> String {
        var output = ""
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.append(character)
            }
        }
        return output
    }

    /// A URL inside an attribute: only http(s) links are kept; anything else becomes `#`.
    static func attribute(_ url: String) -> String {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return "#" }
        return escape(url)
    }
}
