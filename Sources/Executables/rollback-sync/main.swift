import Steps

@main
enum RollbackSync {
    static func main() async {
        await StepLauncher.main(RollbackSyncStep.self)
    }
}
