import Steps

@main
enum ValidateSecrets {
    static func main() async {
        await StepLauncher.main(ValidateSecretsStep.self)
    }
}
