/// Why a PNG could not be written or read.
package enum PNGError: Error, Equatable, CustomStringConvertible {
    case emptyImage(width: Int, height: Int)
    case compressionFailed(code: Int32)
    case notPNG(source: String)
    case corruptChunk(source: String, chunk: String, detail: String)
    case unsupportedFormat(source: String, detail: String)

    package var description: String {
        switch self {
        case .emptyImage(let width, let height):
            "cannot encode a \(width)×\(height) image as PNG; width and height must be at least 1"
        case .compressionFailed(let code):
            "zlib failed with code \(code) while compressing image data; check that zlib1g is installed correctly"
        case .notPNG(let source):
            "\(source): not a PNG file (the 8-byte signature is missing); pass a .png file"
        case .corruptChunk(let source, let chunk, let detail):
            "\(source): chunk \(chunk) is corrupt: \(detail); re-export the image"
        case .unsupportedFormat(let source, let detail):
            "\(source): \(detail); this reader takes non-interlaced 8-bit grey, RGB, RGBA and palette images"
        }
    }
}
