import Testing
@testable import JSONSchema

@Suite("Exact decimal numbers")
struct JSONNumberTests {
    private func number(_ literal: String) throws -> JSONNumber {
        try #require(JSONNumber(literal: literal))
    }

    @Test("multipleOf is exact for decimals and big values", arguments: [
        ("0.0075", "0.0001", true),
        ("0.0075", "0.001", false),
        ("19.99", "0.01", true),
        ("4.5", "1.5", true),
        ("10", "3", false),
        ("1e308", "0.123456789", false),
        ("123456789012345678901234567890", "10", true),
        ("123456789012345678901234567891", "3", false),
        ("0", "7", true),
        ("-12", "4", true),
        ("1e-400", "1e-401", true),
        ("1e-401", "1e-400", false),
    ])
    func multipleOf(value: String, divisor: String, expected: Bool) throws {
        #expect(try number(value).isMultiple(of: number(divisor)) == expected)
    }

    @Test("equal values are equal whatever their spelling")
    func equality() throws {
        #expect(try number("1") == number("1.0"))
        #expect(try number("100") == number("1e2"))
        #expect(try number("-0") == number("0"))
        #expect(try number("0.5") == JSONNumber(0.5))
        #expect(try number("1") != number("1.0000000000000000001"))
    }

    @Test("ordering compares exact values", arguments: [
        ("-2", "-1"), ("0.1", "0.10000000000000000001"), ("1e399", "1e400"), ("-1e400", "-1e399"), ("0", "1e-400"), ("-1e-400", "0"),
    ])
    func ordering(smaller: String, larger: String) throws {
        #expect(try number(smaller) < number(larger))
        #expect(try !(number(larger) < number(smaller)))
    }

    @Test("conversions to Int and Double")
    func conversions() throws {
        #expect(try number("42.0").intValue == 42)
        #expect(try number("1.5").intValue == nil)
        #expect(try number("99999999999999999999").intValue == nil)
        #expect(try number("-9223372036854775807").intValue == -9_223_372_036_854_775_807)
        #expect(try number("2.5e-3").doubleValue == 0.0025)
        #expect(JSONNumber(Double.nan) == nil)
        #expect(JSONNumber(1e21).text == "1000000000000000000000")
        #expect(JSONNumber(1e22).text == "1e+22")
    }
}
