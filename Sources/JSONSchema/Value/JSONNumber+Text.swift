extension JSONNumber: CustomStringConvertible {
    /// Canonical JSON text: plain digits for integers with up to 21 trailing zeros and for decimals down
    /// to 1e-6, otherwise scientific notation (`1.5e+300`). Equal numbers print identically.
    package var text: String {
        if isZero { return "0" }
        var output = isNegative ? "-" : ""
        let characters = digits.map { Character(Unicode.Scalar($0 + UInt8(ascii: "0"))) }
        let order = magnitudeOrder
        if isInteger, exponent <= 21 {
            output.append(contentsOf: characters)
            output.append(String(repeating: "0", count: exponent))
        } else if !isInteger, order > -6 {
            if order <= 0 {
                output += "0." + String(repeating: "0", count: -order)
                output.append(contentsOf: characters)
            } else {
                output.append(contentsOf: characters[0..<order])
                output += "."
                output.append(contentsOf: characters[order...])
            }
        } else {
            output.append(characters[0])
            if characters.count > 1 {
                output += "."
                output.append(contentsOf: characters[1...])
            }
            let power = order - 1
            output += power < 0 ? "e-\(-power)" : "e+\(power)"
        }
        return output
    }

    package var description: String { text }
}
