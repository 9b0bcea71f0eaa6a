/// What an element says about itself beyond the inherited properties.
struct ElementStyle {
    var inherited: InheritedStyle
    var opacity = 1.0
    var transform = AffineTransform.identity
    var isDisplayed = true
    /// Attributes that are not presentation properties (geometry, gradient settings), by name.
    var attributes: [String: String] = [:]
}
