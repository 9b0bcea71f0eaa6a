import ActionsRuntime
import Foundation
import Secrets
import SyncCore

/// Every secret the project knows, registered with every step's masker before the step runs,
/// whichever step it is: the names of the secrets specification (the repository's
/// `.github/flash-sync/secrets.yml`, or the file `FLASH_SYNC_SECRETS_SPEC` names, and the built-in
/// one), the tokens GitHub and the action use, and the notification channels' credentials. A step
/// that never declared a secret still masks it in its log, summary, outputs, files, forge
/// requests and replay records.
enum SecretRegistry {
    /// Variables that hold a secret whatever a specification says.
    static let builtInVariables: [String] = [
        "GITHUB_TOKEN", "GH_TOKEN", "FLASH_SYNC_TOKEN", "ACTIONS_RUNTIME_TOKEN", "ACTIONS_ID_TOKEN_REQUEST_TOKEN",
        "ENCRYPTION_KEY", "SLACK_WEBHOOK", "SLACK_WEBHOOK_URL", "SMTP_PASSWORD", "INPUT_SMTP-PASSWORD", "INPUT_TOKEN",
    ]

    static let defaultSpecPath = ".github/flash-sync/secrets.yml"

    /// The variable names, built-in and from the specification in the working directory.
    static func variableNames(_ context: StepContext, specInput: String? = nil) -> [String] {
        var names = builtInVariables + SecretsSpec.builtIn.entries.map(\.name)
        var paths = [defaultSpecPath]
        if let path = context.environment["FLASH_SYNC_SECRETS_SPEC"], !path.isEmpty { paths.append(path) }
        if let specInput, !specInput.isEmpty { paths.append(specInput) }
        for path in paths {
            // Read from inside the repository only; a file that cannot be read adds no name here
            // (validate-secrets reports it).
            guard let url = try? RepositoryInputs.url(path, input: ValidateSecretsStep.Input.secretsSpec.name, root: context.workingDirectory),
                  FileManager.default.fileExists(atPath: url.path),
                  let text = try? ConfigFile.read(url, shownAs: path),
                  let spec = try? SecretsSpec.parse(text, file: path)
            else { continue }
            names += spec.entries.map(\.name)
        }
        return Array(Set(names)).sorted()
    }

    /// Registers the value of every known secret variable set in the step's environment.
    static func register(_ session: StepSession) {
        let environment = session.context.environment
        // Only a step that declares the input (validate-secrets) reads it.
        let key = ValidateSecretsStep.Input.secretsSpec
        let specInput = session.definition.input(named: key.name) == nil ? nil : session.inputs.raw(key.spec)
        for name in variableNames(session.context, specInput: specInput?.trimmingCharacters(in: .whitespacesAndNewlines)) {
            guard let value = environment[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { continue }
            session.addSecret(value)
        }
    }
}
