import Steps

@main
enum GovernanceAudit {
    static func main() async {
        await StepLauncher.main(GovernanceAuditStep.self)
    }
}
