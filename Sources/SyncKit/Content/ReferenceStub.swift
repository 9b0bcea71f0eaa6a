/// The `reference` strategy: a short Markdown file pointing at the canonical file at the release
/// tag. Non-Markdown sources get a `.md` stub beside their name.
package enum ReferenceStub {
    package static func destination(for destination: String) -> String {
        TextContent.isMarkdown(destination) ? destination : destination + ".md"
    }

    package static func render(sourcePath: String, sourceRepository: String, tag: String, serverURL: String) -> String {
        let name = sourcePath.split(separator: "/").last.map(String.init) ?? sourcePath
        let url = "\(serverURL)/\(sourceRepository)/blob/\(tag)/\(sourcePath)"
        return """
        # \(name)

        This document is maintained in [\(sourceRepository)](\(serverURL)/\(sourceRepository)) and is not copied here.

        Canonical version: [\(sourcePath) at \(tag)](\(url))

        """
    }
}
