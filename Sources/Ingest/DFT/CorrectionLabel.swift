/// Labels of the energy-correction state a DFT value carries, recorded as the `correction`
/// condition of every energy observation so that corrected and uncorrected numbers (or numbers
/// from different schemes) are never mixed silently.
enum CorrectionLabel {
    /// Raw DFT energies, no compatibility corrections.
    static let none = "none"
    /// pymatgen `MaterialsProject2020Compatibility`.
    static let mp2020 = "mp2020"
    /// pymatgen `MaterialsProjectCompatibility` (the pre-2020 scheme).
    static let mpLegacy = "mp_legacy"
    /// pymatgen `MaterialsProjectAqueousCompatibility`.
    static let mpAqueous = "mp_aqueous"
    /// pymatgen `MaterialsProjectDFTMixingScheme` (GGA/GGA+U/r2SCAN mixing).
    static let mpDFTMixing = "mp_dft_mixing"
    /// As published by the WBM authors (their formation energies and hull distances, computed
    /// against Materials Project with the compatibility scheme of the time).
    static let wbmPublished = "wbm_published"
    /// A correction was applied but the source does not say which.
    static let unspecified = "unspecified"

    /// The label of a pymatgen compatibility class (`cls.@class` of an energy adjustment).
    static func of(compatibilityClass name: String) -> String {
        switch name {
        case "MaterialsProject2020Compatibility": mp2020
        case "MaterialsProjectCompatibility": mpLegacy
        case "MaterialsProjectAqueousCompatibility": mpAqueous
        case "MaterialsProjectDFTMixingScheme": mpDFTMixing
        default: name
        }
    }

    /// The label of a Materials Project `thermo_type` (the hull a document's corrected energies
    /// belong to), or nil when unknown.
    static func of(thermoType: String) -> String? {
        switch thermoType {
        case "GGA_GGA+U": mp2020
        case "GGA_GGA+U_R2SCAN": mpDFTMixing
        case "R2SCAN": none
        default: nil
        }
    }
}
