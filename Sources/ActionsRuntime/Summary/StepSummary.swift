/// Builds the Markdown job summary of a step and keeps it under GitHub's 1 MiB limit.
/// Blocks that would not fit are left out whole, and the summary says how much was left out.
package struct StepSummary: Sendable {
    package static let byteLimit = 1_048_576

    private(set) package var blocks: [String] = []

    package init() {}

    package var isEmpty: Bool { blocks.isEmpty }

    package mutating func heading(_ text: String, level: Int = 2) {
        blocks.append(String(repeating: "#", count: max(1, min(level, 6))) + " " + text + "\n")
    }

    package mutating func paragraph(_ text: String) {
        blocks.append(text + "\n")
    }

    package mutating func table(_ headers: [String], _ rows: [[String]]) {
        var text = "| " + headers.map(Self.cell).joined(separator: " | ") + " |\n"
        text += "|" + String(repeating: "---|", count: headers.count) + "\n"
        for row in rows {
            text += "| " + row.map(Self.cell).joined(separator: " | ") + " |\n"
        }
        blocks.append(text)
    }

    package mutating func bulletList(_ items: [String]) {
        blocks.append(items.map { "- " + $0 }.joined(separator: "\n") + "\n")
    }

    package mutating func details(_ summary: String, _ body: String) {
        blocks.append("<details><summary>\(Self.escapeHTML(summary))</summary>\n\n\(body)\n\n</details>\n")
    }

    package mutating func codeBlock(_ text: String, language: String = "") {
        let fence = text.contains("```") ? "~~~~" : "```"
        blocks.append("\(fence)\(language)\n\(text)\(text.hasSuffix("\n") ? "" : "\n")\(fence)\n")
    }

    package mutating func raw(_ markdown: String) {
        blocks.append(markdown)
    }

    package mutating func append(_ other: StepSummary) {
        blocks += other.blocks
    }

    /// The Markdown, cut at a block boundary to stay under `limit` bytes, with a closing
    /// note that says how many blocks and bytes were left out.
    package func render(limit: Int = StepSummary.byteLimit) -> String {
        let reserve = 200
        var output = ""
        var used = 0
        var omittedBlocks = 0
        var omittedBytes = 0
        for block in blocks {
            let text = block + "\n"
            let size = text.utf8.count
            if omittedBlocks == 0, used + size <= limit - reserve {
                output += text
                used += size
            } else {
                omittedBlocks += 1
                omittedBytes += size
            }
        }
        if omittedBlocks > 0 {
            output += "> [!WARNING]\n> Summary cut to stay under GitHub's 1 MiB limit: "
                + "\(omittedBlocks) more block\(omittedBlocks == 1 ? "" : "s") (\(omittedBytes) bytes) left out. "
                + "The full report is in the step's report file.\n"
        }
        return output
    }

    /// A table cell: pipes escaped, line breaks as `<br>`.
    package static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\r\n", with: "<br>")
            .replacingOccurrences(of: "\n", with: "<br>")
    }

    package static func escapeHTML(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
