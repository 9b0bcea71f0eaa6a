/// A drawing surface of premultiplied RGBA in floating point (0...1), composited with source-over.
package struct Canvas: Sendable {
    package let width: Int
    package let height: Int
    package var pixels: [Float]

    package init(width: Int, height: Int) {
        self.width = width
        self.height = height
        self.pixels = [Float](repeating: 0, count: width * height * 4)
    }

    /// Paints `shader` through the mask, scaled by `opacity`.
    package mutating func fill(_ mask: CoverageMask, with shader: Shader, opacity: Float) {
        switch shader {
        case .solid(let color):
            fill(mask, opacity: opacity) { _, _ in color }
        case .linear(let linear):
            fill(mask, opacity: opacity) { x, y in linear.color(x: x, y: y) }
        }
    }

    @inline(__always)
    private mutating func fill(_ mask: CoverageMask, opacity: Float, color: (Int, Int) -> PremultipliedColor) {
        let canvasWidth = width
        pixels.withUnsafeMutableBufferPointer { pixels in
            mask.coverage.withUnsafeBufferPointer { coverage in
                for row in 0..<mask.height {
                    let y = mask.originY + row
                    for column in 0..<mask.width {
                        let amount = coverage[row * mask.width + column] * opacity
                        if amount <= 0 { continue }
                        let x = mask.originX + column
                        let source = color(x, y)
                        let index = (y * canvasWidth + x) * 4
                        let keep = 1 - source.a * amount
                        pixels[index] = source.r * amount + pixels[index] * keep
                        pixels[index + 1] = source.g * amount + pixels[index + 1] * keep
                        pixels[index + 2] = source.b * amount + pixels[index + 2] * keep
                        pixels[index + 3] = source.a * amount + pixels[index + 3] * keep
                    }
                }
            }
        }
    }

    /// Composites another canvas of the same size on top of this one, scaled by `opacity`.
    package mutating func composite(_ layer: Canvas, opacity: Float) {
        precondition(layer.width == width && layer.height == height, "layers have the canvas size")
        pixels.withUnsafeMutableBufferPointer { pixels in
            layer.pixels.withUnsafeBufferPointer { source in
                var index = 0
                while index < pixels.count {
                    let alpha = source[index + 3] * opacity
                    if alpha > 0 {
                        let keep = 1 - alpha
                        pixels[index] = source[index] * opacity + pixels[index] * keep
                        pixels[index + 1] = source[index + 1] * opacity + pixels[index + 1] * keep
                        pixels[index + 2] = source[index + 2] * opacity + pixels[index + 2] * keep
                        pixels[index + 3] = alpha + pixels[index + 3] * keep
                    }
                    index += 4
                }
            }
        }
    }

    /// Quantizes to premultiplied 8 bits, then divides the alpha out, as PNG stores straight colour.
    package func makeImage() -> RGBAImage {
        var bytes = [UInt8](repeating: 0, count: width * height * 4)
        pixels.withUnsafeBufferPointer { pixels in
            bytes.withUnsafeMutableBufferPointer { bytes in
                var index = 0
                while index < pixels.count {
                    let alpha = Self.quantize(pixels[index + 3])
                    if alpha == 255 {
                        bytes[index] = UInt8(Self.quantize(pixels[index]))
                        bytes[index + 1] = UInt8(Self.quantize(pixels[index + 1]))
                        bytes[index + 2] = UInt8(Self.quantize(pixels[index + 2]))
                        bytes[index + 3] = 255
                    } else if alpha > 0 {
                        for channel in 0..<3 {
                            let premultiplied = min(Self.quantize(pixels[index + channel]), alpha)
                            bytes[index + channel] = UInt8((premultiplied * 255 + alpha / 2) / alpha)
                        }
                        bytes[index + 3] = UInt8(alpha)
                    }
                    index += 4
                }
            }
        }
        return RGBAImage(width: width, height: height, pixels: bytes)
    }

    private static func quantize(_ value: Float) -> Int {
        Int(min(max(value, 0), 1) * 255 + 0.5)
    }
}
