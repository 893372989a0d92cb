import CurateIO
import Curation
import Foundation

/// `README.md` of a release with `"exports": ["card"]`: a Hugging Face dataset card. The YAML
/// front matter holds the licence, a pretty name, tags, the size bucket and one `default`
/// config whose `data_files` name the per-split CSVs; the Markdown after it describes the
/// sources (licences, citations), the curation rules, the splits, the fields, how to load the
/// files, and ties the card to the release's content by version and by the manifest's SHA-256
/// of `records.csv`.
enum DatasetCard {
    /// The file name in the release directory.
    static let path = "README.md"

    /// The card's text.
    static func markdown(_ facts: ReleaseCardFacts) -> String {
        var lines = frontMatter(facts)
        lines += ["", "# \(facts.spec.name) \(facts.version)", ""]
        if !facts.spec.description.isEmpty { lines += [facts.spec.description, ""] }
        lines += release(facts) + sources(facts) + curation(facts) + splits(facts) + fields(facts) + loading(facts) + files(facts)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The YAML block between `---` lines.
    static func frontMatter(_ facts: ReleaseCardFacts) -> [String] {
        var lines = ["---", "license: \(CardText.yamlScalar(facts.licence.identifier))"]
        if let note = facts.licence.note {
            lines += ["license_name: per-source-licences", "license_details: \(CardText.yamlScalar(note))"]
        }
        lines += ["pretty_name: \(CardText.yamlScalar(facts.spec.name))",
                  "tags:", "- materials-science", "- chemistry",
                  "task_categories:", "- tabular-regression",
                  "size_categories:", "- \(CardText.yamlScalar(facts.sizeCategory))",
                  "configs:", "- config_name: default", "  data_files:"]
        for split in facts.splits {
            lines += ["  - split: \(CardText.yamlScalar(split.hubName))", "    path: \(CardText.yamlScalar(split.file.path))"]
        }
        return lines + ["---"]
    }

    static func release(_ facts: ReleaseCardFacts) -> [String] {
        [
            "## Release", "",
            "| | |", "|---|---|",
            "| version | \(CardText.cell(facts.version)) |",
            "| records | \(facts.records) |",
            "| records.csv SHA-256 | \(CardText.code(facts.recordsFile.sha256)) |",
            "| dataset spec SHA-256 (canonical JSON) | \(CardText.code(specHash(try? facts.spec.canonicalJSON()))) |",
            "| curation spec SHA-256 (canonical JSON) | \(CardText.code(specHash(try? facts.curation.canonicalJSON()))) |",
            "| built by | curate \(CardText.cell(CurateVersion.current)) |",
            "",
            "`manifest.json` holds the SHA-256 of every file of the release (this card included) and both specs; "
                + "`curate release --verify <this folder>` rebuilds the release from its sources and compares every byte.",
            "",
        ]
    }

    private static func specHash(_ json: String?) -> String { json.map { SHA256Hasher.hex(of: $0) } ?? "unknown" }

    static func sources(_ facts: ReleaseCardFacts) -> [String] {
        var lines = ["## Sources", "", "| source | kind | licence | citation |", "|---|---|---|---|"]
        for source in facts.sources {
            lines.append("| \(CardText.cell(source.name)) | \(CardText.cell(source.kind)) | \(CardText.cell(source.licence.name)) | \(CardText.cell(source.licence.citation)) |")
        }
        lines.append("")
        if let reason = facts.licence.reason {
            lines += ["The card's `license` is `other` because \(reason); each source's terms apply to the records drawn from it (`sources` in records.csv).", ""]
        }
        return lines
    }

    static func curation(_ facts: ReleaseCardFacts) -> [String] {
        let target = facts.spec.target
        var lines = ["## Curation", ""]
        var targetLine = "Target: \(CardText.code(target.property))" + (target.unit.isEmpty ? "" : " in \(target.unit)") + "."
        if let censored = target.censored, !censored.isEmpty {
            targetLine += " Censored labels that become numbers: "
                + censored.sorted { $0.key < $1.key }.map { "\(CardText.code($0.key)) → \(JSONText.number($0.value))" }.joined(separator: ", ") + "."
        }
        lines += [targetLine, ""]
        let spec = facts.curation
        lines.append("Curation spec \(CardText.code(spec.name)) \(spec.version); rules, in order:")
        lines.append("")
        if spec.rules.isEmpty { lines.append("- (none)") }
        for (index, rule) in spec.rules.enumerated() {
            let version = CurationEngine.ruleVersions[rule.rule].map { " (\($0))" } ?? ""
            let parameters = ruleParameters(rule)
            lines.append("\(index + 1). \(CardText.code(rule.rule))\(version)" + (parameters.isEmpty ? "" : ": " + parameters))
        }
        let dedup = spec.dedup
        var dedupLine = "Deduplication: observations are grouped by \(dedup.tier == "protostructure" ? "canonical composition and protostructure label" : "canonical composition")"
            + " (tier \(CardText.code(dedup.tier))) and combined by their \(dedup.aggregate); groups whose (max − min) / |value| exceeds "
            + "\(JSONText.number(dedup.spreadThreshold)) are flagged (`flagged`); groups with only censored labels: \(dedup.censored)."
        if let precedence = dedup.sourcePrecedence, !precedence.isEmpty {
            dedupLine += " Source precedence, highest first: \(precedence.map(CardText.code).joined(separator: ", "))."
        }
        lines += ["", dedupLine, ""]
        if facts.excludedByRule.isEmpty {
            lines += ["No observation was left out.", ""]
        } else {
            lines += ["Observations left out, by rule (`excluded.csv` lists each with its reason):", "", "| rule | observations |", "|---|---|"]
            for (rule, count) in facts.excludedByRule.sorted(by: { $0.key < $1.key }) {
                lines.append("| \(CardText.cell(rule)) | \(count) |")
            }
            lines.append("")
        }
        return lines
    }

    /// `min 0, max 300`: the parameters a rule sets, in a fixed order.
    static func ruleParameters(_ rule: RuleSpec) -> String {
        var parts: [String] = []
        if let min = rule.min { parts.append("min \(JSONText.number(min))") }
        if let max = rule.max { parts.append("max \(JSONText.number(max))") }
        if let elements = rule.elements { parts.append("elements \(elements.joined(separator: ", "))") }
        if let minElements = rule.minElements { parts.append("min_elements \(minElements)") }
        if let maxElements = rule.maxElements { parts.append("max_elements \(maxElements)") }
        if let qualifiers = rule.qualifiers { parts.append("qualifiers \(qualifiers.joined(separator: ", "))") }
        if let field = rule.field { parts.append("field \(field)") }
        if let values = rule.values { parts.append("values \(values.joined(separator: ", "))") }
        return parts.joined(separator: "; ")
    }

    static func splits(_ facts: ReleaseCardFacts) -> [String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let parameters = (try? encoder.encode(facts.spec.split)).map { String(decoding: $0, as: UTF8.self) } ?? facts.spec.split.name
        var lines = ["## Splits", "",
                     "Strategy \(CardText.code(facts.spec.split.name)), seed \(facts.spec.seed); the spec's split: \(CardText.code(parameters)).", "",
                     "| split | records | file | Hugging Face split |", "|---|---|---|---|"]
        for split in facts.splits {
            lines.append("| \(CardText.cell(split.label)) | \(facts.counts[split.label] ?? 0) | \(CardText.code(split.file.path)) | \(CardText.cell(split.hubName)) |")
        }
        lines += ["", "`manifest.json` also reports, for every pair of splits, the compositions and chemical systems they share (`leakage`).", ""]
        return lines
    }

    static func fields(_ facts: ReleaseCardFacts) -> [String] {
        func table(_ columns: [ReleaseColumn]) -> [String] {
            ["| column | type | meaning |", "|---|---|---|"]
                + columns.map { "| \(CardText.cell($0.name)) | \(CardText.cell($0.dataType)) | \(CardText.cell($0.meaning)) |" }
        }
        var lines = ["## Fields", ""]
        let layouts = Dictionary(grouping: facts.splits, by: \.labelled).sorted { !$0.key && $1.key }
        for (labelled, members) in layouts {
            guard let first = members.first else { continue }
            let folder = labelled ? "exports/wren" : "exports/roost"
            lines += ["Per-split files (\(CardText.code(folder + "/<split>.csv")): \(members.map(\.label).joined(separator: ", "))):", ""]
            lines += table(facts.columns(of: first)) + [""]
        }
        lines += ["`records.csv` (every record with its split label; `records.jsonl` holds the same records as JSON lines, lists as arrays):", ""]
        lines += table(facts.recordColumns) + [""]
        return lines
    }

    static func loading(_ facts: ReleaseCardFacts) -> [String] {
        let dataFiles = facts.splits.map { "\(JSONText.quote($0.hubName)): \(JSONText.quote($0.file.path))" }.joined(separator: ", ")
        let first = facts.splits.first
        var lines = ["## Loading", "", "With Hugging Face `datasets`, from this folder:", "", "```python", "from datasets import load_dataset",
                     "", "dataset = load_dataset(\"csv\", data_files={\(dataFiles)})", "```", ""]
        lines += ["With pandas:", "", "```python", "import pandas as pd", ""]
        if let first { lines.append("\(pythonName(first.label)) = pd.read_csv(\(JSONText.quote(first.file.path)))") }
        lines += ["records = pd.read_csv(\"records.csv\", keep_default_na=False)  # every split, with the split column", "```", ""]
        if let first {
            lines += ["With `mlcroissant`, through `croissant.json` (one record set per split):", "", "```python", "import mlcroissant as mlc", "",
                      "rows = list(mlc.Dataset(jsonld=\"croissant.json\").records(record_set=\(JSONText.quote(first.label))))", "```", ""]
        }
        return lines
    }

    private static func pythonName(_ label: String) -> String {
        let name = String(label.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
        return name.first?.isLetter == true ? name : "split_" + name
    }

    static func files(_ facts: ReleaseCardFacts) -> [String] {
        var lines = ["## Files", "", "| file | bytes | rows |", "|---|---|---|"]
        for file in facts.files {
            lines.append("| \(CardText.code(file.path)) | \(file.bytes) | \(file.rows) |")
        }
        lines += ["", "Besides these: `croissant.json` (a Croissant 1.0 description of the per-split files), this card, and `manifest.json`."]
        return lines
    }
}
