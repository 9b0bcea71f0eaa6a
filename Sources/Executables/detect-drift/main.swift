import Steps

@main
enum DetectDrift {
    static func main() async {
        await StepLauncher.main(DetectDriftStep.self)
    }
}
