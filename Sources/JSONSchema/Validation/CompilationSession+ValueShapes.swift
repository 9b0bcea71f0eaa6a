/// Reading keyword values of the expected shape, with an error naming the keyword otherwise.
extension CompilationSession {
    func subschema(_ context: KeywordContext, _ keyword: String) throws(SchemaCompilationError) -> Int {
        try node(at: context.child(keyword))
    }

    func subschemaList(_ context: KeywordContext, _ keyword: String) throws(SchemaCompilationError) -> [Int] {
        guard case .array(let elements) = context.object[keyword] else { throw invalid(keyword, context, "an array of schemas") }
        var nodes: [Int] = []
        for position in elements.indices {
            nodes.append(try node(at: context.child(keyword, String(position))))
        }
        return nodes
    }

    func subschemaMap(_ context: KeywordContext, _ keyword: String) throws(SchemaCompilationError) -> [(name: String, node: Int)] {
        guard case .object(let members) = context.object[keyword] else { throw invalid(keyword, context, "an object of schemas") }
        var nodes: [(name: String, node: Int)] = []
        for name in members.keys {
            nodes.append((name, try node(at: context.child(keyword, name))))
        }
        return nodes
    }

    func typeSet(_ value: JSONValue, _ context: KeywordContext) throws(SchemaCompilationError) -> TypeSet {
        let expected = "a type name (null, boolean, object, array, number, string, integer) or an array of them"
        switch value {
        case .string(let name):
            guard let type = TypeSet(name: name) else { throw invalid("type", context, expected) }
            return type
        case .array(let names):
            var types: TypeSet = []
            for name in names {
                guard case .string(let text) = name, let type = TypeSet(name: text) else { throw invalid("type", context, expected) }
                types.insert(type)
            }
            return types
        default:
            throw invalid("type", context, expected)
        }
    }

    func string(_ value: JSONValue, _ keyword: String, _ context: KeywordContext) throws(SchemaCompilationError) -> String {
        guard case .string(let text) = value else { throw invalid(keyword, context, "a string") }
        return text
    }

    func number(_ value: JSONValue, _ keyword: String, _ context: KeywordContext) throws(SchemaCompilationError) -> JSONNumber {
        guard case .number(let number) = value else { throw invalid(keyword, context, "a number") }
        return number
    }

    /// A non-negative integer (`2.0` counts); values beyond `Int.max` saturate.
    func count(_ value: JSONValue, _ keyword: String, _ context: KeywordContext) throws(SchemaCompilationError) -> Int {
        guard case .number(let number) = value, number.isInteger, !number.isNegative else {
            throw invalid(keyword, context, "a non-negative integer")
        }
        return number.intValue ?? Int.max
    }

    func stringArray(_ value: JSONValue, _ keyword: String, _ context: KeywordContext) throws(SchemaCompilationError) -> [String] {
        guard case .array(let elements) = value else { throw invalid(keyword, context, "an array of strings") }
        var strings: [String] = []
        for element in elements {
            guard case .string(let text) = element else { throw invalid(keyword, context, "an array of strings") }
            strings.append(text)
        }
        return strings
    }

    func invalid(_ keyword: String, _ context: KeywordContext, _ expected: String) -> SchemaCompilationError {
        .invalidKeywordValue(keyword: keyword, location: context.scope.absoluteLocation, expected: expected)
    }
}

