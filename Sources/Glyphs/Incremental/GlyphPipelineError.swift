/// Why a glyph run could not finish: bad settings, unreadable sources, SVGs outside the subset,
/// or files that cannot be written.
package enum GlyphPipelineError: Error, CustomStringConvertible {
    case invalidSetting(String, [String])
    case unreadable(path: String, detail: String)
    case invalidSVG(SVGError)
    case encodingFailed(path: String, PNGError)
    case writeFailed(path: String, detail: String)
    case corruptManifest(path: String, detail: String)
    case nameCollision(name: String)

    package var description: String {
        switch self {
        case .invalidSetting(let name, let values):
            "glyph \(name) [\(values.joined(separator: ", "))] are invalid; sizes must be 1...4096 and scales 1...4, at least one each"
        case .unreadable(let path, let detail):
            "\(path): cannot be read (\(detail)); check the file exists and is UTF-8"
        case .invalidSVG(let error):
            error.description
        case .encodingFailed(let path, let error):
            "\(path): \(error.description)"
        case .writeFailed(let path, let detail):
            "\(path): cannot be written (\(detail)); check the folder exists and is writable"
        case .corruptManifest(let path, let detail):
            "\(path): the glyph manifest is not valid (\(detail)); delete it to render every glyph again"
        case .nameCollision(let name):
            "two glyph sources are named '\(name)'; rename the hand-made SVG or the agent/module so each glyph has its own files"
        }
    }
}
