/// The draft 2020-12 meta-schema and its seven vocabulary meta-schemas, written for this
/// package from the keyword definitions in the JSON Schema Core and Validation specifications
/// (draft 2020-12), at their official URIs. They are not downloaded copies: they constrain
/// each keyword's value as the specification text describes (types, non-negative integers,
/// non-empty schema arrays, unique strings, URI formats), and they omit the deprecated
/// compatibility keywords (`definitions`, `dependencies`, `$recursiveRef`,
/// `$recursiveAnchor`) that the published file also lists.
///
/// The compiler falls back to these documents when a `$ref` names one of these URIs and the
/// registry has no document there, so "is this a valid 2020-12 schema?" is one `$ref` away.
enum Draft202012MetaSchemas {
    static let baseURI = "https://json-schema.org/draft/2020-12/"

    static func document(at uri: String) -> JSONValue? {
        parsedDocuments[uri]
    }

    static let parsedDocuments: [String: JSONValue] = {
        var documents: [String: JSONValue] = [:]
        for (path, text) in sources {
            do {
                documents[baseURI + path] = try JSONParser.parse(text, sourceName: "meta-schema \(path)")
            } catch {
                preconditionFailure("built-in meta-schema \(path) is not valid JSON: \(error)")
            }
        }
        return documents
    }()

    /// A vocabulary meta-schema: the shared header, `properties`, and optional `$defs`.
    private static func vocabulary(_ name: String, properties: String, definitions: String? = nil) -> String {
        """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://json-schema.org/draft/2020-12/meta/\(name)",
          "$vocabulary": {
            "https://json-schema.org/draft/2020-12/vocab/\(name)": true
          },
          "$dynamicAnchor": "meta",
          "title": "\(name) vocabulary meta-schema",
          "type": ["object", "boolean"],
          "properties": \(properties)\(definitions.map { ",\n  \"$defs\": " + $0 } ?? "")
        }
        """
    }

    static let sources: [String: String] = [
        "schema": """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://json-schema.org/draft/2020-12/schema",
          "$vocabulary": {
            "https://json-schema.org/draft/2020-12/vocab/core": true,
            "https://json-schema.org/draft/2020-12/vocab/applicator": true,
            "https://json-schema.org/draft/2020-12/vocab/unevaluated": true,
            "https://json-schema.org/draft/2020-12/vocab/validation": true,
            "https://json-schema.org/draft/2020-12/vocab/meta-data": true,
            "https://json-schema.org/draft/2020-12/vocab/format-annotation": true,
            "https://json-schema.org/draft/2020-12/vocab/content": true
          },
          "$dynamicAnchor": "meta",
          "title": "draft 2020-12 meta-schema: a schema is an object or a boolean using these vocabularies",
          "type": ["object", "boolean"],
          "allOf": [
            {"$ref": "meta/core"},
            {"$ref": "meta/applicator"},
            {"$ref": "meta/unevaluated"},
            {"$ref": "meta/validation"},
            {"$ref": "meta/meta-data"},
            {"$ref": "meta/format-annotation"},
            {"$ref": "meta/content"}
          ]
        }
        """,
        "meta/core": vocabulary("core", properties: """
        {
          "$id": {"$ref": "#/$defs/uriReferenceString", "pattern": "^[^#]*#?$"},
          "$schema": {"$ref": "#/$defs/uriString"},
          "$ref": {"$ref": "#/$defs/uriReferenceString"},
          "$anchor": {"$ref": "#/$defs/anchorString"},
          "$dynamicRef": {"$ref": "#/$defs/uriReferenceString"},
          "$dynamicAnchor": {"$ref": "#/$defs/anchorString"},
          "$vocabulary": {
            "type": "object",
            "propertyNames": {"$ref": "#/$defs/uriString"},
            "additionalProperties": {"type": "boolean"}
          },
          "$comment": {"type": "string"},
          "$defs": {"type": "object", "additionalProperties": {"$dynamicRef": "#meta"}}
        }
        """, definitions: """
        {
          "anchorString": {"type": "string", "pattern": "^[A-Za-z_][-A-Za-z0-9._]*$"},
          "uriString": {"type": "string", "format": "uri"},
          "uriReferenceString": {"type": "string", "format": "uri-reference"}
        }
        """),
        "meta/applicator": vocabulary("applicator", properties: """
        {
          "prefixItems": {"$ref": "#/$defs/schemaArray"},
          "items": {"$dynamicRef": "#meta"},
          "contains": {"$dynamicRef": "#meta"},
          "additionalProperties": {"$dynamicRef": "#meta"},
          "properties": {"type": "object", "additionalProperties": {"$dynamicRef": "#meta"}, "default": {}},
          "patternProperties": {
            "type": "object",
            "additionalProperties": {"$dynamicRef": "#meta"},
            "propertyNames": {"format": "regex"},
            "default": {}
          },
          "dependentSchemas": {"type": "object", "additionalProperties": {"$dynamicRef": "#meta"}, "default": {}},
          "propertyNames": {"$dynamicRef": "#meta"},
          "if": {"$dynamicRef": "#meta"},
          "then": {"$dynamicRef": "#meta"},
          "else": {"$dynamicRef": "#meta"},
          "allOf": {"$ref": "#/$defs/schemaArray"},
          "anyOf": {"$ref": "#/$defs/schemaArray"},
          "oneOf": {"$ref": "#/$defs/schemaArray"},
          "not": {"$dynamicRef": "#meta"}
        }
        """, definitions: """
        {
          "schemaArray": {"type": "array", "minItems": 1, "items": {"$dynamicRef": "#meta"}}
        }
        """),
        "meta/unevaluated": vocabulary("unevaluated", properties: """
        {
          "unevaluatedItems": {"$dynamicRef": "#meta"},
          "unevaluatedProperties": {"$dynamicRef": "#meta"}
        }
        """),
        "meta/validation": vocabulary("validation", properties: """
        {
          "type": {
            "anyOf": [
              {"$ref": "#/$defs/simpleTypes"},
              {"type": "array", "items": {"$ref": "#/$defs/simpleTypes"}, "minItems": 1, "uniqueItems": true}
            ]
          },
          "const": true,
          "enum": {"type": "array", "items": true},
          "multipleOf": {"type": "number", "exclusiveMinimum": 0},
          "maximum": {"type": "number"},
          "exclusiveMaximum": {"type": "number"},
          "minimum": {"type": "number"},
          "exclusiveMinimum": {"type": "number"},
          "maxLength": {"$ref": "#/$defs/nonNegativeInteger"},
          "minLength": {"$ref": "#/$defs/nonNegativeIntegerDefault0"},
          "pattern": {"type": "string", "format": "regex"},
          "maxItems": {"$ref": "#/$defs/nonNegativeInteger"},
          "minItems": {"$ref": "#/$defs/nonNegativeIntegerDefault0"},
          "uniqueItems": {"type": "boolean", "default": false},
          "maxContains": {"$ref": "#/$defs/nonNegativeInteger"},
          "minContains": {"$ref": "#/$defs/nonNegativeInteger", "default": 1},
          "maxProperties": {"$ref": "#/$defs/nonNegativeInteger"},
          "minProperties": {"$ref": "#/$defs/nonNegativeIntegerDefault0"},
          "required": {"$ref": "#/$defs/stringArray"},
          "dependentRequired": {"type": "object", "additionalProperties": {"$ref": "#/$defs/stringArray"}}
        }
        """, definitions: """
        {
          "nonNegativeInteger": {"type": "integer", "minimum": 0},
          "nonNegativeIntegerDefault0": {"$ref": "#/$defs/nonNegativeInteger", "default": 0},
          "simpleTypes": {"enum": ["array", "boolean", "integer", "null", "number", "object", "string"]},
          "stringArray": {"type": "array", "items": {"type": "string"}, "uniqueItems": true, "default": []}
        }
        """),
        "meta/meta-data": vocabulary("meta-data", properties: """
        {
          "title": {"type": "string"},
          "description": {"type": "string"},
          "default": true,
          "deprecated": {"type": "boolean", "default": false},
          "readOnly": {"type": "boolean", "default": false},
          "writeOnly": {"type": "boolean", "default": false},
          "examples": {"type": "array", "items": true}
        }
        """),
        "meta/format-annotation": vocabulary("format-annotation", properties: """
        {
          "format": {"type": "string"}
        }
        """),
        "meta/content": vocabulary("content", properties: """
        {
          "contentEncoding": {"type": "string"},
          "contentMediaType": {"type": "string"},
          "contentSchema": {"$dynamicRef": "#meta"}
        }
        """),
    ]
}
