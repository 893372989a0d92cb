import Chemistry
import Crystal
import CurateIO
import Store

/// The records of the pymatgen entries of one file, once all of them are read (formation
/// energies need the file's elemental references).
///
/// Per entry: `energy_per_atom` uncorrected (`correction: none`); `energy_per_atom` in its
/// correction scheme when it has one (see ``EntryCorrection``); `formation_energy_per_atom` in
/// the same state when every element has a reference in its group (see
/// ``FormationEnergyReferences``). Each carries `run_type` (GGA, GGA+U, r2SCAN, …) when the
/// entry says it, and the metadata `id`, `material_id`, `task_id`, `space_group` (spglib,
/// symprec 0.1) and how the correction was known.
enum PymatgenEntryRecords {
    /// The records of `entries`, in file order, three at most per entry.
    static func records(_ entries: [ReadEntry], builder: inout DFTRecordBuilder) -> [(number: Int, records: [PreparedRecord])] {
        let fileLabel = EntryCorrection.fileLabel(entries.map(\.entry))
        let corrections = entries.map { EntryCorrection($0.entry, fileLabel: fileLabel) }
        // Formation-energy groups: one per scheme; uncorrected entries per run type.
        var groups: [String: [FormationEnergyReferences.Member]] = [:]
        var memberships: [(group: String, member: FormationEnergyReferences.Member)] = []
        for (read, correction) in zip(entries, corrections) {
            let group = correction.label ?? "\(CorrectionLabel.none)|\(read.entry.runType ?? "")"
            let energy = correction.label == nil ? read.entry.uncorrectedEnergy : read.entry.energy
            let member = FormationEnergyReferences.Member(id: read.id, composition: read.entry.composition, energy: energy)
            groups[group, default: []].append(member)
            memberships.append((group, member))
        }
        let references = groups.mapValues(FormationEnergyReferences.init)
        var result: [(number: Int, records: [PreparedRecord])] = []
        for (index, read) in entries.enumerated() {
            let (group, member) = memberships[index]
            let formation = references[group]?.formationEnergyPerAtom(member)
            result.append((read.record.number, records(read, correction: corrections[index], formation: formation, builder: &builder)))
        }
        return result
    }

    /// The records of one entry.
    private static func records(_ read: ReadEntry, correction: EntryCorrection,
                                formation: (value: Double, references: [String: String])?,
                                builder: inout DFTRecordBuilder) -> [PreparedRecord] {
        let entry = read.entry
        let composition = entry.composition
        let atoms = composition.totalAmount
        var metadata = read.spaceGroup
        metadata["id"] = DFTJSON.string(read.id)
        if let materialID = entry.materialID, materialID != read.id { metadata["material_id"] = DFTJSON.string(materialID) }
        if let taskID = entry.data["task_id"]?.stringValue { metadata["task_id"] = DFTJSON.string(taskID) }
        if let className = entry.className { metadata["class"] = DFTJSON.string(className) }
        if let key = read.record.key { metadata["key"] = DFTJSON.string(key) }
        metadata["atoms"] = DFTJSON.number(atoms)
        var base: [String: String] = [:]
        if let runType = entry.runType { base["run_type"] = DFTJSON.string(runType) }
        func origin(_ what: String) -> DFTRecordBuilder.Origin {
            DFTRecordBuilder.Origin(locator: "\(read.record.locator) \(what)", line: nil, raw: read.raw)
        }
        let formula = composition.formula
        var records: [PreparedRecord] = []
        var uncorrected = metadata
        uncorrected["total_energy"] = DFTJSON.number(entry.uncorrectedEnergy)
        records.append(builder.observation(
            origin("energy_per_atom uncorrected"), composition: composition, formulaAsWritten: formula, property: "energy_per_atom",
            value: entry.uncorrectedEnergy / atoms, unit: "eV/atom", valueAsReported: JSONText.number(entry.uncorrectedEnergy),
            conditions: base.merging(["correction": DFTJSON.string(CorrectionLabel.none)]) { _, new in new },
            metadata: uncorrected, entryID: read.id))
        guard let label = correction.label else {
            if let formation {
                records.append(formationRecord(read, origin("formation_energy_per_atom uncorrected"), composition, formula, formation,
                                               conditions: base.merging(["correction": DFTJSON.string(CorrectionLabel.none)]) { _, new in new },
                                               metadata: metadata, builder: &builder))
            }
            return records
        }
        var corrected = metadata
        corrected["total_energy"] = DFTJSON.number(entry.energy)
        corrected["correction_ev"] = DFTJSON.number(entry.correction)
        corrected["correction_basis"] = DFTJSON.string(correction.basis ?? "")
        if !entry.energyAdjustments.isEmpty {
            corrected["energy_adjustments"] = "[" + entry.energyAdjustments.map { DFTJSON.string($0.name) }.joined(separator: ",") + "]"
        }
        let conditions = base.merging(["correction": DFTJSON.string(label)]) { _, new in new }
        records.append(builder.observation(
            origin("energy_per_atom \(label)"), composition: composition, formulaAsWritten: formula, property: "energy_per_atom",
            value: entry.energy / atoms, unit: "eV/atom",
            valueAsReported: "\(JSONText.number(entry.uncorrectedEnergy)) + \(JSONText.number(entry.correction))",
            conditions: conditions, metadata: corrected, entryID: read.id))
        if let formation {
            var formationMetadata = metadata
            formationMetadata["correction_basis"] = DFTJSON.string(correction.basis ?? "")
            records.append(formationRecord(read, origin("formation_energy_per_atom \(label)"), composition, formula, formation,
                                           conditions: conditions, metadata: formationMetadata, builder: &builder))
        }
        return records
    }

    private static func formationRecord(_ read: ReadEntry, _ origin: DFTRecordBuilder.Origin, _ composition: Composition, _ formula: String,
                                         _ formation: (value: Double, references: [String: String]),
                                         conditions: [String: String], metadata: [String: String],
                                         builder: inout DFTRecordBuilder) -> PreparedRecord {
        var metadata = metadata
        metadata["formation_references"] = JSONText.object(formation.references.mapValues(DFTJSON.string))
        metadata["derived"] = DFTJSON.string("lowest-energy elemental entries of the same file and correction state")
        return builder.observation(origin, composition: composition, formulaAsWritten: formula, property: "formation_energy_per_atom",
                                   value: formation.value, unit: "eV/atom", valueAsReported: "computed",
                                   conditions: conditions, metadata: metadata, entryID: read.id)
    }
}
