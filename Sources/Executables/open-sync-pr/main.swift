import Steps

@main
enum OpenSyncPR {
    static func main() async {
        await StepLauncher.main(OpenSyncPRStep.self)
    }
}
