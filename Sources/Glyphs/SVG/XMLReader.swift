import Diagnostics

/// An element of a parsed XML document, with the line its start tag is on.
package struct XMLElementNode: Sendable {
    package var name: String
    package var attributes: [(name: String, value: String)]
    package var children: [XMLElementNode]
    package var text: String
    package var line: Int

    package func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }
}

/// A small, strict XML reader for SVG files: elements, attributes, character references, the
/// five predefined entities, comments, CDATA, processing instructions and a DOCTYPE without an
/// internal subset. Anything else is reported with its line.
package struct XMLReader {
    private let bytes: [UInt8]
    private let file: String
    private var position = 0
    private var line = 1

    package static func parse(_ text: String, file: String) throws(SVGError) -> XMLElementNode {
        var reader = XMLReader(bytes: Array(text.utf8), file: file)
        return try reader.document()
    }

    private init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    private func fail(_ detail: String) -> SVGError {
        .malformedXML(FileLocation(file: file, line: line), detail: detail)
    }

    private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func advance(_ count: Int = 1) {
        for _ in 0..<count where position < bytes.count {
            if bytes[position] == UInt8(ascii: "\n") { line += 1 }
            position += 1
        }
    }

    private func starts(with literal: String) -> Bool {
        let pattern = Array(literal.utf8)
        return position + pattern.count <= bytes.count && Array(bytes[position..<(position + pattern.count)]) == pattern
    }

    private mutating func skip(past terminator: String, what: String) throws(SVGError) {
        while position < bytes.count {
            if starts(with: terminator) {
                advance(terminator.utf8.count)
                return
            }
            advance()
        }
        throw fail("unterminated \(what)")
    }

    private mutating func skipWhitespace() {
        while let byte = current, Self.isWhitespace(byte) { advance() }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Skips comments, processing instructions, DOCTYPE and whitespace between markup.
    private mutating func skipMisc() throws(SVGError) {
        while true {
            skipWhitespace()
            if starts(with: "<!--") {
                try skip(past: "-->", what: "comment")
            } else if starts(with: "<?") {
                try skip(past: "?>", what: "processing instruction")
            } else if starts(with: "<!DOCTYPE") {
                let startLine = line
                while let byte = current, byte != UInt8(ascii: ">") {
                    if byte == UInt8(ascii: "[") {
                        throw .malformedXML(FileLocation(file: file, line: startLine),
                                            detail: "a DOCTYPE with an internal subset (custom entities) is not supported")
                    }
                    advance()
                }
                try skip(past: ">", what: "DOCTYPE")
            } else {
                return
            }
        }
    }

    private mutating func document() throws(SVGError) -> XMLElementNode {
        if starts(with: "\u{FEFF}") { advance(3) }
        try skipMisc()
        guard current == UInt8(ascii: "<") else { throw fail("expected a root element") }
        let root = try element()
        try skipMisc()
        if position < bytes.count { throw fail("content after the root element") }
        return root
    }

    private mutating func name() throws(SVGError) -> String {
        let start = position
        while let byte = current, !Self.isWhitespace(byte), !"=/>\"'<".utf8.contains(byte) { advance() }
        guard position > start else { throw fail("expected a name") }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    private mutating func element() throws(SVGError) -> XMLElementNode {
        let startLine = line
        advance()
        let elementName = try name()
        var node = XMLElementNode(name: elementName, attributes: [], children: [], text: "", line: startLine)
        while true {
            skipWhitespace()
            if starts(with: "/>") {
                advance(2)
                return node
            }
            if current == UInt8(ascii: ">") {
                advance()
                break
            }
            guard current != nil else { throw fail("unterminated start tag <\(elementName)>") }
            let attributeName = try name()
            skipWhitespace()
            guard current == UInt8(ascii: "=") else { throw fail("attribute '\(attributeName)' has no value") }
            advance()
            skipWhitespace()
            guard let quote = current, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                throw fail("attribute '\(attributeName)' value is not quoted")
            }
            advance()
            let start = position
            while let byte = current, byte != quote {
                if byte == UInt8(ascii: "<") { throw fail("'<' inside the value of '\(attributeName)'") }
                advance()
            }
            guard current == quote else { throw fail("unterminated value of '\(attributeName)'") }
            let raw = String(decoding: bytes[start..<position], as: UTF8.self)
            advance()
            if node.attributes.contains(where: { $0.name == attributeName }) {
                throw fail("attribute '\(attributeName)' appears twice on <\(elementName)>")
            }
            node.attributes.append((attributeName, try decodeEntities(raw)))
        }
        while true {
            if starts(with: "</") {
                advance(2)
                let closing = try name()
                guard closing == elementName else { throw fail("</\(closing)> closes <\(elementName)> from line \(startLine)") }
                skipWhitespace()
                guard current == UInt8(ascii: ">") else { throw fail("expected '>' after </\(closing)") }
                advance()
                return node
            } else if starts(with: "<!--") {
                try skip(past: "-->", what: "comment")
            } else if starts(with: "<![CDATA[") {
                advance(9)
                let start = position
                try skip(past: "]]>", what: "CDATA section")
                node.text += String(decoding: bytes[start..<(position - 3)], as: UTF8.self)
            } else if starts(with: "<?") {
                try skip(past: "?>", what: "processing instruction")
            } else if current == UInt8(ascii: "<") {
                node.children.append(try element())
            } else if current == nil {
                throw fail("<\(elementName)> from line \(startLine) is never closed")
            } else {
                let start = position
                while let byte = current, byte != UInt8(ascii: "<") { advance() }
                node.text += try decodeEntities(String(decoding: bytes[start..<position], as: UTF8.self))
            }
        }
    }

    private func decodeEntities(_ raw: String) throws(SVGError) -> String {
        guard raw.contains("&") else { return raw }
        var result = ""
        var rest = Substring(raw)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            guard let semicolon = rest[ampersand...].firstIndex(of: ";") else { throw fail("unterminated entity reference") }
            let entity = rest[rest.index(after: ampersand)..<semicolon]
            switch entity {
            case "amp": result += "&"
            case "lt": result += "<"
            case "gt": result += ">"
            case "quot": result += "\""
            case "apos": result += "'"
            default:
                let scalar: UInt32?
                if entity.hasPrefix("#x") {
                    scalar = UInt32(entity.dropFirst(2), radix: 16)
                } else if entity.hasPrefix("#") {
                    scalar = UInt32(entity.dropFirst(), radix: 10)
                } else {
                    scalar = nil
                }
                guard let value = scalar, let character = Unicode.Scalar(value) else {
                    throw fail("unknown entity '&\(entity);'")
                }
                result.unicodeScalars.append(character)
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }
}
