import Steps

@main
enum ValidateSync {
    static func main() async {
        await StepLauncher.main(ValidateSyncStep.self)
    }
}
