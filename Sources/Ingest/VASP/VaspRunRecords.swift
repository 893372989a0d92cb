import Chemistry
import Crystal
import CurateIO
import Store

/// The records of one `vasprun.xml`: a converged, complete run gives its `energy_per_atom`
/// (uncorrected, with its run type) and its final `structure`; any other run is one quarantined
/// record whose reason says what is wrong, and no value is taken from it.
///
/// Reason codes: `vasp.truncated` (the XML stops mid-file), `vasp.no_ionic_step` (input only),
/// `vasp.unconverged_electronic` (the last SCF hit NELM), `vasp.unconverged_ionic` (the
/// relaxation hit NSW), `vasp.structure` (no usable final structure), `vasp.energy_missing`.
///
/// The raw text of every record is a compact JSON summary of what was read (version, INCAR
/// essentials, per-step energies and forces, convergence), not the XML itself, which can be
/// hundreds of megabytes; the input's digest is recorded with the ingest run.
enum VaspRunRecords {
    static func records(_ run: VaspRun, locator: String, builder: inout DFTRecordBuilder) -> [PreparedRecord] {
        let assessment = VaspRunAssessment(run)
        let summary = VaspRunSummary.fields(assessment)
        let raw = JSONText.object(summary)
        func origin(_ what: String, line: Int? = nil) -> DFTRecordBuilder.Origin { .init(locator: "\(locator) \(what)", line: line, raw: raw) }
        if let reason = quarantineReason(assessment) {
            // The line is the decompressed XML's, where the reader stopped.
            return [builder.quarantine(origin("run", line: reason.line), reason.code, reason.message, field: reason.field)]
        }
        let structure: Structure
        do {
            structure = try assessment.finalStructure()
        } catch {
            return [builder.quarantine(origin("run"), "vasp.structure", error.description, field: "structure")]
        }
        guard let energy = assessment.finalEnergy else {
            return [builder.quarantine(origin("run"), "vasp.energy_missing", "the last ionic step has no e_0_energy", field: "energy")]
        }
        let composition = structure.composition
        let formula = composition.formula
        var conditions = ["correction": DFTJSON.string(CorrectionLabel.none)]
        if let runType = assessment.runType { conditions["run_type"] = DFTJSON.string(runType) }
        var metadata = summary
        metadata.removeValue(forKey: "ionic_steps")
        metadata["atoms"] = DFTJSON.integer(structure.siteCount)
        metadata["total_energy"] = DFTJSON.number(energy)
        metadata["path"] = DFTJSON.string(locator)
        let energyRecord = builder.observation(
            origin("energy_per_atom"), composition: composition, formulaAsWritten: formula, property: "energy_per_atom",
            value: energy / Double(structure.siteCount), unit: "eV/atom", valueAsReported: JSONText.number(energy),
            conditions: conditions, metadata: metadata, entryID: locator)
        var structureMetadata = SpaceGroupLookup.metadata(for: structure)
        structureMetadata["path"] = DFTJSON.string(locator)
        structureMetadata["lattice"] = VaspRunSummary.matrix(structure.lattice)
        let structureRecord = builder.observation(
            origin("structure"), composition: composition, formulaAsWritten: formula, property: "structure", value: nil, unit: nil,
            qualifier: "structure", valueAsReported: formula, conditions: [:], metadata: structureMetadata, entryID: locator)
        return [energyRecord, structureRecord]
    }

    /// Why the run must not be used, if it must not.
    static func quarantineReason(_ assessment: VaspRunAssessment) -> (code: String, message: String, field: String?, line: Int?)? {
        let run = assessment.run
        let steps = run.ionicSteps.count
        if let cut = run.truncation {
            let at = cut.line.map { " at line \($0)" } ?? ""
            return ("vasp.truncated", "the XML stops\(at) (\(cut.message)); \(steps) complete ionic step(s) before the cut",
                    nil, cut.line)
        }
        if steps == 0 { return ("vasp.no_ionic_step", "the run holds no <calculation> block (input only)", "calculation", nil) }
        let electronic = assessment.convergedElectronic
        let ionic = assessment.convergedIonic
        if electronic == false {
            let nelm = assessment.parameters.int("NELM").map(String.init) ?? "?"
            var message = "the last ionic step's SCF ran \(run.ionicSteps.last?.electronicSteps ?? 0) of NELM \(nelm) steps without converging"
            if ionic == false { message += "; the relaxation also hit NSW" }
            return ("vasp.unconverged_electronic", message, "NELM", nil)
        }
        if ionic == false {
            let nsw = assessment.parameters.int("NSW").map(String.init) ?? "?"
            return ("vasp.unconverged_ionic", "the relaxation stopped after \(steps) ionic steps at NSW \(nsw) without converging", "NSW", nil)
        }
        if electronic == nil { return ("vasp.unconverged_electronic", "convergence cannot be judged: NELM is missing", "NELM", nil) }
        return nil
    }
}
