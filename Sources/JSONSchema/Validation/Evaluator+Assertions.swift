/// Keywords that check the instance itself (type, values, numbers, strings, counts).
extension Evaluator {
    func apply(_ keyword: Keyword, to instance: JSONValue, annotations: inout Annotations) -> Bool {
        switch keyword {
        case .type(let types):
            guard types.admits(instance) else {
                fail("expected \(types.listing), found \(instance.typeName) \(Self.brief(instance))")
                return false
            }
            return true
        case .const(let expected):
            guard instance == expected else {
                fail("expected the constant \(Self.brief(expected)), found \(Self.brief(instance))")
                return false
            }
            return true
        case .enumeration(let allowed):
            guard allowed.contains(instance) else {
                fail("\(Self.brief(instance)) is not one of the allowed values \(Self.brief(.array(allowed)))")
                return false
            }
            return true
        case .multipleOf(let divisor):
            guard case .number(let number) = instance, !number.isMultiple(of: divisor) else { return true }
            fail("\(number) is not a multiple of \(divisor)")
            return false
        case .maximum(let limit):
            return check(instance, { $0 <= limit }, "is greater than the maximum \(limit)")
        case .exclusiveMaximum(let limit):
            return check(instance, { $0 < limit }, "must be less than \(limit) (exclusiveMaximum)")
        case .minimum(let limit):
            return check(instance, { $0 >= limit }, "is less than the minimum \(limit)")
        case .exclusiveMinimum(let limit):
            return check(instance, { $0 > limit }, "must be greater than \(limit) (exclusiveMinimum)")
        case .maxLength(let limit):
            guard case .string(let string) = instance, string.utf8.count > limit else { return true }
            let length = string.unicodeScalars.count
            guard length > limit else { return true }
            fail("string is \(length) characters long, longer than maxLength \(limit)")
            return false
        case .minLength(let limit):
            guard case .string(let string) = instance else { return true }
            let length = string.utf8.count < limit ? string.utf8.count : string.unicodeScalars.count
            guard length < limit else { return true }
            fail("string is \(string.unicodeScalars.count) characters long, shorter than minLength \(limit)")
            return false
        case .pattern(let pattern):
            guard case .string(let string) = instance, !pattern.matches(string) else { return true }
            fail("\(Self.brief(instance)) does not match the pattern \(pattern.source)")
            return false
        case .format(let format):
            guard case .string(let string) = instance, !format.accepts(string) else { return true }
            fail("\(Self.brief(instance)) is not a valid \(format.rawValue)")
            return false
        case .maxItems(let limit):
            guard case .array(let items) = instance, items.count > limit else { return true }
            fail("array has \(items.count) items, more than maxItems \(limit)")
            return false
        case .minItems(let limit):
            guard case .array(let items) = instance, items.count < limit else { return true }
            fail("array has \(items.count) items, fewer than minItems \(limit)")
            return false
        case .maxProperties(let limit):
            guard case .object(let object) = instance, object.count > limit else { return true }
            fail("object has \(object.count) properties, more than maxProperties \(limit)")
            return false
        case .minProperties(let limit):
            guard case .object(let object) = instance, object.count < limit else { return true }
            fail("object has \(object.count) properties, fewer than minProperties \(limit)")
            return false
        case .uniqueItems:
            return checkUniqueItems(instance)
        default:
            return applyApplicator(keyword, to: instance, annotations: &annotations)
        }
    }

    private func check(_ instance: JSONValue, _ accepts: (JSONNumber) -> Bool, _ complaint: String) -> Bool {
        guard case .number(let number) = instance, !accepts(number) else { return true }
        fail("\(number) \(complaint)")
        return false
    }

    private func checkUniqueItems(_ instance: JSONValue) -> Bool {
        guard case .array(let items) = instance, items.count > 1 else { return true }
        var firstPositions: [JSONValue: Int] = [:]
        for (position, item) in items.enumerated() {
            if let earlier = firstPositions.updateValue(position, forKey: item) {
                fail("items \(earlier) and \(position) are equal (\(Self.brief(item))) but uniqueItems is true")
                return false
            }
        }
        return true
    }
}
