import Foundation

/// A GraphQL executable document, parsed as the specification's grammar says (operations with
/// variable definitions, fields with aliases and arguments, inline fragments, named fragments):
/// the fake GitHub executes queries from it instead of matching text, so a document it answers is
/// one GitHub could parse.
struct GraphQLDocument {
    indirect enum Value: Equatable {
        case variable(String)
        case string(String)
        case int(Int)
        case float(Double)
        case bool(Bool)
        case null
        case enumValue(String)
        case list([Value])
        case object([String: Value])
    }

    indirect enum Selection {
        case field(alias: String?, name: String, arguments: [String: Value], selections: [Selection])
        case inlineFragment(typeCondition: String?, selections: [Selection])
        case fragmentSpread(String)
    }

    struct Operation {
        var kind: String
        var name: String?
        /// Variable name → its declared type, as written (`String!`).
        var variables: [String: String]
        var selections: [Selection]
    }

    var operations: [Operation] = []
    var fragments: [String: (typeCondition: String, selections: [Selection])] = [:]

    struct SyntaxError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    init(parsing text: String) throws {
        var parser = Parser(tokens: try Self.tokens(text))
        while !parser.atEnd {
            if parser.peek == "fragment" {
                parser.advance()
                let name = try parser.name()
                try parser.expect("on")
                let type = try parser.name()
                fragments[name] = (type, try parser.selectionSet())
            } else if parser.peek == "{" {
                operations.append(Operation(kind: "query", name: nil, variables: [:], selections: try parser.selectionSet()))
            } else {
                let kind = try parser.name()
                guard ["query", "mutation", "subscription"].contains(kind) else { throw SyntaxError(message: "Parse error on \"\(kind)\"") }
                var name: String?
                if parser.peek != "(" && parser.peek != "{" { name = try parser.name() }
                var variables: [String: String] = [:]
                if parser.peek == "(" {
                    parser.advance()
                    while parser.peek != ")" {
                        try parser.expect("$")
                        let variable = try parser.name()
                        try parser.expect(":")
                        variables[variable] = try parser.type()
                        if parser.peek == "=" { parser.advance(); _ = try parser.value() }
                        if parser.peek == "," { parser.advance() }
                    }
                    parser.advance()
                }
                operations.append(Operation(kind: kind, name: name, variables: variables, selections: try parser.selectionSet()))
            }
        }
        guard !operations.isEmpty else { throw SyntaxError(message: "No operation in the document") }
    }

    // MARK: Lexing

    enum Token: Equatable {
        case punctuator(String)
        case name(String)
        case string(String)
        case number(String)
    }

    static func tokens(_ text: String) throws -> [Token] {
        var tokens: [Token] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func isNameStart(_ c: Unicode.Scalar) -> Bool { c == "_" || (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") }
        func isNameContinue(_ c: Unicode.Scalar) -> Bool { isNameStart(c) || (c >= "0" && c <= "9") }
        while index < scalars.count {
            let c = scalars[index]
            if c == " " || c == "\t" || c == "\n" || c == "\r" || c == "," || c == "\u{FEFF}" {
                index += 1
            } else if c == "#" {
                while index < scalars.count, scalars[index] != "\n" { index += 1 }
            } else if "!$&()[]{}:=@|".unicodeScalars.contains(c) {
                tokens.append(.punctuator(String(c)))
                index += 1
            } else if c == ".", index + 2 < scalars.count, scalars[index + 1] == ".", scalars[index + 2] == "." {
                tokens.append(.punctuator("..."))
                index += 3
            } else if isNameStart(c) {
                var name = ""
                while index < scalars.count, isNameContinue(scalars[index]) { name.unicodeScalars.append(scalars[index]); index += 1 }
                tokens.append(.name(name))
            } else if c == "-" || (c >= "0" && c <= "9") {
                var number = ""
                while index < scalars.count, "-+.eE0123456789".unicodeScalars.contains(scalars[index]) { number.unicodeScalars.append(scalars[index]); index += 1 }
                tokens.append(.number(number))
            } else if c == "\"" {
                index += 1
                var value = ""
                while true {
                    guard index < scalars.count, scalars[index] != "\n" else { throw SyntaxError(message: "Unterminated string") }
                    let next = scalars[index]
                    index += 1
                    if next == "\"" { break }
                    if next == "\\" {
                        guard index < scalars.count else { throw SyntaxError(message: "Unterminated string") }
                        let escaped = scalars[index]
                        index += 1
                        switch escaped {
                        case "n": value += "\n"
                        case "t": value += "\t"
                        case "r": value += "\r"
                        case "b": value += "\u{8}"
                        case "f": value += "\u{C}"
                        case "u":
                            guard index + 4 <= scalars.count, let code = UInt32(String(String.UnicodeScalarView(scalars[index..<index + 4])), radix: 16),
                                  let scalar = Unicode.Scalar(code) else { throw SyntaxError(message: "Invalid unicode escape") }
                            value.unicodeScalars.append(scalar)
                            index += 4
                        default: value.unicodeScalars.append(escaped)
                        }
                    } else {
                        value.unicodeScalars.append(next)
                    }
                }
                tokens.append(.string(value))
            } else {
                throw SyntaxError(message: "Unexpected character \"\(c)\"")
            }
        }
        return tokens
    }

    // MARK: Parsing

    struct Parser {
        var tokens: [Token]
        var position = 0

        var atEnd: Bool { position >= tokens.count }

        /// The next token as text (punctuator or name), for lookahead.
        var peek: String? {
            guard !atEnd else { return nil }
            switch tokens[position] {
            case .punctuator(let text), .name(let text): return text
            case .string, .number: return nil
            }
        }

        mutating func advance() { position += 1 }

        mutating func expect(_ text: String) throws {
            guard peek == text else { throw SyntaxError(message: "Expected \"\(text)\", got \(atEnd ? "end of document" : "\(tokens[position])")") }
            advance()
        }

        mutating func name() throws -> String {
            guard !atEnd, case .name(let name) = tokens[position] else { throw SyntaxError(message: "Expected a name") }
            advance()
            return name
        }

        mutating func type() throws -> String {
            var text = ""
            if peek == "[" {
                advance()
                text = "[" + (try type())
                try expect("]")
                text += "]"
            } else {
                text = try name()
            }
            if peek == "!" { advance(); text += "!" }
            return text
        }

        mutating func selectionSet() throws -> [Selection] {
            try expect("{")
            var selections: [Selection] = []
            while peek != "}" {
                guard !atEnd else { throw SyntaxError(message: "Unterminated selection set") }
                if peek == "..." {
                    advance()
                    if peek == "on" {
                        advance()
                        let type = try name()
                        selections.append(.inlineFragment(typeCondition: type, selections: try selectionSet()))
                    } else if peek == "{" {
                        selections.append(.inlineFragment(typeCondition: nil, selections: try selectionSet()))
                    } else {
                        selections.append(.fragmentSpread(try name()))
                    }
                    continue
                }
                var alias: String?
                var field = try name()
                if peek == ":" {
                    advance()
                    alias = field
                    field = try name()
                }
                var arguments: [String: Value] = [:]
                if peek == "(" {
                    advance()
                    while peek != ")" {
                        let argument = try name()
                        try expect(":")
                        arguments[argument] = try value()
                    }
                    advance()
                }
                selections.append(.field(alias: alias, name: field, arguments: arguments, selections: peek == "{" ? try selectionSet() : []))
            }
            advance()
            return selections
        }

        mutating func value() throws -> Value {
            guard !atEnd else { throw SyntaxError(message: "Expected a value") }
            switch tokens[position] {
            case .string(let text):
                advance()
                return .string(text)
            case .number(let text):
                advance()
                if let int = Int(text) { return .int(int) }
                guard let double = Double(text) else { throw SyntaxError(message: "Invalid number \(text)") }
                return .float(double)
            case .punctuator("$"):
                advance()
                return .variable(try name())
            case .punctuator("["):
                advance()
                var items: [Value] = []
                while peek != "]" { items.append(try value()) }
                advance()
                return .list(items)
            case .punctuator("{"):
                advance()
                var fields: [String: Value] = [:]
                while peek != "}" {
                    let key = try name()
                    try expect(":")
                    fields[key] = try value()
                }
                advance()
                return .object(fields)
            case .name(let name):
                advance()
                switch name {
                case "true": return .bool(true)
                case "false": return .bool(false)
                case "null": return .null
                default: return .enumValue(name)
                }
            default:
                throw SyntaxError(message: "Unexpected \(tokens[position])")
            }
        }
    }
}
