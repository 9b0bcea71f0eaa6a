/// Keywords that apply subschemas to the items of arrays and the members of objects.
extension Evaluator {
    func applyArrayKeyword(_ keyword: Keyword, to items: [JSONValue], annotations: inout Annotations) -> Bool {
        var isValid = true
        switch keyword {
        case .prefixItems(let subschemas):
            let covered = min(items.count, subschemas.count)
            for position in 0..<covered {
                if !evaluateChild(node: subschemas[position], instance: items[position], instanceToken: String(position), keywordToken: String(position)) {
                    isValid = false
                    if stopsAtFirstFailure { return false }
                }
            }
            annotations.evaluatedPrefix = max(annotations.evaluatedPrefix, covered)
        case .items(let subschema, let prefixCount):
            for position in items.indices where position >= prefixCount {
                if !evaluateChild(node: subschema, instance: items[position], instanceToken: String(position)) {
                    isValid = false
                    if stopsAtFirstFailure { return false }
                }
            }
            annotations.allItemsEvaluated = true
        case .contains(let subschema, let minimum, let maximum):
            let errorsBefore = errorCount
            var matches = 0
            for (position, item) in items.enumerated() {
                if evaluateChild(node: subschema, instance: item, instanceToken: String(position)) {
                    matches += 1
                    if tracksAnnotations { annotations.containedItems.insert(position) }
                    // Enough matches and nothing else to learn from the remaining items.
                    if matches >= minimum, maximum == nil, !tracksAnnotations { break }
                }
            }
            discardErrors(since: errorsBefore)
            if matches < minimum {
                fail(matches == 0 && minimum == 1
                    ? "no item matches the schema in 'contains'"
                    : "\(matches) items match the schema in 'contains', fewer than minContains \(minimum)")
                isValid = false
            } else if let maximum, matches > maximum {
                fail("\(matches) items match the schema in 'contains', more than maxContains \(maximum)")
                isValid = false
            }
        case .unevaluatedItems(let subschema):
            for position in items.indices where !annotations.isItemEvaluated(position) {
                if !evaluateChild(node: subschema, instance: items[position], instanceToken: String(position)) {
                    isValid = false
                    if stopsAtFirstFailure { return false }
                }
            }
            annotations.allItemsEvaluated = true
        default:
            break
        }
        return isValid
    }

    func applyObjectKeyword(_ keyword: Keyword, to object: JSONObject, annotations: inout Annotations) -> Bool {
        var isValid = true
        switch keyword {
        case .properties(let subschemas):
            for (name, subschema) in subschemas {
                guard let value = object[name] else { continue }
                if tracksAnnotations { annotations.evaluatedProperties.insert(ExactString(name)) }
                if !evaluateChild(node: subschema, instance: value, instanceToken: name, keywordToken: name) {
                    isValid = false
                    if stopsAtFirstFailure { return false }
                }
            }
        case .patternProperties(let subschemas):
            for (name, value) in object {
                for (pattern, subschema) in subschemas where pattern.matches(name) {
                    if tracksAnnotations { annotations.evaluatedProperties.insert(ExactString(name)) }
                    if !evaluateChild(node: subschema, instance: value, instanceToken: name, keywordToken: pattern.source) {
                        isValid = false
                        if stopsAtFirstFailure { return false }
                    }
                }
            }
        case .additionalProperties(let subschema, let declared, let patterns):
            for (name, value) in object where !declared.contains(ExactString(name)) && !patterns.contains(where: { $0.matches(name) }) {
                if tracksAnnotations { annotations.evaluatedProperties.insert(ExactString(name)) }
                if !applyToUndeclared(subschema, name: name, value: value, keyword: "additionalProperties") {
                    isValid = false
                    if stopsAtFirstFailure { return false }
                }
            }
        case .unevaluatedProperties(let subschema):
            for (name, value) in object where !annotations.evaluatedProperties.contains(ExactString(name)) {
                if !applyToUndeclared(subschema, name: name, value: value, keyword: "unevaluatedProperties") {
                    isValid = false
                    if stopsAtFirstFailure { return false }
                }
            }
            annotations.evaluatedProperties.formUnion(object.keys.lazy.map(ExactString.init))
        case .propertyNames(let subschema):
            for name in object.keys {
                if !evaluateChild(node: subschema, instance: .string(name), instanceToken: name) {
                    isValid = false
                    if stopsAtFirstFailure { return false }
                }
            }
        case .required(let names):
            for name in names where !object.contains(key: name) {
                fail("missing required property '\(name)'")
                isValid = false
                if stopsAtFirstFailure { return false }
            }
        case .dependentRequired(let dependencies):
            for (trigger, names) in dependencies where object.contains(key: trigger) {
                for name in names where !object.contains(key: name) {
                    fail("property '\(name)' is required when '\(trigger)' is present")
                    isValid = false
                    if stopsAtFirstFailure { return false }
                }
            }
        default:
            break
        }
        return isValid
    }

    /// Applies `additionalProperties`/`unevaluatedProperties`; a `false` schema gets a message
    /// naming the property, since that is the usual "unknown key" mistake.
    private func applyToUndeclared(_ subschema: Int, name: String, value: JSONValue, keyword: String) -> Bool {
        if nodes[subschema].constantOutcome == false {
            if recordsErrors { instancePath.append(name) }
            fail("property '\(name)' is not allowed (\(keyword) is false); remove it or declare it in 'properties'")
            if recordsErrors { instancePath.removeLast() }
            return false
        }
        return evaluateChild(node: subschema, instance: value, instanceToken: name)
    }
}
