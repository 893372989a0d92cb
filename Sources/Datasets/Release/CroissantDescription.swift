import CurateIO
import Foundation

/// `croissant.json` of a release with `"exports": ["card"]`: a Croissant 1.0 (JSON-LD)
/// description of the per-split CSVs. Each split CSV is a `cr:FileObject` (relative
/// `contentUrl`, `text/csv`, the manifest's SHA-256) and has a `cr:RecordSet` named after the
/// split whose `cr:Field`s extract its columns, typed `sc:Text`, `sc:Float`, `sc:Integer` or
/// `sc:Boolean`. Keys are sorted and nothing depends on the clock, so the bytes rebuild.
enum CroissantDescription {
    /// The file name in the release directory.
    static let path = "croissant.json"

    /// The spec version the description declares (`conformsTo`).
    static let conformsTo = "http://mlcommons.org/croissant/1.0"

    /// The JSON-LD `@context` of Croissant 1.0 (the specification's appendix 1), plus the
    /// `equivalentProperty` and `samplingRate` aliases that mlcroissant's 1.0 context also has.
    static let context: JSONLD = .object([
        "@language": "en",
        "@vocab": "https://schema.org/",
        "sc": "https://schema.org/",
        "cr": "http://mlcommons.org/croissant/",
        "rai": "http://mlcommons.org/croissant/RAI/",
        "dct": "http://purl.org/dc/terms/",
        "citeAs": "cr:citeAs",
        "column": "cr:column",
        "conformsTo": "dct:conformsTo",
        "data": .object(["@id": "cr:data", "@type": "@json"]),
        "dataType": .object(["@id": "cr:dataType", "@type": "@vocab"]),
        "equivalentProperty": "cr:equivalentProperty",
        "examples": .object(["@id": "cr:examples", "@type": "@json"]),
        "extract": "cr:extract",
        "field": "cr:field",
        "fileProperty": "cr:fileProperty",
        "fileObject": "cr:fileObject",
        "fileSet": "cr:fileSet",
        "format": "cr:format",
        "includes": "cr:includes",
        "isLiveDataset": "cr:isLiveDataset",
        "jsonPath": "cr:jsonPath",
        "key": "cr:key",
        "md5": "cr:md5",
        "parentField": "cr:parentField",
        "path": "cr:path",
        "recordSet": "cr:recordSet",
        "references": "cr:references",
        "regex": "cr:regex",
        "repeated": "cr:repeated",
        "replace": "cr:replace",
        "samplingRate": "cr:samplingRate",
        "separator": "cr:separator",
        "source": "cr:source",
        "subField": "cr:subField",
        "transform": "cr:transform",
    ])

    /// The description as a JSON-LD document.
    static func document(_ facts: ReleaseCardFacts) -> JSONLD {
        let distribution: [JSONLD] = facts.splits.map { split in
            .object([
                "@type": "cr:FileObject",
                "@id": .string(split.file.path),
                "name": .string(split.file.path),
                "description": .string("The \(split.label) split: \(facts.counts[split.label] ?? 0) records."),
                "contentUrl": .string(split.file.path),
                "contentSize": .string("\(split.file.bytes) B"),
                "encodingFormat": "text/csv",
                "sha256": .string(split.file.sha256),
            ])
        }
        let recordSets: [JSONLD] = facts.splits.map { split in
            .object([
                "@type": "cr:RecordSet",
                "@id": .string(split.label),
                "name": .string(split.label),
                "description": .string("Rows of \(split.file.path)."),
                "field": .array(facts.columns(of: split).map { column in
                    .object([
                        "@type": "cr:Field",
                        "@id": .string("\(split.label)/\(column.name)"),
                        "name": .string(column.name),
                        "description": .string(column.meaning),
                        "dataType": .string(column.dataType),
                        "source": .object([
                            "fileObject": .object(["@id": .string(split.file.path)]),
                            "extract": .object(["column": .string(column.name)]),
                        ]),
                    ])
                }),
            ])
        }
        let licences = uniqueLicences(facts)
        return .object([
            "@context": context,
            "@type": "sc:Dataset",
            "conformsTo": .string(conformsTo),
            "name": .string(facts.spec.name),
            "description": .string(facts.spec.description.isEmpty ? facts.spec.name : facts.spec.description),
            "license": licences.count == 1 ? (licences.first ?? "unknown") : .array(licences),
            "citeAs": .string(citation(facts)),
            "version": .string(facts.version),
            "keywords": .array(["materials science", "chemistry", .string(facts.spec.target.property)]),
            "distribution": .array(distribution),
            "recordSet": .array(recordSets),
        ])
    }

    /// The licences of the sources, each once in spec order: a URL where the table has one,
    /// else the licence's name (`unknown` included).
    static func uniqueLicences(_ facts: ReleaseCardFacts) -> [JSONLD] {
        var seen: Set<String> = []
        var result: [JSONLD] = []
        for source in facts.sources {
            let value = source.licence.url ?? source.licence.name
            if seen.insert(value).inserted { result.append(.string(value)) }
        }
        return result.isEmpty ? [.string(SourceLicence.unknown.name)] : result
    }

    /// The release and, for the sources, their citations.
    static func citation(_ facts: ReleaseCardFacts) -> String {
        let sources = facts.sources.map { "\($0.name): \($0.licence.citation)" }.joined(separator: "; ")
        return "\(facts.spec.name) \(facts.version), released with curate (records.csv sha256 \(facts.recordsFile.sha256)). Sources — \(sources)"
    }

    /// The file's bytes: pretty-printed, keys sorted, a final newline.
    static func data(_ facts: ReleaseCardFacts) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(document(facts)) + Data("\n".utf8)
    }
}

/// A JSON-LD value: strings, arrays and objects are all a Croissant description needs.
indirect enum JSONLD: Encodable, Equatable, ExpressibleByStringLiteral {
    case string(String)
    case array([JSONLD])
    case object([String: JSONLD])

    init(stringLiteral value: String) { self = .string(value) }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let text): try container.encode(text)
        case .array(let items): try container.encode(items)
        case .object(let members): try container.encode(members)
        }
    }
}
