import CurateIO
/// Text of the record files and exports.
public enum RecordFormats {
    /// `records.csv`: one row per record; lists are `;`-joined.
    public static func csv(_ records: [DatasetRecord], nested: Bool) -> String {
        let labelled = records.contains { $0.protostructure != nil }
        var text = csvHeader(labelled: labelled, nested: nested)
        for record in records { text += csvRow(record, labelled: labelled, nested: nested) }
        return text
    }

    /// The header line of `records.csv`.
    public static func csvHeader(labelled: Bool, nested: Bool) -> String {
        CSVText.line(["id", "composition", "canonical_key", "chemical_system", "prototype"] + (labelled ? ["protostructure"] : [])
                     + ["target", "qualifier", "measurements", "spread", "flagged", "split"] + (nested ? ["inner_fold"] : [])
                     + ["sources", "provenance", "entry_ids"])
    }

    /// One line of `records.csv`.
    public static func csvRow(_ record: DatasetRecord, labelled: Bool, nested: Bool) -> String {
        var fields: [String] = [record.id, record.composition, record.canonicalKey, record.chemicalSystem, record.prototype]
        if labelled { fields.append(record.protostructure ?? "") }
        fields += [CSVText.number(record.target), record.qualifier, String(record.measurements)]
        fields += [record.spread.map(CSVText.number) ?? "", record.flagged ? "true" : "false", record.split]
        if nested { fields.append(record.innerFold.map(String.init) ?? "") }
        fields += [record.sources.joined(separator: ";"), record.provenance.joined(separator: ";"), record.entryIds.joined(separator: ";")]
        return CSVText.line(fields)
    }

    /// `records.jsonl`: one JSON object per line, keys in a fixed order.
    public static func jsonLines(_ records: [DatasetRecord], nested: Bool) -> String {
        var text = ""
        for record in records { text += jsonLine(record, nested: nested) }
        return text
    }

    /// One line of `records.jsonl`, newline included.
    public static func jsonLine(_ record: DatasetRecord, nested: Bool) -> String {
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
        return object.text + "\n"
    }

    /// `excluded.csv`: every observation left out, with the rule and reason.
    public static func ledgerCSV(_ ledger: [DatasetBuild.LedgerLine]) -> String {
        var text = ledgerHeader
        for line in ledger { text += ledgerRow(line) }
        return text
    }

    /// The header line of `excluded.csv`.
    public static let ledgerHeader = CSVText.line(["source", "locator", "formula_as_written", "canonical_key", "value", "qualifier", "rule",
                                                   "rule_version", "reason"])

    /// One line of `excluded.csv`.
    public static func ledgerRow(_ line: DatasetBuild.LedgerLine) -> String {
        CSVText.line([line.source, line.locator, line.formulaAsWritten, line.canonicalKey,
                      line.value.map(CSVText.number) ?? "", line.qualifier, line.rule, line.ruleVersion, line.reason])
    }

    /// aviary / Roost input: `material_id,composition,<property>`.
    public static func roostCSV(_ records: [DatasetRecord], property: String) -> String {
        var text = roostHeader(property: property)
        for record in records { text += roostRow(record) }
        return text
    }

    /// The header line of a Roost export.
    public static func roostHeader(property: String) -> String { CSVText.line(["material_id", "composition", property]) }

    /// One line of a Roost export.
    public static func roostRow(_ record: DatasetRecord) -> String {
        CSVText.line([record.id, record.composition, CSVText.number(record.target)])
    }

    /// aviary / Wren input: `material_id,composition,protostructure,<property>`.
    public static func wrenCSV(_ records: [DatasetRecord], property: String) -> String {
        var text = wrenHeader(property: property)
        for record in records { text += wrenRow(record) }
        return text
    }

    /// The header line of a Wren export.
    public static func wrenHeader(property: String) -> String {
        CSVText.line(["material_id", "composition", "protostructure", property])
    }

    /// One line of a Wren export.
    public static func wrenRow(_ record: DatasetRecord) -> String {
        CSVText.line([record.id, record.composition, record.protostructure ?? "", CSVText.number(record.target)])
    }

    /// matbench-style pandas "split" orientation: `{"index": [...], "columns": ["composition",
    /// property], "data": [[composition, target], ...]}`.
    public static func matbenchJSON(_ records: [DatasetRecord], property: String) -> String {
        let index = records.map(matbenchIndexItem).joined(separator: ",")
        let data = records.map(matbenchDataItem).joined(separator: ",")
        return matbenchOpening + index + matbenchMiddle(property: property) + data + matbenchClosing
    }

    /// The matbench file up to the first index item.
    public static let matbenchOpening = "{\"index\":["
    /// Between the last index item and the first data row.
    public static func matbenchMiddle(property: String) -> String {
        "],\"columns\":[\"composition\",\(JSONText.quote(property))],\"data\":["
    }
    /// After the last data row.
    public static let matbenchClosing = "]}\n"
    /// One record's index item (its id, quoted).
    public static func matbenchIndexItem(_ record: DatasetRecord) -> String { JSONText.quote(record.id) }
    /// One record's data row.
    public static func matbenchDataItem(_ record: DatasetRecord) -> String {
        "[" + JSONText.quote(record.composition) + "," + CSVText.number(record.target) + "]"
    }
}
