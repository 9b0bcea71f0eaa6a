/// What a sync run can report; the `on` input picks which of them notify.
package enum NotificationEvent: String, Sendable, CaseIterable, Comparable {
    /// A target failed, or validation blocked a rule.
    case failure
    /// A merge left conflict markers a human must resolve.
    case conflict
    /// Downstream files were edited outside the overrides folder.
    case drift
    /// Pull requests were opened or updated and nothing else needs attention.
    case success

    package static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Which events send a notification. Plain success is quiet unless asked for.
package struct NotificationPolicy: Sendable, Equatable {
    package static let standard = NotificationPolicy(events: [.failure, .conflict, .drift])

    package var events: Set<NotificationEvent>

    package init(events: Set<NotificationEvent>) {
        self.events = events
    }

    /// Parses `failure,conflict` (any case); `all` means every event.
    package init(parsing names: [String]) throws(NotificationPolicyError) {
        var events: Set<NotificationEvent> = []
        for name in names.map({ $0.lowercased() }) {
            if name == "all" {
                events.formUnion(NotificationEvent.allCases)
            } else if let event = NotificationEvent(rawValue: name) ?? (name == "failures" ? .failure : name == "conflicts" ? .conflict : nil) {
                events.insert(event)
            } else {
                throw NotificationPolicyError(name: name)
            }
        }
        self.events = events.isEmpty ? Self.standard.events : events
    }

    /// The events of a run that this policy notifies about, in a fixed order.
    package func triggers(_ runEvents: Set<NotificationEvent>) -> [NotificationEvent] {
        runEvents.intersection(events).sorted()
    }
}

package struct NotificationPolicyError: Error, Sendable, Equatable, CustomStringConvertible {
    package var name: String

    package init(name: String) {
        self.name = name
    }

    package var description: String {
        "'\(name)' is not a notification event; use any of \(NotificationEvent.allCases.map(\.rawValue).joined(separator: ", ")) (comma-separated), or all."
    }
}
