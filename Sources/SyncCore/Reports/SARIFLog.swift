/// A SARIF 2.1.0 log as GitHub code scanning reads it: one run per tool, each result with a
/// rule id, a message and a physical location (file and line). Only the parts flash-sync emits
/// are modelled; every property name is the one the SARIF 2.1.0 schema defines.
package struct SARIFLog: Sendable, Equatable, Encodable {
    package static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    package var version = "2.1.0"
    package var schema = SARIFLog.schemaURI
    package var runs: [SARIFRun]

    package init(runs: [SARIFRun]) {
        self.runs = runs
    }

    enum CodingKeys: String, CodingKey {
        case version, schema = "$schema", runs
    }
}

/// One tool's run: the tool with its rules, and the results it found.
package struct SARIFRun: Sendable, Equatable, Encodable {
    package var tool: SARIFTool
    package var results: [SARIFResult]
    /// Where relative artifact URIs are rooted: `%SRCROOT%` is the repository checkout.
    package var originalUriBaseIds: [String: SARIFArtifactLocation]?

    package init(tool: SARIFTool, results: [SARIFResult], sourceRootDescription: String? = "The repository root.") {
        self.tool = tool
        self.results = results
        originalUriBaseIds = sourceRootDescription.map {
            [SARIFArtifactLocation.sourceRoot: SARIFArtifactLocation(description: SARIFMessage($0))]
        }
    }
}

package struct SARIFTool: Sendable, Equatable, Encodable {
    package var driver: SARIFToolComponent

    package init(driver: SARIFToolComponent) {
        self.driver = driver
    }
}

/// The analysis tool (`tool.driver`): its name, version and the rules its results refer to.
package struct SARIFToolComponent: Sendable, Equatable, Encodable {
    package var name: String
    package var version: String?
    package var informationUri: String?
    package var rules: [SARIFReportingDescriptor]

    package init(name: String, version: String? = nil, informationUri: String? = nil, rules: [SARIFReportingDescriptor]) {
        self.name = name
        self.version = version
        self.informationUri = informationUri
        self.rules = rules
    }
}

/// A rule (`reportingDescriptor`): code scanning shows `shortDescription` as the alert title,
/// `help` as the rule help and links `helpUri`.
package struct SARIFReportingDescriptor: Sendable, Equatable, Encodable {
    package var id: String
    package var name: String?
    package var shortDescription: SARIFMessage?
    package var fullDescription: SARIFMessage?
    package var helpUri: String?
    package var help: SARIFMessage?
    package var defaultConfiguration: SARIFConfiguration?
    package var properties: SARIFProperties?

    package init(
        id: String, name: String? = nil, shortDescription: String? = nil, fullDescription: String? = nil,
        helpUri: String? = nil, help: SARIFMessage? = nil, level: SARIFLevel? = nil, tags: [String] = []
    ) {
        self.id = id
        self.name = name
        self.shortDescription = shortDescription.map { SARIFMessage($0) }
        self.fullDescription = fullDescription.map { SARIFMessage($0) }
        self.helpUri = helpUri
        self.help = help
        defaultConfiguration = level.map { SARIFConfiguration(level: $0) }
        properties = tags.isEmpty ? nil : SARIFProperties(tags: tags)
    }
}

package struct SARIFConfiguration: Sendable, Equatable, Encodable {
    package var level: SARIFLevel
}

package struct SARIFProperties: Sendable, Equatable, Encodable {
    package var tags: [String]
}

/// `result.level` and `defaultConfiguration.level`.
package enum SARIFLevel: String, Sendable, Equatable, Encodable, CaseIterable {
    case none, note, warning, error
}

/// A `message` (or `multiformatMessageString`): plain text, optionally Markdown too.
package struct SARIFMessage: Sendable, Equatable, Encodable {
    package var text: String
    package var markdown: String?

    package init(_ text: String, markdown: String? = nil) {
        self.text = text
        self.markdown = markdown
    }
}
