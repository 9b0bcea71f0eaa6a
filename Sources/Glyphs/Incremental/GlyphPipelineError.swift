import Diagnostics

/// Why a glyph run could not finish: bad settings, unreadable sources, SVGs outside the subset,
/// or files that cannot be written.
package enum GlyphPipelineError: Error, CustomStringConvertible {
    case invalidSetting(String, [String])
    case unreadable(path: String, detail: String)
    case invalidGlyphName(path: String, GlyphIdentityError)
    case invalidSVG(SVGError)
    case encodingFailed(path: String, PNGError)
    case writeFailed(path: String, detail: String)
    case corruptManifest(path: String, detail: String)
    /// Two sources would write the same files; `paths` names them (agent/module files or a hand-made SVG).
    case nameCollision(name: String, paths: [String])
    /// An agent or module is named like a hand-made SVG already in the glyph folder.
    case handMadeCollision(name: String, svgPath: String)

    package var description: String {
        switch self {
        case .invalidSetting(let name, let values):
            "glyph \(name) [\(values.joined(separator: ", "))] are invalid; sizes must be 1...4096 and scales 1...4, at least one each"
        case .unreadable(let path, let detail):
            "\(path): cannot be read (\(detail)); check the file exists and is UTF-8"
        case .invalidGlyphName(let path, let error):
            "\(path): \(error.description); rename the file"
        case .invalidSVG(let error):
            error.description
        case .encodingFailed(let path, let error):
            "\(path): \(error.description)"
        case .writeFailed(let path, let detail):
            "\(path): cannot be written (\(detail)); check the folder exists and is writable"
        case .corruptManifest(let path, let detail):
            "\(path): the glyph manifest is not valid (\(detail)); delete it to render every glyph again"
        case .nameCollision(let name, let paths):
            "two glyph sources are named '\(name)'" + (paths.isEmpty ? "" : " (\(paths.joined(separator: " and ")))")
                + "; rename one of them so each glyph has its own files"
        case .handMadeCollision(let name, let svgPath):
            "\(svgPath): this hand-made glyph has the name of an agent or module ('\(name)'); "
                + "rename the SVG or the agent/module so each glyph has its own files"
        }
    }

    /// The file the error points into and, when known, the 1-based line.
    package var location: FileLocation? {
        switch self {
        case .invalidSetting: nil
        case .invalidSVG(let error): error.location
        case .unreadable(let path, _), .encodingFailed(let path, _), .writeFailed(let path, _), .corruptManifest(let path, _):
            FileLocation(file: path)
        case .invalidGlyphName(let path, _): FileLocation(file: path, line: 1)
        case .nameCollision(_, let paths): paths.first.map { FileLocation(file: $0, line: 1) }
        case .handMadeCollision(_, let svgPath): FileLocation(file: svgPath, line: 1)
        }
    }
}
