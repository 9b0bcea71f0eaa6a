import ActionsRuntime
import Foundation

/// Checks, before a step acts, that everywhere it will write can be written: the runner's
/// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files and every output-location input. A step that
/// would open pull requests and then fail to report them stops here instead, naming the variable
/// or input and the path.
enum OutputPreflight {
    static func problems(_ definition: StepDefinition, context: StepContext) -> [String] {
        var problems: [String] = []
        for variable in ["GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY", "GITHUB_ENV", "GITHUB_STATE"] {
            guard let path = context.environment[variable], !path.isEmpty else { continue }
            if let problem = appendProblem(URL(fileURLWithPath: path)) {
                problems.append("\(variable) names \(path), which cannot be written: \(problem)")
            }
        }
        // Outputs without a path of their own go to the step's scratch folder (RUNNER_TEMP/flash-sync).
        if definition.inputs.contains(where: \.isOutputLocation), let problem = locationProblem(context.scratchDirectory) {
            problems.append("the step's folder for its files, \(context.scratchDirectory.path) (from RUNNER_TEMP), cannot be written: \(problem)")
        }
        let inputs = StepInputs(definition: definition, environment: context.environment, flags: context.flagInputs)
        for input in definition.inputs where input.isOutputLocation {
            guard let value = try? inputs.optionalString(input.name) else { continue }
            let url = context.url(forPath: value)
            if let problem = locationProblem(url) {
                problems.append("input \(input.name) names \(url.path), which cannot be written: \(problem)")
            }
        }
        return problems
    }

    /// Whether a file can be appended to (created when missing, as the runner's files are).
    private static func appendProblem(_ url: URL) -> String? {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return "it is a folder" }
            return FileManager.default.isWritableFile(atPath: url.path) ? nil : "permission denied"
        }
        return locationProblem(url)
    }

    /// Whether a file or folder could be created at `url`: the nearest existing ancestor must be
    /// a writable folder.
    private static func locationProblem(_ url: URL) -> String? {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            return FileManager.default.isWritableFile(atPath: url.path) ? nil : "permission denied"
        }
        var ancestor = url.deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: ancestor.path, isDirectory: &isDirectory), ancestor.path != "/" {
            ancestor.deleteLastPathComponent()
        }
        guard isDirectory.boolValue else { return "\(ancestor.path) is a file, not a folder" }
        return FileManager.default.isWritableFile(atPath: ancestor.path) ? nil : "\(ancestor.path) is not writable"
    }
}
