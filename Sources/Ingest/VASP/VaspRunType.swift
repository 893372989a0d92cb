/// The functional a run used, named as pymatgen's `Vasprun.run_type` names it (GGA, PBE, SCAN,
/// R2SCAN, HSE06, … with `+U` and `+vdW-…` suffixes), so records from VASP folders and from MP
/// entries share one vocabulary.
enum VaspRunType {
    static let gga = [
        "RE": "revPBE", "PE": "PBE", "PS": "PBEsol", "RP": "revPBE+Padé", "AM": "AM05", "OR": "optPBE", "BO": "optB88",
        "MK": "optB86b", "--": "GGA",
    ]
    static let metaGGA = [
        "TPSS": "TPSS", "RTPSS": "revTPSS", "M06L": "M06-L", "MBJ": "modified Becke-Johnson", "SCAN": "SCAN", "R2SCAN": "R2SCAN",
        "RSCAN": "RSCAN", "MS0": "MadeSimple0", "MS1": "MadeSimple1", "MS2": "MadeSimple2",
    ]
    static let vdW = [0: "no-correction", 1: "DFT-D2", 10: "DFT-D2", 11: "DFT-D3", 12: "DFT-D3-BJ", 2: "TS", 20: "TS", 21: "TS-H", 202: "MBD", 4: "dDsC"]

    /// The run type of a run with these INCAR and parameter values and POTCARs; `nil` when
    /// nothing names the functional.
    static func of(incar: VaspTags, parameters: VaspTags, potcars: [String], isHubbard: Bool) -> String? {
        var name: String
        // pymatgen's order and its defaults for absent tags (VASP writes AEXX 0 and LHFCALC F for
        // a run without exact exchange, so these only fire for hybrids).
        if abs((parameters.double("AEXX") ?? 1) - 1) < 1e-9 {
            name = "HF"
        } else if abs((parameters.double("HFSCREEN") ?? 0.3) - 0.3) < 1e-9 {
            name = "HSE03"
        } else if (0.2...0.21).contains(parameters.double("HFSCREEN") ?? 0.2) {
            name = "HSE06"
        } else if abs((parameters.double("AEXX") ?? 0.2) - 0.2) < 1e-9 {
            name = "B3LYP"
        } else if parameters.bool("LHFCALC") ?? true {
            name = "PBEO or other Hybrid Functional"
        } else if let tag = incar.string("METAGGA")?.uppercased(), !tag.isEmpty, tag != "--", tag != "NONE" {
            name = metaGGA[tag] ?? tag
        } else if let tag = parameters.string("GGA")?.uppercased(), !tag.isEmpty {
            name = gga[tag] ?? tag
        } else if potcars.first?.split(separator: " ").first == "PAW" {
            name = "LDA"
        } else {
            return nil
        }
        if isHubbard || parameters.bool("LDAU") ?? true { name += "+U" }
        if parameters.bool("LUSE_VDW") == true {
            name += "+rVV10"
        } else if let ivdw = incar.int("IVDW") {
            if let label = vdW[ivdw] { name += "+vdW-\(label)" } else if ivdw != 0 { name += "+vdW-unknown" }
        }
        return name
    }
}
