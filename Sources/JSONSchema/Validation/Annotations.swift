/// What the keywords applied to one instance location have evaluated so far, as the
/// `unevaluatedItems` and `unevaluatedProperties` keywords need it. Annotations of a
/// subschema reach their parent only when the subschema is valid.
struct Annotations {
    /// Items below this index were evaluated (by `prefixItems`).
    var evaluatedPrefix = 0
    /// Every item was evaluated (by `items` or `unevaluatedItems`).
    var allItemsEvaluated = false
    /// Items matched by `contains`.
    var containedItems: Set<Int> = []
    /// Properties evaluated by `properties`, `patternProperties`, `additionalProperties`
    /// or `unevaluatedProperties`.
    var evaluatedProperties: Set<ExactString> = []

    mutating func merge(_ other: Annotations) {
        evaluatedPrefix = max(evaluatedPrefix, other.evaluatedPrefix)
        allItemsEvaluated = allItemsEvaluated || other.allItemsEvaluated
        if !other.containedItems.isEmpty { containedItems.formUnion(other.containedItems) }
        if !other.evaluatedProperties.isEmpty { evaluatedProperties.formUnion(other.evaluatedProperties) }
    }

    func isItemEvaluated(_ index: Int) -> Bool {
        allItemsEvaluated || index < evaluatedPrefix || containedItems.contains(index)
    }
}
