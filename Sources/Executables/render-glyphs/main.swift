import Steps

@main
enum RenderGlyphs {
    static func main() async {
        await StepLauncher.main(RenderGlyphsStep.self)
    }
}
