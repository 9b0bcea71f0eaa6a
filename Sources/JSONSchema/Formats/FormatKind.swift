/// The `format` values this validator can assert when format assertion is switched on.
/// Other format names stay annotations (never fail), as the specification allows.
enum FormatKind: String, Sendable, CaseIterable {
    case dateTime = "date-time"
    case date
    case time
    case duration
    case email
    case hostname
    case ipv4
    case ipv6
    case uri
    case uriReference = "uri-reference"
    case uuid
    case jsonPointer = "json-pointer"
    case relativeJSONPointer = "relative-json-pointer"
    case regex

    /// True when `string` is a valid value of this format; non-strings are never checked.
    func accepts(_ string: String) -> Bool {
        switch self {
        case .dateTime: DateTimeFormats.isDateTime(string)
        case .date: DateTimeFormats.isFullDate(Substring(string))
        case .time: DateTimeFormats.isFullTime(Substring(string))
        case .duration: DateTimeFormats.isDuration(string)
        case .email: NetworkFormats.isEmail(string)
        case .hostname: NetworkFormats.isHostname(Substring(string))
        case .ipv4: NetworkFormats.isIPv4(Substring(string))
        case .ipv6: NetworkFormats.isIPv6(string)
        case .uri: NetworkFormats.isURI(string, requiringScheme: true)
        case .uriReference: NetworkFormats.isURI(string, requiringScheme: false)
        case .uuid: NetworkFormats.isUUID(string)
        case .jsonPointer: JSONPointer(parsing: string) != nil
        case .relativeJSONPointer: Self.isRelativeJSONPointer(string)
        case .regex: (try? RegexPattern(ecmaScript: string)) != nil
        }
    }

    /// A non-negative integer without leading zeros, then "#" or a JSON pointer.
    private static func isRelativeJSONPointer(_ string: String) -> Bool {
        let digits = string.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits == "0" || !digits.hasPrefix("0") else { return false }
        let rest = string.dropFirst(digits.count)
        return rest == "#" || JSONPointer(parsing: String(rest)) != nil
    }
}
