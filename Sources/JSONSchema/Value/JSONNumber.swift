/// An exact decimal number as written in JSON: `significand × 10^exponent`.
///
/// The significand is kept as decimal digits with no leading or trailing zeros, so two numbers
/// are equal exactly when their values are equal (`1`, `1.0` and `10e-1` are the same number)
/// and no precision is lost for big integers or decimals such as `0.0075`.
package struct JSONNumber: Sendable, Hashable {
    /// True for values below zero; zero is never negative.
    package let isNegative: Bool
    /// Decimal digits (each 0...9) of the significand, most significant first.
    /// Empty for zero; never starts or ends with 0.
    package let digits: [UInt8]
    /// Power of ten the significand is multiplied by.
    package let exponent: Int

    /// Builds a number from raw digits, normalizing leading and trailing zeros.
    package init(isNegative: Bool, digits: [UInt8], exponent: Int) {
        var start = 0
        while start < digits.count, digits[start] == 0 { start += 1 }
        var end = digits.count
        while end > start, digits[end - 1] == 0 { end -= 1 }
        let trimmed = Array(digits[start..<end])
        self.digits = trimmed
        self.isNegative = trimmed.isEmpty ? false : isNegative
        self.exponent = trimmed.isEmpty ? 0 : exponent + (digits.count - end)
    }

    package init(_ value: Int) {
        let magnitude = value.magnitude
        self.init(isNegative: value < 0, digits: String(magnitude).utf8.map { $0 - UInt8(ascii: "0") }, exponent: 0)
    }

    /// Builds a number from a finite `Double`, using its shortest round-trip decimal form.
    /// Returns nil for NaN and infinities, which JSON cannot represent.
    package init?(_ value: Double) {
        guard value.isFinite else { return nil }
        self.init(literal: "\(value)")
    }

    /// Parses a JSON number literal (`-12.5e3`); returns nil when the text is not one.
    package init?(literal: String) {
        guard let parsed = JSONNumberScanner.scan(Array(literal.utf8), from: 0),
              parsed.end == literal.utf8.count else { return nil }
        self = parsed.number
    }

    package static let zero = JSONNumber(isNegative: false, digits: [], exponent: 0)

    package var isZero: Bool { digits.isEmpty }

    /// True when the value has no fractional part (`1.0` and `1e3` are integers).
    package var isInteger: Bool { exponent >= 0 }

    /// The nearest `Double` (may be infinite for huge values).
    package var doubleValue: Double {
        Double(text) ?? .nan
    }

    /// The value as `Int` when it is an integer that fits.
    package var intValue: Int? {
        guard isInteger, digits.count + exponent <= 19 else { return nil }
        var result = 0
        for digit in digits {
            let (product, overflow) = result.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            result = product + Int(digit)
        }
        for _ in 0..<exponent {
            let (product, overflow) = result.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            result = product
        }
        return isNegative ? -result : result
    }

    /// Position of the most significant digit: the value's magnitude lies in [10^(n-1), 10^n).
    var magnitudeOrder: Int { digits.count + exponent }
}

extension JSONNumber: Comparable {
    package static func < (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        if lhs.isNegative != rhs.isNegative { return lhs.isNegative }
        let magnitudeOrder = compareMagnitudes(lhs, rhs)
        return lhs.isNegative ? magnitudeOrder > 0 : magnitudeOrder < 0
    }

    /// -1, 0 or 1 as |lhs| is below, equal to or above |rhs|.
    static func compareMagnitudes(_ lhs: JSONNumber, _ rhs: JSONNumber) -> Int {
        if lhs.isZero || rhs.isZero {
            return lhs.isZero == rhs.isZero ? 0 : (lhs.isZero ? -1 : 1)
        }
        if lhs.magnitudeOrder != rhs.magnitudeOrder {
            return lhs.magnitudeOrder < rhs.magnitudeOrder ? -1 : 1
        }
        let length = max(lhs.digits.count, rhs.digits.count)
        for position in 0..<length {
            let left = position < lhs.digits.count ? lhs.digits[position] : 0
            let right = position < rhs.digits.count ? rhs.digits[position] : 0
            if left != right { return left < right ? -1 : 1 }
        }
        return 0
    }
}

extension JSONNumber: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral {
    package init(integerLiteral value: Int) { self.init(value) }
    package init(floatLiteral value: Double) {
        self = JSONNumber(value) ?? .zero
    }
}
