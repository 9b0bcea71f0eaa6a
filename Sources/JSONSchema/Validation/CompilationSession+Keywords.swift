/// Turns the keywords of one schema object into `Keyword`s, checking each value's shape.
extension CompilationSession {
    func compileKeywords(
        _ object: JSONObject, at location: SchemaLocation, scope: SchemaScope, vocabularies: VocabularySet
    ) throws(SchemaCompilationError) -> [Keyword] {
        let context = KeywordContext(object: object, location: location, scope: scope, vocabularies: vocabularies)
        var keywords: [Keyword] = []
        var unevaluated: [Keyword] = []
        for (name, value) in object {
            guard context.isEnabled(name) else { continue }
            if name == "unevaluatedItems" || name == "unevaluatedProperties" {
                usesUnevaluated = true
                let node = try subschema(context, name)
                unevaluated.append(name == "unevaluatedItems" ? .unevaluatedItems(node) : .unevaluatedProperties(node))
                continue
            }
            if let keyword = try compileKeyword(name, value, context) {
                keywords.append(keyword)
            }
        }
        // unevaluated* see the annotations of every sibling keyword, so they run last.
        return keywords + unevaluated
    }

    private func compileKeyword(_ name: String, _ value: JSONValue, _ context: KeywordContext) throws(SchemaCompilationError) -> Keyword? {
        let place = context.scope.absoluteLocation
        switch name {
        case "$ref":
            let reference = try string(value, name, context)
            return .reference(target: try node(at: resolveReference(reference, base: context.scope.baseURI, from: place)))
        case "$dynamicRef":
            let reference = try string(value, name, context)
            let target = try resolveReference(reference, base: context.scope.baseURI, from: place)
            let fragment = URIReference(reference).fragment ?? ""
            let isDynamic = !fragment.isEmpty && !fragment.hasPrefix("/") && hasDynamicAnchor(fragment, at: target)
            return .dynamicReference(staticTarget: try node(at: target), anchor: isDynamic ? fragment : nil)
        case "type":
            return .type(try typeSet(value, context))
        case "const":
            return .const(value)
        case "enum":
            guard case .array(let values) = value else { throw invalid(name, context, "an array of values") }
            return .enumeration(values)
        case "multipleOf":
            let divisor = try number(value, name, context)
            guard divisor > .zero else { throw invalid(name, context, "a number greater than 0") }
            return .multipleOf(divisor)
        case "maximum": return .maximum(try number(value, name, context))
        case "exclusiveMaximum": return .exclusiveMaximum(try number(value, name, context))
        case "minimum": return .minimum(try number(value, name, context))
        case "exclusiveMinimum": return .exclusiveMinimum(try number(value, name, context))
        case "maxLength": return .maxLength(try count(value, name, context))
        case "minLength": return .minLength(try count(value, name, context))
        case "maxItems": return .maxItems(try count(value, name, context))
        case "minItems": return .minItems(try count(value, name, context))
        case "maxProperties": return .maxProperties(try count(value, name, context))
        case "minProperties": return .minProperties(try count(value, name, context))
        case "pattern":
            return .pattern(try pattern(string(value, name, context), keyword: name, location: place))
        case "format":
            guard case .string(let formatName) = value else { throw invalid(name, context, "a string") }
            let asserts = options.assertsFormat || context.vocabularies.contains(.formatAssertion)
            guard asserts, let kind = FormatKind(rawValue: formatName) else { return nil }
            return .format(kind)
        case "uniqueItems":
            guard case .bool(let isUnique) = value else { throw invalid(name, context, "a boolean") }
            return isUnique ? .uniqueItems : nil
        case "required":
            return .required(try stringArray(value, name, context))
        case "dependentRequired":
            guard case .object(let members) = value else { throw invalid(name, context, "an object of string arrays") }
            var dependencies: [(name: String, required: [String])] = []
            for (property, names) in members {
                dependencies.append((property, try stringArray(names, name, context)))
            }
            return .dependentRequired(dependencies)
        default:
            return try compileApplicator(name, value, context)
        }
    }

    private func compileApplicator(_ name: String, _ value: JSONValue, _ context: KeywordContext) throws(SchemaCompilationError) -> Keyword? {
        switch name {
        case "prefixItems":
            return .prefixItems(try subschemaList(context, name))
        case "items":
            if case .array = value {
                throw invalid(name, context, "a schema (draft 2020-12 moved the array form of items to prefixItems)")
            }
            let prefixCount = context.isEnabled("prefixItems") ? (context.object["prefixItems"]?.arrayValue?.count ?? 0) : 0
            return .items(node: try subschema(context, name), prefixCount: prefixCount)
        case "contains":
            let minimum = try context.validationValue("minContains").map { v throws(SchemaCompilationError) in try count(v, "minContains", context) } ?? 1
            let maximum = try context.validationValue("maxContains").map { v throws(SchemaCompilationError) in try count(v, "maxContains", context) }
            return .contains(node: try subschema(context, name), minimum: minimum, maximum: maximum)
        case "properties":
            return .properties(try subschemaMap(context, name))
        case "patternProperties":
            let members = try subschemaMap(context, name)
            var compiled: [(pattern: RegexPattern, node: Int)] = []
            for member in members {
                compiled.append((try pattern(member.name, keyword: name, location: context.scope.absoluteLocation), member.node))
            }
            return .patternProperties(compiled)
        case "additionalProperties":
            let declared = Set((context.object["properties"]?.objectValue?.keys ?? []).map(ExactString.init))
            var patterns: [RegexPattern] = []
            for source in context.object["patternProperties"]?.objectValue?.keys ?? [] {
                patterns.append(try pattern(source, keyword: "patternProperties", location: context.scope.absoluteLocation))
            }
            return .additionalProperties(node: try subschema(context, name), declared: declared, patterns: patterns)
        case "propertyNames":
            return .propertyNames(try subschema(context, name))
        case "dependentSchemas":
            return .dependentSchemas(try subschemaMap(context, name))
        case "allOf", "anyOf", "oneOf":
            let list = try subschemaList(context, name)
            guard !list.isEmpty else { throw invalid(name, context, "a non-empty array of schemas") }
            return name == "allOf" ? .allOf(list) : name == "anyOf" ? .anyOf(list) : .oneOf(list)
        case "not":
            return .not(try subschema(context, name))
        case "if":
            let thenNode = context.object["then"] == nil ? nil : try subschema(context, "then")
            let elseNode = context.object["else"] == nil ? nil : try subschema(context, "else")
            return .conditional(condition: try subschema(context, name), then: thenNode, else: elseNode)
        case "then", "else", "minContains", "maxContains":
            return nil  // compiled together with "if" / "contains"
        default:
            return nil  // $id, $anchor, $defs, annotations and unknown keywords assert nothing
        }
    }
}

/// The schema object being compiled and where it sits.
struct KeywordContext {
    var object: JSONObject
    var location: SchemaLocation
    var scope: SchemaScope
    var vocabularies: VocabularySet

    func isEnabled(_ keyword: String) -> Bool {
        guard let vocabulary = VocabularySet.vocabulary(of: keyword) else { return false }
        if vocabulary == .formatAnnotation {
            return !vocabularies.isDisjoint(with: [.formatAnnotation, .formatAssertion])
        }
        return vocabularies.contains(vocabulary)
    }

    /// A validation-vocabulary sibling's value, when that vocabulary is on.
    func validationValue(_ keyword: String) -> JSONValue? {
        isEnabled(keyword) ? object[keyword] : nil
    }

    func child(_ tokens: String...) -> SchemaLocation {
        SchemaLocation(document: location.document, pointer: JSONPointer(tokens: location.pointer.tokens + tokens))
    }
}
