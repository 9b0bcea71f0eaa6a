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
            // The runner's files are appended to, never replaced: /dev/null (quiet runs) is fine.
            guard path != "/dev/null" else { continue }
            if let problem = kindProblem(URL(fileURLWithPath: path), folder: false) ?? locationProblem(URL(fileURLWithPath: path)) {
                problems.append("\(variable) names \(path), which cannot be written: \(problem)")
            }
        }
        // Outputs without a path of their own go to the step's scratch folder (RUNNER_TEMP/flash-sync).
        if definition.inputs.contains(where: \.isOutputLocation), let problem = locationProblem(context.scratchDirectory) {
            problems.append("the step's folder for its files, \(context.scratchDirectory.path) (from RUNNER_TEMP), cannot be written: \(problem)")
        }
        let inputs = StepInputs(definition: definition, environment: context.environment, flags: context.flagInputs)
        for input in definition.inputs where input.isOutputLocation {
            guard let value = try? inputs.optionalString(input) else { continue }
            let url = context.url(forPath: value)
            // `…-dir` inputs name folders, the others files.
            if let problem = kindProblem(url, folder: input.name.hasSuffix("-dir")) ?? locationProblem(url) {
                problems.append("input \(input.name) names \(url.path), which cannot be written: \(problem)")
            }
        }
        return problems
    }

    /// What already stands at `url`, when it is not what the step writes there: a folder where a
    /// file goes, a file where a folder goes, or anything but a regular file (a device, a socket,
    /// a symbolic link), which a write would replace.
    private static func kindProblem(_ url: URL, folder: Bool) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path), let type = attributes[.type] as? FileAttributeType else { return nil }
        switch (type, folder) {
        case (.typeDirectory, true), (.typeRegular, false): return nil
        case (.typeDirectory, false): return "it is a folder, and a file is written there"
        case (.typeRegular, true): return "it is a file, and a folder is written there"
        case (.typeSymbolicLink, _): return "it is a symbolic link, which the write would replace"
        default: return "it is not a regular \(folder ? "folder" : "file") (a device or a socket), which the write would replace"
        }
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
