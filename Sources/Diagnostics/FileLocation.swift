/// Where in a file something is: the one location type every report, annotation and SARIF
/// result is built from. Lines and columns are 1-based; a column counts what the producer
/// says it counts (UTF-8 bytes for the secret scan, characters elsewhere).
package struct FileLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    package var file: String
    package var line: Int?
    package var column: Int?
    package var endLine: Int?
    package var endColumn: Int?

    package init(file: String, line: Int? = nil, column: Int? = nil, endLine: Int? = nil, endColumn: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
    }

    /// `file`, `file:line` or `file:line:column`: the one place this text is built.
    package var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }
}
