import Diagnostics


/// Why an SVG could not be read or is outside the subset the rasterizer draws.
package enum SVGError: Error, Equatable, CustomStringConvertible {
    case malformedXML(FileLocation, detail: String)
    case notSVG(FileLocation, foundElement: String)
    case unsupportedElement(FileLocation, element: String)
    case unsupportedAttribute(FileLocation, element: String, attribute: String)
    case unsupportedValue(FileLocation, element: String, attribute: String, value: String, reason: String)
    case invalidValue(FileLocation, element: String, attribute: String, value: String, expected: String)
    case missingReference(FileLocation, element: String, id: String)

    package var location: FileLocation {
        switch self {
        case .malformedXML(let location, _), .notSVG(let location, _), .unsupportedElement(let location, _),
             .unsupportedAttribute(let location, _, _), .unsupportedValue(let location, _, _, _, _),
             .invalidValue(let location, _, _, _, _), .missingReference(let location, _, _):
            location
        }
    }

    package var description: String {
        switch self {
        case .malformedXML(let location, let detail):
            "\(location): malformed XML: \(detail); fix the markup so the file is well-formed XML"
        case .notSVG(let location, let element):
            "\(location): the root element is <\(element)>, expected <svg>; glyph sources must be SVG documents"
        case .unsupportedElement(let location, let element):
            "\(location): <\(element)> is outside the supported SVG subset (svg, g, path, rect, circle, ellipse, "
                + "line, polyline, polygon, defs, linearGradient, stop, title, desc, metadata); "
                + "convert it to paths or remove it"
        case .unsupportedAttribute(let location, let element, let attribute):
            "\(location): attribute '\(attribute)' on <\(element)> is outside the supported SVG subset; "
                + "remove it or bake its effect into the shapes"
        case .unsupportedValue(let location, let element, let attribute, let value, let reason):
            "\(location): \(attribute)=\"\(value)\" on <\(element)> is not supported: \(reason)"
        case .invalidValue(let location, let element, let attribute, let value, let expected):
            "\(location): \(attribute)=\"\(value)\" on <\(element)> is invalid; expected \(expected)"
        case .missingReference(let location, let element, let id):
            "\(location): <\(element)> refers to '#\(id)', which is not a linearGradient in this file; "
                + "define it or fix the reference"
        }
    }
}
