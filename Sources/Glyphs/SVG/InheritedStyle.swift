/// The inherited presentation properties in force at an element.
struct InheritedStyle {
    var fill = PaintSpec.color(.black)
    var fillOpacity = 1.0
    var fillRule = FillRule.nonZero
    var stroke = PaintSpec.none
    var strokeWidth = 1.0
    var strokeOpacity = 1.0
    var lineJoin = LineJoin.miter
    var lineCap = LineCap.butt
    var miterLimit = 4.0
    var color = RGBAColor.black
}
