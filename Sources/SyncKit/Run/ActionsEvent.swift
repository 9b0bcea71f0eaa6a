import Diagnostics
import Foundation

/// The event that started the workflow, decoded from `GITHUB_EVENT_PATH` for the events
/// flash-sync reacts to. Other events are kept by name with their raw payload.
package enum ActionsEvent: Sendable, Equatable {
    case push(PushEvent)
    case release(ReleaseEvent)
    case workflowDispatch(WorkflowDispatchEvent)
    case schedule(ScheduleEvent)
    case pullRequest(PullRequestEvent)
    case other(name: String)

    package var name: String {
        switch self {
        case .push: "push"
        case .release: "release"
        case .workflowDispatch: "workflow_dispatch"
        case .schedule: "schedule"
        case .pullRequest: "pull_request"
        case .other(let name): name
        }
    }

    /// Decodes the payload of the event named `name`. An empty name means no event (local runs).
    package static func decode(name: String, payload: Data?) throws(EventError) -> ActionsEvent {
        let data = payload ?? Data("{}".utf8)
        do {
            switch name {
            case "push": return .push(try JSONDecoder().decode(PushEvent.self, from: data))
            case "release": return .release(try JSONDecoder().decode(ReleaseEvent.self, from: data))
            case "workflow_dispatch":
                return .workflowDispatch(try JSONDecoder().decode(WorkflowDispatchEvent.self, from: data))
            case "schedule": return .schedule(try JSONDecoder().decode(ScheduleEvent.self, from: data))
            case "pull_request", "pull_request_target": return .pullRequest(try JSONDecoder().decode(PullRequestEvent.self, from: data))
            default: return .other(name: name)
            }
        } catch {
            throw .undecodable(event: name, reason: Self.describe(error))
        }
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "missing key '\((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "\(context.debugDescription) at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        case DecodingError.dataCorrupted(let context):
            return "not valid JSON (\(context.debugDescription))"
        default:
            return "\(error)"
        }
    }
}

package enum EventError: Error, Equatable, CustomStringConvertible {
    case undecodable(event: String, reason: String)
    case unreadable(path: String, reason: String)

    package var description: String {
        switch self {
        case .undecodable(let event, let reason):
            "The \(event) event payload (GITHUB_EVENT_PATH) cannot be read: \(reason)."
        case .unreadable(let path, let reason):
            "Cannot read the event payload at \(path): \(reason)."
        }
    }
}

extension EventError: DiagnosticConvertible {
    /// An event payload that cannot be read is a configuration error: exit 2.
    package var diagnostics: [Diagnostic] { [.configuration(description)] }
}
