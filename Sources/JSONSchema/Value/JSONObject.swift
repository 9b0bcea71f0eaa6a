/// A JSON object that remembers the order its keys were inserted in.
///
/// Lookups go through a hash index; iteration, serialization and `keys` follow insertion order.
/// Setting an existing key replaces its value in place; removing a key drops it from the order.
package struct JSONObject: Sendable {
    package typealias Member = (key: String, value: JSONValue)

    /// Members in insertion order.
    package private(set) var members: [Member]
    private var positions: [ExactString: Int]

    package init() {
        members = []
        positions = [:]
    }

    /// Builds an object from members in order; a repeated key keeps its first position and last value.
    package init(_ members: some Sequence<(String, JSONValue)>) {
        self.init()
        for (key, value) in members { self[key] = value }
    }

    package var count: Int { members.count }
    package var isEmpty: Bool { members.isEmpty }
    package var keys: [String] { members.map(\.key) }

    package subscript(key: String) -> JSONValue? {
        get { positions[ExactString(key)].map { members[$0].value } }
        set {
            if let newValue {
                if let position = positions[ExactString(key)] {
                    members[position].value = newValue
                } else {
                    positions[ExactString(key)] = members.count
                    members.append((key, newValue))
                }
            } else if let position = positions.removeValue(forKey: ExactString(key)) {
                members.remove(at: position)
                for later in position..<members.count { positions[ExactString(members[later].key)] = later }
            }
        }
    }

    package func contains(key: String) -> Bool { positions[ExactString(key)] != nil }
}

extension JSONObject: Hashable {
    package static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return lhs.members.allSatisfy { rhs[$0.key] == $0.value }
    }

    package func hash(into hasher: inout Hasher) {
        // Order-independent: equal objects with different key orders hash alike.
        var combined = 0
        for member in members {
            var memberHasher = Hasher()
            memberHasher.combine(ExactString(member.key))
            memberHasher.combine(member.value)
            combined &+= memberHasher.finalize()
        }
        hasher.combine(count)
        hasher.combine(combined)
    }
}

extension JSONObject: Sequence {
    package func makeIterator() -> IndexingIterator<[Member]> {
        members.makeIterator()
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    package init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }
}
