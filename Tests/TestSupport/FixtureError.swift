/// Why test data could not be had: which file, and the command that fixes it. Tests throw it
/// (never trap), so one missing fixture fails its own tests with this message and nothing else.
package enum FixtureError: Error, CustomStringConvertible, Equatable {
    /// A file or folder that is not there; `fix` is the command or step that brings it.
    case missing(String, fix: String)
    case unreadable(String, reason: String, fix: String)
    case malformed(String, reason: String)
    /// A table read from a file has fewer cases than it must, so it cannot pass by being empty.
    case tooFewCases(String, found: Int, expected: Int)
    /// A differential oracle (a Python package) could not run.
    case oracleUnavailable(String, reason: String, fix: String)

    package var description: String {
        switch self {
        case .missing(let path, let fix):
            "missing test data \(path): \(fix)"
        case .unreadable(let path, let reason, let fix):
            "cannot read test data \(path) (\(reason)): \(fix)"
        case .malformed(let path, let reason):
            "test data \(path) does not decode: \(reason)"
        case .tooFewCases(let path, let found, let expected):
            "test data \(path) has \(found) cases, at least \(expected) expected: the file is truncated or the wrong version"
        case .oracleUnavailable(let oracle, let reason, let fix):
            "the differential oracle \(oracle) cannot run (\(reason)): \(fix)"
        }
    }

    /// Throws `tooFewCases` unless `cases` has at least `minimum` elements.
    package static func requireCount<C: Collection>(_ cases: C, atLeast minimum: Int, in path: String) throws {
        guard cases.count >= minimum else { throw FixtureError.tooFewCases(path, found: cases.count, expected: minimum) }
    }
}
