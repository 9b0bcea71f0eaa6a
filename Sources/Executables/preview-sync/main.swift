import Steps

@main
enum PreviewSync {
    static func main() async {
        await StepLauncher.main(PreviewSyncStep.self)
    }
}
