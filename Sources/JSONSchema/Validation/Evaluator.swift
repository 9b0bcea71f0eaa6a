/// Walks one instance through a `CompiledSchema`. Created per validation; not shared.
///
/// Locations are only tracked when errors are recorded (`mode` other than `.flag`), and
/// annotations only when the schema has `unevaluated*` keywords, so plain validity checks
/// do no bookkeeping beyond the dynamic scope and the reference loop guard.
final class Evaluator {
    let nodes: [SchemaNode]
    let resources: [CompiledResource]
    let tracksAnnotations: Bool
    let tracksDynamicScope: Bool
    let mode: ValidationMode
    let recordsErrors: Bool
    /// Stop evaluating a schema at its first failing keyword.
    let stopsAtFirstFailure: Bool

    private(set) var errors: [ValidationError] = []
    var instancePath: [String] = []
    var keywordPath: [String] = []
    var instanceDepth = 0
    /// Resources entered, outermost first (the dynamic scope of `$dynamicRef`).
    private var dynamicScope: [Int] = []
    /// References being followed, with the instance depth they were followed at.
    private var activeReferences: [(node: Int, depth: Int)] = []
    private var currentNode = 0
    private var currentNodeKeywordStart = 0

    init(schema: CompiledSchema, mode: ValidationMode) {
        nodes = schema.nodes
        resources = schema.resources
        tracksAnnotations = schema.tracksAnnotations
        tracksDynamicScope = schema.tracksDynamicScope
        self.mode = mode
        recordsErrors = mode != .flag
        stopsAtFirstFailure = mode != .allErrors
    }

    /// Applies schema `node` to `instance`, adding what it evaluated to `annotations`.
    func evaluate(node nodeIndex: Int, instance: JSONValue, annotations: inout Annotations) -> Bool {
        let node = nodes[nodeIndex]
        let savedNode = currentNode
        let savedStart = currentNodeKeywordStart
        currentNode = nodeIndex
        currentNodeKeywordStart = keywordPath.count
        defer {
            currentNode = savedNode
            currentNodeKeywordStart = savedStart
        }
        if let outcome = node.constantOutcome {
            if !outcome { fail("no value is allowed here (the schema is false)") }
            return outcome
        }
        let entersResource = tracksDynamicScope && dynamicScope.last != node.resource
        if entersResource { dynamicScope.append(node.resource) }
        defer { if entersResource { dynamicScope.removeLast() } }

        var isValid = true
        for keyword in node.keywords {
            if recordsErrors { keywordPath.append(keyword.name) }
            let keywordIsValid = apply(keyword, to: instance, annotations: &annotations)
            if recordsErrors { keywordPath.removeLast() }
            if !keywordIsValid {
                isValid = false
                if stopsAtFirstFailure { break }
            }
        }
        return isValid
    }

    /// Applies a subschema to the same instance; its annotations count only when it is valid.
    func evaluateInPlace(node: Int, instance: JSONValue, annotations: inout Annotations) -> Bool {
        var subschemaAnnotations = Annotations()
        let isValid = evaluate(node: node, instance: instance, annotations: &subschemaAnnotations)
        if isValid, tracksAnnotations { annotations.merge(subschemaAnnotations) }
        return isValid
    }

    /// Applies a subschema to a member or item of the instance.
    func evaluateChild(node: Int, instance: JSONValue, instanceToken: @autoclosure () -> String, keywordToken: String? = nil) -> Bool {
        if recordsErrors {
            instancePath.append(instanceToken())
            if let keywordToken { keywordPath.append(keywordToken) }
        }
        instanceDepth += 1
        var childAnnotations = Annotations()
        let isValid = evaluate(node: node, instance: instance, annotations: &childAnnotations)
        instanceDepth -= 1
        if recordsErrors {
            instancePath.removeLast()
            if keywordToken != nil { keywordPath.removeLast() }
        }
        return isValid
    }

    /// Follows `$ref`/`$dynamicRef` to `target`, refusing to re-enter a reference that is already
    /// being followed at this instance location (that would never terminate).
    func followReference(to target: Int, instance: JSONValue, annotations: inout Annotations) -> Bool {
        if activeReferences.contains(where: { $0.node == target && $0.depth == instanceDepth }) {
            fail("infinite reference loop: \(nodes[target].absoluteLocation) is applied to this value again before any other keyword")
            return false
        }
        activeReferences.append((target, instanceDepth))
        defer { activeReferences.removeLast() }
        return evaluateInPlace(node: target, instance: instance, annotations: &annotations)
    }

    /// The node a `$dynamicRef` lands on: the outermost resource in scope declaring `anchor`.
    func dynamicTarget(staticTarget: Int, anchor: String?) -> Int {
        guard let anchor else { return staticTarget }
        for resource in dynamicScope {
            if let target = resources[resource].dynamicAnchors[anchor] { return target }
        }
        return staticTarget
    }

    // MARK: - Errors

    /// Records a failure at the current instance and keyword locations.
    func fail(_ message: @autoclosure () -> String) {
        guard recordsErrors else { return }
        let relativeKeyword = keywordPath[currentNodeKeywordStart...].map { "/" + JSONPointer.escape($0) }.joined()
        errors.append(ValidationError(
            instanceLocation: JSONPointer(tokens: instancePath),
            keywordLocation: JSONPointer(tokens: keywordPath),
            absoluteKeywordLocation: nodes[currentNode].absoluteLocation + relativeKeyword,
            message: message()
        ))
    }

    var errorCount: Int { errors.count }

    /// Drops errors recorded since `count` (subschemas whose failure is not a failure).
    func discardErrors(since count: Int) {
        if errors.count > count { errors.removeSubrange(count...) }
    }

    /// Records a failure placed before the errors recorded since `count` (a summary of them).
    func failBefore(errorsSince count: Int, _ message: @autoclosure () -> String) {
        guard recordsErrors else { return }
        let branchErrors = Array(errors[count...])
        discardErrors(since: count)
        fail(message())
        errors.append(contentsOf: branchErrors)
    }

    /// A short rendering of a value for messages.
    static func brief(_ value: JSONValue) -> String {
        let text = value.serialized()
        return text.count > 60 ? String(text.prefix(57)) + "..." : text
    }
}
