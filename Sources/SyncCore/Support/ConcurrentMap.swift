import Dispatch

extension Array where Element: Sendable {
    /// `map` spread over the machine's cores, results in input order.
    package func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let results = ResultSlots<T>(count: count)
        self.withUnsafeBufferPointer { elements in
            let input = UnsafeSendable(elements)
            DispatchQueue.concurrentPerform(iterations: count) { index in
                results.set(index, transform(input.value[index]))
            }
        }
        return results.values
    }
}

/// One slot per index, each written by exactly one iteration.
private final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: T) {
        slots.withUnsafeMutableBufferPointer { $0[index] = value }
    }

    var values: [T] { slots.map { $0! } }
}

private struct UnsafeSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
