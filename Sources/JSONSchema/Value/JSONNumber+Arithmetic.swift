extension JSONNumber {
    /// True when `self / divisor` is an integer, computed exactly on the decimal digits
    /// (so `0.0075` is a multiple of `0.0001`). A zero divisor never divides anything.
    package func isMultiple(of divisor: JSONNumber) -> Bool {
        if divisor.isZero { return false }
        if isZero { return true }
        // self = m1 * 10^e1, divisor = m2 * 10^e2, both significands without trailing zeros.
        // self / divisor = (m1 / m2) * 10^(e1 - e2). With a negative power, m1 would need trailing
        // zeros to stay integral, which a normalized significand has not.
        let shift = exponent - divisor.exponent
        if shift < 0 { return false }
        guard let modulus = UInt64(digitsOf: divisor.digits) else {
            return approximatelyMultiple(of: divisor)
        }
        if modulus == 1 { return true }
        let significandRemainder = JSONNumber.remainder(of: digits, modulo: modulus)
        let powerRemainder = JSONNumber.powerOfTen(shift, modulo: modulus)
        return JSONNumber.multiply(significandRemainder, powerRemainder, modulo: modulus) == 0
    }

    /// Fallback for divisors with more than 19 significant digits.
    private func approximatelyMultiple(of divisor: JSONNumber) -> Bool {
        let quotient = doubleValue / divisor.doubleValue
        guard quotient.isFinite else { return false }
        return quotient == quotient.rounded()
    }

    private static func remainder(of digits: [UInt8], modulo modulus: UInt64) -> UInt64 {
        var remainder: UInt64 = 0
        for digit in digits {
            remainder = add(multiply(remainder, 10 % modulus, modulo: modulus), UInt64(digit) % modulus, modulo: modulus)
        }
        return remainder
    }

    private static func powerOfTen(_ power: Int, modulo modulus: UInt64) -> UInt64 {
        var result: UInt64 = 1 % modulus
        var base: UInt64 = 10 % modulus
        var remaining = power
        while remaining > 0 {
            if remaining & 1 == 1 { result = multiply(result, base, modulo: modulus) }
            base = multiply(base, base, modulo: modulus)
            remaining >>= 1
        }
        return result
    }

    private static func multiply(_ lhs: UInt64, _ rhs: UInt64, modulo modulus: UInt64) -> UInt64 {
        let product = lhs.multipliedFullWidth(by: rhs)
        return modulus.dividingFullWidth((high: product.high, low: product.low)).remainder
    }

    private static func add(_ lhs: UInt64, _ rhs: UInt64, modulo modulus: UInt64) -> UInt64 {
        let (sum, overflow) = lhs.addingReportingOverflow(rhs)
        if overflow || sum >= modulus { return sum &- modulus }
        return sum
    }
}

extension UInt64 {
    /// The integer spelled by decimal digits, or nil when it does not fit.
    init?(digitsOf digits: [UInt8]) {
        var value: UInt64 = 0
        for digit in digits {
            let (product, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            let (sum, carry) = product.addingReportingOverflow(UInt64(digit))
            guard !carry else { return nil }
            value = sum
        }
        self = value
    }
}
