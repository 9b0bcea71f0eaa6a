import Steps

@main
enum NotifyCommand {
    static func main() async {
        await StepLauncher.main(NotifyStep.self)
    }
}
