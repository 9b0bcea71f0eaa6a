import ActionsRuntime

/// Every step flash-sync ships, in the order `action.yml` runs them.
///
/// The one registry the action manifest test, the docs test and anything else that needs
/// "all the steps" iterate: adding a step is one line here (then its entry in action.yml
/// and its section in docs/steps.md, which the tests ask for by name).
package enum StepCatalog {
    package static let all: [StepDefinition] = [
        ValidateSecretsStep.definition,
        GovernanceAuditStep.definition,
        RenderGlyphsStep.definition,
        PlanSyncStep.definition,
        ValidateSyncStep.definition,
        PreviewSyncStep.definition,
        OpenSyncPRStep.definition,
        NotifyStep.definition,
        DetectDriftStep.definition,
        RollbackSyncStep.definition,
    ]

    /// The definition of the step with this name, if flash-sync has one.
    package static func definition(named name: String) -> StepDefinition? {
        all.first { $0.name == name }
    }
}
