import CurateIO
import Crystal

/// The compact JSON fields that describe a run: the raw text of its records and the metadata of
/// its energy (VASP version, run type, INCAR essentials, POTCARs, U values, convergence, Fermi
/// level, and every ionic step's energy, SCF count and largest force).
enum VaspRunSummary {
    /// Tags kept when the run set them: the ones that decide whether two runs are compatible.
    static let essentialTags = ["ENCUT", "ISPIN", "GGA", "METAGGA", "LASPH", "LDAU", "LDAUTYPE", "LDAUU", "LDAUJ", "LDAUL",
                                "IBRION", "ISIF", "NSW", "NELM", "EDIFF", "EDIFFG", "ISMEAR", "SIGMA", "LHFCALC", "AEXX",
                                "HFSCREEN", "IVDW", "PREC", "ALGO"]

    /// JSON texts by field name.
    static func fields(_ assessment: VaspRunAssessment) -> [String: String] {
        let run = assessment.run
        var fields: [String: String] = ["source_format": DFTJSON.string("vasprun.xml")]
        if let version = run.version { fields["vasp_version"] = DFTJSON.string(version) }
        if let runType = assessment.runType { fields["run_type"] = DFTJSON.string(runType) }
        var incar: [String: String] = [:]
        for tag in essentialTags {
            // What the user set wins; otherwise the value VASP ran with.
            if let value = run.incar[tag] ?? run.parameters[tag] { incar[tag] = DFTJSON.string(value.trimmingCharacters(in: .whitespaces)) }
        }
        fields["incar"] = JSONText.object(incar)
        fields["potcars"] = "[" + run.potcars.map(DFTJSON.string).joined(separator: ",") + "]"
        let hubbards = assessment.hubbards
        if !hubbards.isEmpty { fields["hubbards"] = JSONText.object(hubbards.mapValues(DFTJSON.number)) }
        // A cut-off run has no final energy or convergence: only its complete steps are listed.
        let complete = run.truncation == nil
        if complete, let flag = assessment.convergedElectronic { fields["converged_electronic"] = flag ? "true" : "false" }
        if complete, let flag = assessment.convergedIonic { fields["converged_ionic"] = flag ? "true" : "false" }
        if let fermi = run.fermiLevel { fields["efermi"] = DFTJSON.number(fermi) }
        if complete, let energy = assessment.finalEnergy { fields["final_energy"] = DFTJSON.number(energy) }
        fields["sites"] = DFTJSON.integer(run.atoms.count)
        fields["ionic_step_count"] = DFTJSON.integer(run.ionicSteps.count)
        fields["ionic_steps"] = "[" + run.ionicSteps.map { step in
            var entry: [String: String] = ["scf_steps": DFTJSON.integer(step.electronicSteps)]
            if let energy = step.sigmaZeroEnergy { entry["e_0_energy"] = DFTJSON.number(energy) }
            if let force = step.maximumForce { entry["max_force"] = DFTJSON.number(force) }
            return JSONText.object(entry)
        }.joined(separator: ",") + "]"
        if let cut = run.truncation {
            var truncation = ["message": DFTJSON.string(cut.message)]
            if let line = cut.line { truncation["line"] = DFTJSON.integer(line) }
            fields["truncated"] = JSONText.object(truncation)
        }
        return fields
    }

    /// A lattice's three vectors as a JSON array of arrays.
    static func matrix(_ lattice: Lattice) -> String {
        let rows = [lattice.matrix.r0, lattice.matrix.r1, lattice.matrix.r2]
        return "[" + rows.map { "[\(DFTJSON.number($0.x)),\(DFTJSON.number($0.y)),\(DFTJSON.number($0.z))]" }.joined(separator: ",") + "]"
    }
}
