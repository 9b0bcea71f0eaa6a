import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A URLSession delegate that follows no redirect: the 3xx answer comes back to the caller as
/// is. A webhook or API that redirects is answered with a clear error instead of being followed
/// (a redirect loop once cost 84 requests for one notification, and a redirect to another host
/// could carry a token or a webhook URL where it was never meant to go).
package final class RedirectRefusal: NSObject, URLSessionTaskDelegate, Sendable {
    package static let shared = RedirectRefusal()

    package func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }

    /// A session with this delegate and the given configuration.
    package static func session(_ configuration: URLSessionConfiguration) -> URLSession {
        URLSession(configuration: configuration, delegate: shared, delegateQueue: nil)
    }

    /// Whether an HTTP status is a redirect that was not followed.
    package static func isRedirect(_ status: Int) -> Bool {
        (300..<400).contains(status) && status != 304
    }
}
