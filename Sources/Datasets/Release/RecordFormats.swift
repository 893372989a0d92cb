import CurateIO
/// Text of the record files and exports.
public enum RecordFormats {
    /// `records.csv`: one row per record; lists are `;`-joined.
    public static func csv(_ records: [DatasetRecord], nested: Bool) -> String {
        let labelled = records.contains { $0.protostructure != nil }
        var text = CSVText.line(["id", "composition", "canonical_key", "chemical_system", "prototype"] + (labelled ? ["protostructure"] : [])
                                + ["target", "qualifier", "measurements", "spread", "flagged", "split"] + (nested ? ["inner_fold"] : [])
                                + ["sources", "provenance", "entry_ids"])
        for record in records {
            var fields: [String] = [record.id, record.composition, record.canonicalKey, record.chemicalSystem, record.prototype]
            if labelled { fields.append(record.protostructure ?? "") }
            fields += [CSVText.number(record.target), record.qualifier, String(record.measurements)]
            fields += [record.spread.map(CSVText.number) ?? "", record.flagged ? "true" : "false", record.split]
            if nested { fields.append(record.innerFold.map(String.init) ?? "") }
            fields += [record.sources.joined(separator: ";"), record.provenance.joined(separator: ";"), record.entryIds.joined(separator: ";")]
            text += CSVText.line(fields)
        }
        return text
    }

    /// `records.jsonl`: one JSON object per line, keys in a fixed order.
    public static func jsonLines(_ records: [DatasetRecord], nested: Bool) -> String {
        var text = ""
        for record in records {
            var object = JSONObjectText()
            object.string("id", record.id)
            object.string("composition", record.composition)
            object.string("canonical_key", record.canonicalKey)
            object.string("chemical_system", record.chemicalSystem)
            object.string("prototype", record.prototype)
            if let label = record.protostructure { object.string("protostructure", label) }
            object.number("target", record.target)
            object.string("qualifier", record.qualifier)
            object.integer("measurements", record.measurements)
            object.number("spread", record.spread)
            object.bool("flagged", record.flagged)
            object.string("split", record.split)
            if nested { object.integer("inner_fold", record.innerFold) }
            if let values = record.attributeValues { object.strings("split_attribute", values) }
            object.strings("sources", record.sources)
            object.strings("provenance", record.provenance)
            object.strings("entry_ids", record.entryIds)
            text += object.text + "\n"
        }
        return text
    }

    /// `excluded.csv`: every observation left out, with the rule and reason.
    public static func ledgerCSV(_ ledger: [DatasetBuild.LedgerLine]) -> String {
        var text = CSVText.line(["source", "locator", "formula_as_written", "canonical_key", "value", "qualifier", "rule",
                                 "rule_version", "reason"])
        for line in ledger {
            text += CSVText.line([line.source, line.locator, line.formulaAsWritten, line.canonicalKey,
                                  line.value.map(CSVText.number) ?? "", line.qualifier, line.rule, line.ruleVersion, line.reason])
        }
        return text
    }

    /// aviary / Roost input: `material_id,composition,<property>`.
    public static func roostCSV(_ records: [DatasetRecord], property: String) -> String {
        var text = CSVText.line(["material_id", "composition", property])
        for record in records { text += CSVText.line([record.id, record.composition, CSVText.number(record.target)]) }
        return text
    }

    /// aviary / Wren input: `material_id,composition,protostructure,<property>`.
    public static func wrenCSV(_ records: [DatasetRecord], property: String) -> String {
        var text = CSVText.line(["material_id", "composition", "protostructure", property])
        for record in records {
            text += CSVText.line([record.id, record.composition, record.protostructure ?? "", CSVText.number(record.target)])
        }
        return text
    }

    /// matbench-style pandas "split" orientation: `{"index": [...], "columns": ["composition",
    /// property], "data": [[composition, target], ...]}`.
    public static func matbenchJSON(_ records: [DatasetRecord], property: String) -> String {
        let index = records.map { JSONText.quote($0.id) }.joined(separator: ",")
        let data = records.map { "[" + JSONText.quote($0.composition) + "," + CSVText.number($0.target) + "]" }.joined(separator: ",")
        return "{\"index\":[\(index)],\"columns\":[\"composition\",\(JSONText.quote(property))],\"data\":[\(data)]}\n"
    }
}
