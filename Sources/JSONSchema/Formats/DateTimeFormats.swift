/// RFC 3339 date/time and ISO 8601 duration checks for `format` assertion.
enum DateTimeFormats {
    static func isDateTime(_ string: String) -> Bool {
        guard let separator = string.firstIndex(where: { $0 == "T" || $0 == "t" }) else { return false }
        return isFullDate(string[..<separator]) && isFullTime(string[string.index(after: separator)...])
    }

    /// `YYYY-MM-DD` with a day that exists in that month (leap years included).
    static func isFullDate(_ text: Substring) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = asciiNumber(parts[0]), let month = asciiNumber(parts[1]), let day = asciiNumber(parts[2]),
              (1...12).contains(month), day >= 1 else { return false }
        let isLeapYear = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let monthLengths = [31, isLeapYear ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= monthLengths[month - 1]
    }

    /// `HH:MM:SS[.fraction](Z|±HH:MM)`; second 60 only where the UTC time is 23:59.
    static func isFullTime(_ text: Substring) -> Bool {
        let offsetStart = text.firstIndex { $0 == "Z" || $0 == "z" || $0 == "+" || $0 == "-" }
        guard let offsetStart else { return false }
        var clock = text[..<offsetStart]
        let offset = text[offsetStart...]
        if let dot = clock.firstIndex(of: ".") {
            let fraction = clock[clock.index(after: dot)...]
            guard !fraction.isEmpty, asciiNumber(fraction) != nil else { return false }
            clock = clock[..<dot]
        }
        let fields = clock.split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count == 3, fields.allSatisfy({ $0.count == 2 }),
              let hour = asciiNumber(fields[0]), let minute = asciiNumber(fields[1]), let second = asciiNumber(fields[2]),
              hour <= 23, minute <= 59, second <= 60 else { return false }
        var offsetMinutes = 0
        if offset.count > 1 {
            let offsetFields = offset.dropFirst().split(separator: ":", omittingEmptySubsequences: false)
            guard offsetFields.count == 2, offsetFields.allSatisfy({ $0.count == 2 }),
                  let offsetHour = asciiNumber(offsetFields[0]), let offsetMinute = asciiNumber(offsetFields[1]),
                  offsetHour <= 23, offsetMinute <= 59 else { return false }
            offsetMinutes = (offsetHour * 60 + offsetMinute) * (offset.first == "-" ? -1 : 1)
        } else if offset.first != "Z" && offset.first != "z" {
            return false
        }
        if second == 60 {
            let utcMinutes = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440
            return utcMinutes == 23 * 60 + 59
        }
        return true
    }

    /// ISO 8601 duration as in RFC 3339 appendix A: `P[nY][nM][nD][T[nH][nM][nS]]` or `PnW`.
    static func isDuration(_ string: String) -> Bool {
        guard string.hasPrefix("P") else { return false }
        var rest = string.dropFirst()
        if rest.hasSuffix("W") {
            return asciiNumber(rest.dropLast()) != nil
        }
        var components = 0
        for (section, designators) in [(false, Array("YMD")), (true, Array("HMS"))] {
            if section {
                guard rest.first == "T" else { break }
                rest = rest.dropFirst()
                let before = components
                components += consumeComponents(&rest, designators: designators)
                if components == before { return false }
            } else {
                components += consumeComponents(&rest, designators: designators)
            }
        }
        return rest.isEmpty && components > 0
    }

    /// Reads `n<designator>` pairs in the given order; returns how many were read.
    private static func consumeComponents(_ rest: inout Substring, designators: [Character]) -> Int {
        var count = 0
        var remaining = designators[...]
        while true {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, let designator = rest.dropFirst(digits.count).first,
                  let position = remaining.firstIndex(of: designator) else { return count }
            rest = rest.dropFirst(digits.count + 1)
            remaining = remaining[remaining.index(after: position)...]
            count += 1
        }
    }

    static func asciiNumber(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 9, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }
}
