import Foundation

/// Third-party conformance data, installed from the package registries by `scripts/test` into
/// `.cache/conformance/` (ignored by git), never copied into the repository.
package enum ConformanceData {
    /// The pinned `jsonschema` source distribution that ships the JSON-Schema-Test-Suite
    /// (`json/tests/`, `json/remotes/`). scripts/test pins the same version.
    package static let jsonschemaVersion = "4.26.0"

    /// The pinned `datamodel-code-generator` source distribution that ships GitHub's public
    /// GraphQL schema (`tests/data/graphql/github-api.graphql`, a snapshot of about 2023: it has
    /// `createCommitOnBranch` and merge queues, not issue types). scripts/test pins the same version.
    package static let githubGraphQLSchemaVersion = "0.97.0"

    /// The cache folder scripts/test fills.
    package static let cache = RepositoryFiles.url(".cache/conformance")

    /// The command that installs the data, named in every error about it.
    package static let installCommand = "run scripts/test (it installs the test peers in .venv-ci and fetches the conformance data into .cache/conformance)"

    /// The JSON-Schema-Test-Suite folder (holding `tests/draft2020-12/` and `remotes/`).
    package static var jsonSchemaTestSuite: URL {
        cache.appendingPathComponent("jsonschema-\(jsonschemaVersion)/json")
    }

    /// GitHub's public GraphQL schema (SDL), as scripts/test stores it.
    package static var githubGraphQLSchema: URL {
        cache.appendingPathComponent("github-graphql-\(githubGraphQLSchemaVersion)/schema.graphql")
    }

    /// A file or folder of the test suite; throws `FixtureError.missing` naming it and the fix.
    package static func jsonSchemaTestSuite(_ relative: String) throws -> URL {
        let url = jsonSchemaTestSuite.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw FixtureError.missing(url.path, fix: installCommand)
        }
        return url
    }
}
