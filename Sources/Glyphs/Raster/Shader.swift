/// A premultiplied colour with channels in 0...1.
package struct PremultipliedColor: Sendable, Equatable {
    package var r: Float, g: Float, b: Float, a: Float

    package init(r: Float, g: Float, b: Float, a: Float) {
        self.r = r
        self.g = g
        self.b = b
        self.a = a
    }

    /// Premultiplies a straight 8-bit colour and an extra opacity.
    package init(_ color: RGBAColor, opacity: Double = 1) {
        let alpha = Float(Double(color.alpha) / 255 * opacity)
        self.init(r: Float(color.red) / 255 * alpha, g: Float(color.green) / 255 * alpha,
                  b: Float(color.blue) / 255 * alpha, a: alpha)
    }
}

/// What colour each device pixel gets before coverage is applied.
package enum Shader: Sendable {
    case solid(PremultipliedColor)
    case linear(LinearShader)

    @inline(__always)
    func color(x: Int, y: Int) -> PremultipliedColor {
        switch self {
        case .solid(let color): color
        case .linear(let shader): shader.color(x: x, y: y)
        }
    }
}

/// A linear gradient resolved to device space: the pixel centre is mapped back into gradient
/// space, projected on the gradient vector, spread, and looked up between the stops, which are
/// interpolated in straight colour and then premultiplied.
package struct LinearShader: Sendable {
    let deviceToGradient: AffineTransform
    let start: Point
    let vector: Point
    let vectorLengthSquared: Double
    let stops: [GradientStop]
    let spread: SpreadMethod
    let opacity: Double

    package init?(start: Point, end: Point, gradientToDevice: AffineTransform, stops: [GradientStop],
                  spread: SpreadMethod, opacity: Double) {
        guard let inverse = gradientToDevice.inverted, !stops.isEmpty else { return nil }
        self.deviceToGradient = inverse
        self.start = start
        self.vector = end - start
        self.vectorLengthSquared = vector.dot(vector)
        self.stops = stops
        self.spread = spread
        self.opacity = opacity
    }

    func color(x: Int, y: Int) -> PremultipliedColor {
        let point = deviceToGradient.apply(Point(Double(x) + 0.5, Double(y) + 0.5))
        let t = vectorLengthSquared > 0 ? spread.apply((point - start).dot(vector) / vectorLengthSquared) : 1
        return Self.interpolate(stops, at: t, opacity: opacity)
    }

    static func interpolate(_ stops: [GradientStop], at t: Double, opacity: Double) -> PremultipliedColor {
        if t <= stops[0].offset { return PremultipliedColor(stops[0].color, opacity: opacity) }
        for index in 1..<stops.count where t < stops[index].offset {
            let lower = stops[index - 1].color, upper = stops[index].color
            let span = stops[index].offset - stops[index - 1].offset
            let f = span > 0 ? (t - stops[index - 1].offset) / span : 1
            func mix(_ a: UInt8, _ b: UInt8) -> Double { (Double(a) + (Double(b) - Double(a)) * f) / 255 }
            let alpha = mix(lower.alpha, upper.alpha) * opacity
            return PremultipliedColor(
                r: Float(mix(lower.red, upper.red) * alpha), g: Float(mix(lower.green, upper.green) * alpha),
                b: Float(mix(lower.blue, upper.blue) * alpha), a: Float(alpha))
        }
        return PremultipliedColor(stops[stops.count - 1].color, opacity: opacity)
    }
}

/// What a gradient does beyond its ends (`spreadMethod`).
package enum SpreadMethod: String, Sendable, CaseIterable {
    case pad, reflect, repeating = "repeat"

    func apply(_ t: Double) -> Double {
        switch self {
        case .pad:
            return min(max(t, 0), 1)
        case .repeating:
            return t - t.rounded(.down)
        case .reflect:
            let folded = abs(t).truncatingRemainder(dividingBy: 2)
            return folded > 1 ? 2 - folded : folded
        }
    }
}

/// One colour stop of a gradient; offsets are clamped and made non-decreasing when parsed.
package struct GradientStop: Sendable, Equatable {
    package var offset: Double
    package var color: RGBAColor

    package init(offset: Double, color: RGBAColor) {
        self.offset = offset
        self.color = color
    }
}
