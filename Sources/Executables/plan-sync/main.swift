import Steps

@main
enum PlanSync {
    static func main() async {
        await StepLauncher.main(PlanSyncStep.self)
    }
}
