import SyncCore
/// The plan travels between jobs as an artifact: whoever reads it checks it as input, never
/// trusting that plan-sync wrote it. Every target must be a repository name, every branch a git
/// branch name, every destination and orphan a repository path inside its rule's folder and
/// outside the namespace's own folders, and every content reference a SHA-256.
extension Plan {
    /// What is wrong with the plan, one line each naming the target, rule and entry; empty when
    /// nothing is.
    package func problems() -> [String] {
        var problems: [String] = []
        if let problem = SyncSettings.namespaceProblem(namespace) { problems.append("namespace '\(namespace)': \(problem)") }
        if let problem = GitRefName.versionProblem(version) { problems.append("version \(version.debugDescription): \(problem)") }
        if !RepositoryNames.isValid(sourceRepository) { problems.append("source repository \(sourceRepository.debugDescription) is not a repository name") }
        let layout = SyncLayout(namespace: namespace, sourceRoot: sourceRoot)
        var seen: [String: String] = [:]
        for target in targets {
            let repository = target.repository
            guard RepositoryNames.isValid(repository) else {
                problems.append("target \(repository.debugDescription) is not a repository name (owner/name)")
                continue
            }
            if let earlier = seen[repository.lowercased()] {
                problems.append("targets \(earlier) and \(repository) are one repository (GitHub names are not case-sensitive)")
            }
            seen[repository.lowercased()] = repository
            for rule in target.rules {
                let place = "\(repository), rule \(rule.ruleID.debugDescription)"
                if !SyncRule.isValidID(rule.ruleID) {
                    problems.append("\(place): the rule id is not one a rule file can have")
                }
                if let problem = GitRefName.problem(rule.branch) ?? GitRefName.syncBranchProblem(rule.branch, base: rule.targetBranch) {
                    problems.append("\(place): branch \(rule.branch.debugDescription): \(problem)")
                }
                for label in rule.labels where label.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format }) {
                    problems.append("\(place): label \(label.debugDescription) holds a control character")
                }
                if let branch = rule.targetBranch, let problem = GitRefName.problem(branch) {
                    problems.append("\(place): target branch \(branch.debugDescription): \(problem)")
                }
                guard let folder = rule.targetPath else {
                    problems.append("\(place): the rule has no target_path")
                    continue
                }
                if !folder.isEmpty, RepositoryPath.problem(String(folder.dropLast())) != nil || !folder.hasSuffix("/") {
                    problems.append("\(place): target_path \(folder.debugDescription) is not a folder of the repository")
                }
                for file in rule.files {
                    if let problem = RepositoryPath.problem(file.source) {
                        problems.append("\(place): source \(file.source.debugDescription): \(problem)")
                    }
                    if let problem = layout.destinationProblem(file.destination, targetFolder: folder) {
                        problems.append("\(place): destination \(file.destination.debugDescription): \(problem)")
                    }
                    if !Checksum.isSHA256Hex(file.sha256) {
                        problems.append("\(place): destination \(file.destination.debugDescription) names content \(file.sha256.debugDescription), which is not a SHA-256")
                    }
                    if let source = file.sourceSHA256, !Checksum.isSHA256Hex(source) {
                        problems.append("\(place): destination \(file.destination.debugDescription) names its upstream file's checksum \(source.debugDescription), which is not a SHA-256")
                    }
                }
                for orphan in rule.orphans {
                    if let problem = layout.destinationProblem(orphan, targetFolder: folder) {
                        problems.append("\(place): orphan \(orphan.debugDescription): \(problem)")
                    }
                }
                let destinations = rule.files.map { $0.destination.lowercased() }
                if Set(destinations).count != destinations.count {
                    problems.append("\(place): two files have the same destination")
                }
            }
        }
        return problems
    }
}
