/// Keywords that apply subschemas: references, logic, conditionals, arrays and objects.
extension Evaluator {
    func applyApplicator(_ keyword: Keyword, to instance: JSONValue, annotations: inout Annotations) -> Bool {
        switch keyword {
        case .reference(let target):
            return followReference(to: target, instance: instance, annotations: &annotations)
        case .dynamicReference(let staticTarget, let anchor):
            let target = dynamicTarget(staticTarget: staticTarget, anchor: anchor)
            return followReference(to: target, instance: instance, annotations: &annotations)
        case .allOf(let subschemas):
            var isValid = true
            for (position, subschema) in subschemas.enumerated() {
                if recordsErrors { keywordPath.append(String(position)) }
                let subschemaIsValid = evaluateInPlace(node: subschema, instance: instance, annotations: &annotations)
                if recordsErrors { keywordPath.removeLast() }
                if !subschemaIsValid {
                    isValid = false
                    if stopsAtFirstFailure { break }
                }
            }
            return isValid
        case .anyOf(let subschemas):
            return applyAnyOf(subschemas, to: instance, annotations: &annotations)
        case .oneOf(let subschemas):
            return applyOneOf(subschemas, to: instance, annotations: &annotations)
        case .not(let subschema):
            let errorsBefore = errorCount
            var ignored = Annotations()
            let subschemaIsValid = evaluate(node: subschema, instance: instance, annotations: &ignored)
            discardErrors(since: errorsBefore)
            if subschemaIsValid { fail("\(Self.brief(instance)) must not match the schema in 'not'") }
            return !subschemaIsValid
        case .conditional(let condition, let thenBranch, let elseBranch):
            let errorsBefore = errorCount
            var conditionAnnotations = Annotations()
            let conditionHolds = evaluate(node: condition, instance: instance, annotations: &conditionAnnotations)
            discardErrors(since: errorsBefore)
            if conditionHolds, tracksAnnotations { annotations.merge(conditionAnnotations) }
            guard let branch = conditionHolds ? thenBranch : elseBranch else { return true }
            if recordsErrors { keywordPath[keywordPath.count - 1] = conditionHolds ? "then" : "else" }
            return evaluateInPlace(node: branch, instance: instance, annotations: &annotations)
        case .dependentSchemas(let dependencies):
            guard case .object(let object) = instance else { return true }
            var isValid = true
            for dependency in dependencies where object.contains(key: dependency.name) {
                if recordsErrors { keywordPath.append(dependency.name) }
                let dependencyIsValid = evaluateInPlace(node: dependency.node, instance: instance, annotations: &annotations)
                if recordsErrors { keywordPath.removeLast() }
                if !dependencyIsValid {
                    isValid = false
                    if stopsAtFirstFailure { break }
                }
            }
            return isValid
        default:
            if case .array(let items) = instance {
                return applyArrayKeyword(keyword, to: items, annotations: &annotations)
            }
            if case .object(let object) = instance {
                return applyObjectKeyword(keyword, to: object, annotations: &annotations)
            }
            return true
        }
    }

    private func applyAnyOf(_ subschemas: [Int], to instance: JSONValue, annotations: inout Annotations) -> Bool {
        let errorsBefore = errorCount
        var anyIsValid = false
        for (position, subschema) in subschemas.enumerated() {
            if recordsErrors { keywordPath.append(String(position)) }
            let subschemaIsValid = evaluateInPlace(node: subschema, instance: instance, annotations: &annotations)
            if recordsErrors { keywordPath.removeLast() }
            if subschemaIsValid {
                anyIsValid = true
                // Later branches only matter for the annotations they would add.
                if !tracksAnnotations { break }
            }
        }
        if anyIsValid {
            discardErrors(since: errorsBefore)
        } else {
            failBefore(errorsSince: errorsBefore, "\(Self.brief(instance)) matches none of the \(subschemas.count) schemas in anyOf")
        }
        return anyIsValid
    }

    private func applyOneOf(_ subschemas: [Int], to instance: JSONValue, annotations: inout Annotations) -> Bool {
        let errorsBefore = errorCount
        var validPositions: [Int] = []
        var validAnnotations = Annotations()
        for (position, subschema) in subschemas.enumerated() {
            if recordsErrors { keywordPath.append(String(position)) }
            var subschemaAnnotations = Annotations()
            if evaluate(node: subschema, instance: instance, annotations: &subschemaAnnotations) {
                validPositions.append(position)
                validAnnotations = subschemaAnnotations
            }
            if recordsErrors { keywordPath.removeLast() }
            if validPositions.count > 1 { break }
        }
        switch validPositions.count {
        case 1:
            discardErrors(since: errorsBefore)
            if tracksAnnotations { annotations.merge(validAnnotations) }
            return true
        case 0:
            failBefore(errorsSince: errorsBefore, "\(Self.brief(instance)) matches none of the \(subschemas.count) schemas in oneOf")
            return false
        default:
            discardErrors(since: errorsBefore)
            fail("\(Self.brief(instance)) matches schemas \(validPositions.map(String.init).joined(separator: " and ")) of oneOf; exactly one must match")
            return false
        }
    }
}
