// GENERATED FILE - do not edit by hand.
// Regenerate with: python3 scripts/generate-element-data.py
// Source versions: pymatgen 2026.10.16, ElMD (mod_petti lookup).
//
// Sources of the facts:
// - name, atomicMass, paulingElectronegativity, commonOxidationStates, period, block:
//   pymatgen.core.periodic_table.Element (long_name, atomic_mass, X,
//   common_oxidation_states, row, block). pymatgen's atomic masses are IUPAC standard
//   atomic weights of an older edition (e.g. H 1.00794, Zn 65.409); elements without
//   stable isotopes carry a mass number.
// - group: pymatgen's group, except for the lanthanides and actinides (below).
// - modifiedPettifor: modified Pettifor scale of Glawe et al., New J. Phys. 18, 093011
//   (2016), as tabulated by the ElMD package (mod_petti). Numbered 1...103 as in the
//   paper (He = 1, Ne = 2, ..., F = 102, H = 103), i.e. ElMD's 0-based value + 1;
//   nil for Z > 103, which the scale does not cover.
// - covalentRadius: single-bond covalent radii of Cordero et al., Dalton Trans. 2008,
//   2832-2838, in angstrom, for Z = 1...96 (C: sp3; Mn, Fe, Co: low spin); nil above.
//
// Conventions for the lanthanides and actinides:
// - group: La and Ac are group 3; Ce...Lu (Z 58-71) and Th...Lr (Z 90-103) have
//   group nil.
// - block (pymatgen's convention): La, Ce...Yb, Ac and Th...No are "f"; Lu and Lr are
//   "d". So Lu and Lr are d-block elements with group nil.
// - period: lanthanides 6, actinides 7.

/// The generated element table; see the header of this file for sources and conventions.
enum ElementData {
    /// All 118 elements in atomic-number order (index `z - 1`).
    static let all: [Element] = [
        Element(z: 1, symbol: "H", name: "Hydrogen", atomicMass: 1.00794, group: 1, period: 1, block: .s, paulingElectronegativity: 2.2, modifiedPettifor: 103, commonOxidationStates: [-1, 1], covalentRadius: 0.31),
        Element(z: 2, symbol: "He", name: "Helium", atomicMass: 4.002602, group: 18, period: 1, block: .p, paulingElectronegativity: nil, modifiedPettifor: 1, commonOxidationStates: [], covalentRadius: 0.28),
        Element(z: 3, symbol: "Li", name: "Lithium", atomicMass: 6.941, group: 1, period: 2, block: .s, paulingElectronegativity: 0.98, modifiedPettifor: 12, commonOxidationStates: [1], covalentRadius: 1.28),
        Element(z: 4, symbol: "Be", name: "Beryllium", atomicMass: 9.012182, group: 2, period: 2, block: .s, paulingElectronegativity: 1.57, modifiedPettifor: 77, commonOxidationStates: [2], covalentRadius: 0.96),
        Element(z: 5, symbol: "B", name: "Boron", atomicMass: 10.811, group: 13, period: 2, block: .p, paulingElectronegativity: 2.04, modifiedPettifor: 86, commonOxidationStates: [3], covalentRadius: 0.84),
        Element(z: 6, symbol: "C", name: "Carbon", atomicMass: 12.0107, group: 14, period: 2, block: .p, paulingElectronegativity: 2.55, modifiedPettifor: 87, commonOxidationStates: [-4, -3, -2, -1, 0, 1, 2, 3, 4], covalentRadius: 0.76),
        Element(z: 7, symbol: "N", name: "Nitrogen", atomicMass: 14.0067, group: 15, period: 2, block: .p, paulingElectronegativity: 3.04, modifiedPettifor: 88, commonOxidationStates: [-3, 3, 5], covalentRadius: 0.71),
        Element(z: 8, symbol: "O", name: "Oxygen", atomicMass: 15.9994, group: 16, period: 2, block: .p, paulingElectronegativity: 3.44, modifiedPettifor: 97, commonOxidationStates: [-2], covalentRadius: 0.66),
        Element(z: 9, symbol: "F", name: "Fluorine", atomicMass: 18.9984032, group: 17, period: 2, block: .p, paulingElectronegativity: 3.98, modifiedPettifor: 102, commonOxidationStates: [-1], covalentRadius: 0.57),
        Element(z: 10, symbol: "Ne", name: "Neon", atomicMass: 20.1797, group: 18, period: 2, block: .p, paulingElectronegativity: nil, modifiedPettifor: 2, commonOxidationStates: [], covalentRadius: 0.58),
        Element(z: 11, symbol: "Na", name: "Sodium", atomicMass: 22.98976928, group: 1, period: 3, block: .s, paulingElectronegativity: 0.93, modifiedPettifor: 11, commonOxidationStates: [1], covalentRadius: 1.66),
        Element(z: 12, symbol: "Mg", name: "Magnesium", atomicMass: 24.305, group: 2, period: 3, block: .s, paulingElectronegativity: 1.31, modifiedPettifor: 73, commonOxidationStates: [2], covalentRadius: 1.41),
        Element(z: 13, symbol: "Al", name: "Aluminum", atomicMass: 26.9815386, group: 13, period: 3, block: .p, paulingElectronegativity: 1.61, modifiedPettifor: 78, commonOxidationStates: [3], covalentRadius: 1.21),
        Element(z: 14, symbol: "Si", name: "Silicon", atomicMass: 28.0855, group: 14, period: 3, block: .p, paulingElectronegativity: 1.9, modifiedPettifor: 85, commonOxidationStates: [-4, 4], covalentRadius: 1.11),
        Element(z: 15, symbol: "P", name: "Phosphorus", atomicMass: 30.973762, group: 15, period: 3, block: .p, paulingElectronegativity: 2.19, modifiedPettifor: 89, commonOxidationStates: [-3, 3, 5], covalentRadius: 1.07),
        Element(z: 16, symbol: "S", name: "Sulfur", atomicMass: 32.065, group: 16, period: 3, block: .p, paulingElectronegativity: 2.58, modifiedPettifor: 96, commonOxidationStates: [-2, 2, 4, 6], covalentRadius: 1.05),
        Element(z: 17, symbol: "Cl", name: "Chlorine", atomicMass: 35.453, group: 17, period: 3, block: .p, paulingElectronegativity: 3.16, modifiedPettifor: 101, commonOxidationStates: [-1, 1, 3, 5, 7], covalentRadius: 1.02),
        Element(z: 18, symbol: "Ar", name: "Argon", atomicMass: 39.948, group: 18, period: 3, block: .p, paulingElectronegativity: nil, modifiedPettifor: 3, commonOxidationStates: [], covalentRadius: 1.06),
        Element(z: 19, symbol: "K", name: "Potassium", atomicMass: 39.0983, group: 1, period: 4, block: .s, paulingElectronegativity: 0.82, modifiedPettifor: 10, commonOxidationStates: [1], covalentRadius: 2.03),
        Element(z: 20, symbol: "Ca", name: "Calcium", atomicMass: 40.078, group: 2, period: 4, block: .s, paulingElectronegativity: 1.0, modifiedPettifor: 16, commonOxidationStates: [2], covalentRadius: 1.76),
        Element(z: 21, symbol: "Sc", name: "Scandium", atomicMass: 44.955912, group: 3, period: 4, block: .d, paulingElectronegativity: 1.36, modifiedPettifor: 48, commonOxidationStates: [3], covalentRadius: 1.7),
        Element(z: 22, symbol: "Ti", name: "Titanium", atomicMass: 47.867, group: 4, period: 4, block: .d, paulingElectronegativity: 1.54, modifiedPettifor: 51, commonOxidationStates: [4], covalentRadius: 1.6),
        Element(z: 23, symbol: "V", name: "Vanadium", atomicMass: 50.9415, group: 5, period: 4, block: .d, paulingElectronegativity: 1.63, modifiedPettifor: 54, commonOxidationStates: [5], covalentRadius: 1.53),
        Element(z: 24, symbol: "Cr", name: "Chromium", atomicMass: 51.9961, group: 6, period: 4, block: .d, paulingElectronegativity: 1.66, modifiedPettifor: 55, commonOxidationStates: [3, 6], covalentRadius: 1.39),
        Element(z: 25, symbol: "Mn", name: "Manganese", atomicMass: 54.938045, group: 7, period: 4, block: .d, paulingElectronegativity: 1.55, modifiedPettifor: 72, commonOxidationStates: [2, 4, 7], covalentRadius: 1.39),
        Element(z: 26, symbol: "Fe", name: "Iron", atomicMass: 55.845, group: 8, period: 4, block: .d, paulingElectronegativity: 1.83, modifiedPettifor: 71, commonOxidationStates: [2, 3], covalentRadius: 1.32),
        Element(z: 27, symbol: "Co", name: "Cobalt", atomicMass: 58.933195, group: 9, period: 4, block: .d, paulingElectronegativity: 1.88, modifiedPettifor: 70, commonOxidationStates: [2, 3], covalentRadius: 1.26),
        Element(z: 28, symbol: "Ni", name: "Nickel", atomicMass: 58.6934, group: 10, period: 4, block: .d, paulingElectronegativity: 1.91, modifiedPettifor: 69, commonOxidationStates: [2], covalentRadius: 1.24),
        Element(z: 29, symbol: "Cu", name: "Copper", atomicMass: 63.546, group: 11, period: 4, block: .d, paulingElectronegativity: 1.9, modifiedPettifor: 68, commonOxidationStates: [2], covalentRadius: 1.32),
        Element(z: 30, symbol: "Zn", name: "Zinc", atomicMass: 65.409, group: 12, period: 4, block: .d, paulingElectronegativity: 1.65, modifiedPettifor: 74, commonOxidationStates: [2], covalentRadius: 1.22),
        Element(z: 31, symbol: "Ga", name: "Gallium", atomicMass: 69.723, group: 13, period: 4, block: .p, paulingElectronegativity: 1.81, modifiedPettifor: 79, commonOxidationStates: [3], covalentRadius: 1.22),
        Element(z: 32, symbol: "Ge", name: "Germanium", atomicMass: 72.64, group: 14, period: 4, block: .p, paulingElectronegativity: 2.01, modifiedPettifor: 84, commonOxidationStates: [-4, 2, 4], covalentRadius: 1.2),
        Element(z: 33, symbol: "As", name: "Arsenic", atomicMass: 74.9216, group: 15, period: 4, block: .p, paulingElectronegativity: 2.18, modifiedPettifor: 90, commonOxidationStates: [-3, 3, 5], covalentRadius: 1.19),
        Element(z: 34, symbol: "Se", name: "Selenium", atomicMass: 78.96, group: 16, period: 4, block: .p, paulingElectronegativity: 2.55, modifiedPettifor: 95, commonOxidationStates: [-2, 2, 4, 6], covalentRadius: 1.2),
        Element(z: 35, symbol: "Br", name: "Bromine", atomicMass: 79.904, group: 17, period: 4, block: .p, paulingElectronegativity: 2.96, modifiedPettifor: 100, commonOxidationStates: [-1, 1, 3, 5], covalentRadius: 1.2),
        Element(z: 36, symbol: "Kr", name: "Krypton", atomicMass: 83.798, group: 18, period: 4, block: .p, paulingElectronegativity: 3.0, modifiedPettifor: 4, commonOxidationStates: [2], covalentRadius: 1.16),
        Element(z: 37, symbol: "Rb", name: "Rubidium", atomicMass: 85.4678, group: 1, period: 5, block: .s, paulingElectronegativity: 0.82, modifiedPettifor: 9, commonOxidationStates: [1], covalentRadius: 2.2),
        Element(z: 38, symbol: "Sr", name: "Strontium", atomicMass: 87.62, group: 2, period: 5, block: .s, paulingElectronegativity: 0.95, modifiedPettifor: 15, commonOxidationStates: [2], covalentRadius: 1.95),
        Element(z: 39, symbol: "Y", name: "Yttrium", atomicMass: 88.90585, group: 3, period: 5, block: .d, paulingElectronegativity: 1.22, modifiedPettifor: 21, commonOxidationStates: [3], covalentRadius: 1.9),
        Element(z: 40, symbol: "Zr", name: "Zirconium", atomicMass: 91.224, group: 4, period: 5, block: .d, paulingElectronegativity: 1.33, modifiedPettifor: 49, commonOxidationStates: [4], covalentRadius: 1.75),
        Element(z: 41, symbol: "Nb", name: "Niobium", atomicMass: 92.90638, group: 5, period: 5, block: .d, paulingElectronegativity: 1.6, modifiedPettifor: 53, commonOxidationStates: [5], covalentRadius: 1.64),
        Element(z: 42, symbol: "Mo", name: "Molybdenum", atomicMass: 95.94, group: 6, period: 5, block: .d, paulingElectronegativity: 2.16, modifiedPettifor: 56, commonOxidationStates: [4, 6], covalentRadius: 1.54),
        Element(z: 43, symbol: "Tc", name: "Technetium", atomicMass: 98.0, group: 7, period: 5, block: .d, paulingElectronegativity: 1.9, modifiedPettifor: 59, commonOxidationStates: [4, 7], covalentRadius: 1.47),
        Element(z: 44, symbol: "Ru", name: "Ruthenium", atomicMass: 101.07, group: 8, period: 5, block: .d, paulingElectronegativity: 2.2, modifiedPettifor: 61, commonOxidationStates: [3, 4], covalentRadius: 1.46),
        Element(z: 45, symbol: "Rh", name: "Rhodium", atomicMass: 102.9055, group: 9, period: 5, block: .d, paulingElectronegativity: 2.28, modifiedPettifor: 63, commonOxidationStates: [3], covalentRadius: 1.42),
        Element(z: 46, symbol: "Pd", name: "Palladium", atomicMass: 106.42, group: 10, period: 5, block: .d, paulingElectronegativity: 2.2, modifiedPettifor: 65, commonOxidationStates: [2, 4], covalentRadius: 1.39),
        Element(z: 47, symbol: "Ag", name: "Silver", atomicMass: 107.8682, group: 11, period: 5, block: .d, paulingElectronegativity: 1.93, modifiedPettifor: 67, commonOxidationStates: [1], covalentRadius: 1.45),
        Element(z: 48, symbol: "Cd", name: "Cadmium", atomicMass: 112.411, group: 12, period: 5, block: .d, paulingElectronegativity: 1.69, modifiedPettifor: 75, commonOxidationStates: [2], covalentRadius: 1.44),
        Element(z: 49, symbol: "In", name: "Indium", atomicMass: 114.818, group: 13, period: 5, block: .p, paulingElectronegativity: 1.78, modifiedPettifor: 80, commonOxidationStates: [3], covalentRadius: 1.42),
        Element(z: 50, symbol: "Sn", name: "Tin", atomicMass: 118.71, group: 14, period: 5, block: .p, paulingElectronegativity: 1.96, modifiedPettifor: 83, commonOxidationStates: [-4, 2, 4], covalentRadius: 1.39),
        Element(z: 51, symbol: "Sb", name: "Antimony", atomicMass: 121.76, group: 15, period: 5, block: .p, paulingElectronegativity: 2.05, modifiedPettifor: 91, commonOxidationStates: [-3, 3, 5], covalentRadius: 1.39),
        Element(z: 52, symbol: "Te", name: "Tellurium", atomicMass: 127.6, group: 16, period: 5, block: .p, paulingElectronegativity: 2.1, modifiedPettifor: 94, commonOxidationStates: [-2, 2, 4, 6], covalentRadius: 1.38),
        Element(z: 53, symbol: "I", name: "Iodine", atomicMass: 126.90447, group: 17, period: 5, block: .p, paulingElectronegativity: 2.66, modifiedPettifor: 99, commonOxidationStates: [-1, 1, 3, 5, 7], covalentRadius: 1.39),
        Element(z: 54, symbol: "Xe", name: "Xenon", atomicMass: 131.293, group: 18, period: 5, block: .p, paulingElectronegativity: 2.6, modifiedPettifor: 5, commonOxidationStates: [2, 4, 6], covalentRadius: 1.4),
        Element(z: 55, symbol: "Cs", name: "Cesium", atomicMass: 132.9054519, group: 1, period: 6, block: .s, paulingElectronegativity: 0.79, modifiedPettifor: 8, commonOxidationStates: [1], covalentRadius: 2.44),
        Element(z: 56, symbol: "Ba", name: "Barium", atomicMass: 137.327, group: 2, period: 6, block: .s, paulingElectronegativity: 0.89, modifiedPettifor: 14, commonOxidationStates: [2], covalentRadius: 2.15),
        Element(z: 57, symbol: "La", name: "Lanthanum", atomicMass: 138.90547, group: 3, period: 6, block: .f, paulingElectronegativity: 1.1, modifiedPettifor: 32, commonOxidationStates: [3], covalentRadius: 2.07),
        Element(z: 58, symbol: "Ce", name: "Cerium", atomicMass: 140.116, group: nil, period: 6, block: .f, paulingElectronegativity: 1.12, modifiedPettifor: 31, commonOxidationStates: [3, 4], covalentRadius: 2.04),
        Element(z: 59, symbol: "Pr", name: "Praseodymium", atomicMass: 140.90765, group: nil, period: 6, block: .f, paulingElectronegativity: 1.13, modifiedPettifor: 30, commonOxidationStates: [3], covalentRadius: 2.03),
        Element(z: 60, symbol: "Nd", name: "Neodymium", atomicMass: 144.242, group: nil, period: 6, block: .f, paulingElectronegativity: 1.14, modifiedPettifor: 29, commonOxidationStates: [3], covalentRadius: 2.01),
        Element(z: 61, symbol: "Pm", name: "Promethium", atomicMass: 145.0, group: nil, period: 6, block: .f, paulingElectronegativity: 1.13, modifiedPettifor: 28, commonOxidationStates: [3], covalentRadius: 1.99),
        Element(z: 62, symbol: "Sm", name: "Samarium", atomicMass: 150.36, group: nil, period: 6, block: .f, paulingElectronegativity: 1.17, modifiedPettifor: 27, commonOxidationStates: [3], covalentRadius: 1.98),
        Element(z: 63, symbol: "Eu", name: "Europium", atomicMass: 151.964, group: nil, period: 6, block: .f, paulingElectronegativity: 1.2, modifiedPettifor: 17, commonOxidationStates: [2, 3], covalentRadius: 1.98),
        Element(z: 64, symbol: "Gd", name: "Gadolinium", atomicMass: 157.25, group: nil, period: 6, block: .f, paulingElectronegativity: 1.2, modifiedPettifor: 26, commonOxidationStates: [3], covalentRadius: 1.96),
        Element(z: 65, symbol: "Tb", name: "Terbium", atomicMass: 158.92535, group: nil, period: 6, block: .f, paulingElectronegativity: 1.1, modifiedPettifor: 25, commonOxidationStates: [3], covalentRadius: 1.94),
        Element(z: 66, symbol: "Dy", name: "Dysprosium", atomicMass: 162.5, group: nil, period: 6, block: .f, paulingElectronegativity: 1.22, modifiedPettifor: 24, commonOxidationStates: [3], covalentRadius: 1.92),
        Element(z: 67, symbol: "Ho", name: "Holmium", atomicMass: 164.93032, group: nil, period: 6, block: .f, paulingElectronegativity: 1.23, modifiedPettifor: 23, commonOxidationStates: [3], covalentRadius: 1.92),
        Element(z: 68, symbol: "Er", name: "Erbium", atomicMass: 167.259, group: nil, period: 6, block: .f, paulingElectronegativity: 1.24, modifiedPettifor: 22, commonOxidationStates: [3], covalentRadius: 1.89),
        Element(z: 69, symbol: "Tm", name: "Thulium", atomicMass: 168.93421, group: nil, period: 6, block: .f, paulingElectronegativity: 1.25, modifiedPettifor: 20, commonOxidationStates: [3], covalentRadius: 1.9),
        Element(z: 70, symbol: "Yb", name: "Ytterbium", atomicMass: 173.04, group: nil, period: 6, block: .f, paulingElectronegativity: 1.1, modifiedPettifor: 18, commonOxidationStates: [3], covalentRadius: 1.87),
        Element(z: 71, symbol: "Lu", name: "Lutetium", atomicMass: 174.967, group: nil, period: 6, block: .d, paulingElectronegativity: 1.27, modifiedPettifor: 19, commonOxidationStates: [3], covalentRadius: 1.87),
        Element(z: 72, symbol: "Hf", name: "Hafnium", atomicMass: 178.49, group: 4, period: 6, block: .d, paulingElectronegativity: 1.3, modifiedPettifor: 50, commonOxidationStates: [4], covalentRadius: 1.75),
        Element(z: 73, symbol: "Ta", name: "Tantalum", atomicMass: 180.94788, group: 5, period: 6, block: .d, paulingElectronegativity: 1.5, modifiedPettifor: 52, commonOxidationStates: [5], covalentRadius: 1.7),
        Element(z: 74, symbol: "W", name: "Tungsten", atomicMass: 183.84, group: 6, period: 6, block: .d, paulingElectronegativity: 2.36, modifiedPettifor: 57, commonOxidationStates: [4, 6], covalentRadius: 1.62),
        Element(z: 75, symbol: "Re", name: "Rhenium", atomicMass: 186.207, group: 7, period: 6, block: .d, paulingElectronegativity: 1.9, modifiedPettifor: 58, commonOxidationStates: [4, 7], covalentRadius: 1.51),
        Element(z: 76, symbol: "Os", name: "Osmium", atomicMass: 190.23, group: 8, period: 6, block: .d, paulingElectronegativity: 2.2, modifiedPettifor: 60, commonOxidationStates: [4], covalentRadius: 1.44),
        Element(z: 77, symbol: "Ir", name: "Iridium", atomicMass: 192.217, group: 9, period: 6, block: .d, paulingElectronegativity: 2.2, modifiedPettifor: 62, commonOxidationStates: [3, 4], covalentRadius: 1.41),
        Element(z: 78, symbol: "Pt", name: "Platinum", atomicMass: 195.084, group: 10, period: 6, block: .d, paulingElectronegativity: 2.28, modifiedPettifor: 64, commonOxidationStates: [2, 4], covalentRadius: 1.36),
        Element(z: 79, symbol: "Au", name: "Gold", atomicMass: 196.966569, group: 11, period: 6, block: .d, paulingElectronegativity: 2.54, modifiedPettifor: 66, commonOxidationStates: [3], covalentRadius: 1.36),
        Element(z: 80, symbol: "Hg", name: "Mercury", atomicMass: 200.59, group: 12, period: 6, block: .d, paulingElectronegativity: 2.0, modifiedPettifor: 76, commonOxidationStates: [1, 2], covalentRadius: 1.32),
        Element(z: 81, symbol: "Tl", name: "Thallium", atomicMass: 204.3833, group: 13, period: 6, block: .p, paulingElectronegativity: 1.62, modifiedPettifor: 81, commonOxidationStates: [1, 3], covalentRadius: 1.45),
        Element(z: 82, symbol: "Pb", name: "Lead", atomicMass: 207.2, group: 14, period: 6, block: .p, paulingElectronegativity: 2.33, modifiedPettifor: 82, commonOxidationStates: [2, 4], covalentRadius: 1.46),
        Element(z: 83, symbol: "Bi", name: "Bismuth", atomicMass: 208.9804, group: 15, period: 6, block: .p, paulingElectronegativity: 2.02, modifiedPettifor: 92, commonOxidationStates: [3], covalentRadius: 1.48),
        Element(z: 84, symbol: "Po", name: "Polonium", atomicMass: 210.0, group: 16, period: 6, block: .p, paulingElectronegativity: 2.0, modifiedPettifor: 93, commonOxidationStates: [-2, 2, 4], covalentRadius: 1.4),
        Element(z: 85, symbol: "At", name: "Astatine", atomicMass: 210.0, group: 17, period: 6, block: .p, paulingElectronegativity: 2.2, modifiedPettifor: 98, commonOxidationStates: [-1, 1], covalentRadius: 1.5),
        Element(z: 86, symbol: "Rn", name: "Radon", atomicMass: 220.0, group: 18, period: 6, block: .p, paulingElectronegativity: 2.2, modifiedPettifor: 6, commonOxidationStates: [], covalentRadius: 1.5),
        Element(z: 87, symbol: "Fr", name: "Francium", atomicMass: 223.0, group: 1, period: 7, block: .s, paulingElectronegativity: 0.7, modifiedPettifor: 7, commonOxidationStates: [1], covalentRadius: 2.6),
        Element(z: 88, symbol: "Ra", name: "Radium", atomicMass: 226.0, group: 2, period: 7, block: .s, paulingElectronegativity: 0.9, modifiedPettifor: 13, commonOxidationStates: [2], covalentRadius: 2.21),
        Element(z: 89, symbol: "Ac", name: "Actinium", atomicMass: 227.0, group: 3, period: 7, block: .f, paulingElectronegativity: 1.1, modifiedPettifor: 33, commonOxidationStates: [3], covalentRadius: 2.15),
        Element(z: 90, symbol: "Th", name: "Thorium", atomicMass: 232.03806, group: nil, period: 7, block: .f, paulingElectronegativity: 1.3, modifiedPettifor: 34, commonOxidationStates: [4], covalentRadius: 2.06),
        Element(z: 91, symbol: "Pa", name: "Protactinium", atomicMass: 231.03588, group: nil, period: 7, block: .f, paulingElectronegativity: 1.5, modifiedPettifor: 35, commonOxidationStates: [5], covalentRadius: 2.0),
        Element(z: 92, symbol: "U", name: "Uranium", atomicMass: 238.02891, group: nil, period: 7, block: .f, paulingElectronegativity: 1.38, modifiedPettifor: 36, commonOxidationStates: [6], covalentRadius: 1.96),
        Element(z: 93, symbol: "Np", name: "Neptunium", atomicMass: 237.0, group: nil, period: 7, block: .f, paulingElectronegativity: 1.36, modifiedPettifor: 37, commonOxidationStates: [5], covalentRadius: 1.9),
        Element(z: 94, symbol: "Pu", name: "Plutonium", atomicMass: 244.0, group: nil, period: 7, block: .f, paulingElectronegativity: 1.28, modifiedPettifor: 38, commonOxidationStates: [4], covalentRadius: 1.87),
        Element(z: 95, symbol: "Am", name: "Americium", atomicMass: 243.0, group: nil, period: 7, block: .f, paulingElectronegativity: 1.3, modifiedPettifor: 39, commonOxidationStates: [3], covalentRadius: 1.8),
        Element(z: 96, symbol: "Cm", name: "Curium", atomicMass: 247.0, group: nil, period: 7, block: .f, paulingElectronegativity: 1.3, modifiedPettifor: 40, commonOxidationStates: [3], covalentRadius: 1.69),
        Element(z: 97, symbol: "Bk", name: "Berkelium", atomicMass: 247.0, group: nil, period: 7, block: .f, paulingElectronegativity: 1.3, modifiedPettifor: 41, commonOxidationStates: [3], covalentRadius: nil),
        Element(z: 98, symbol: "Cf", name: "Californium", atomicMass: 251.0, group: nil, period: 7, block: .f, paulingElectronegativity: 1.3, modifiedPettifor: 42, commonOxidationStates: [3], covalentRadius: nil),
        Element(z: 99, symbol: "Es", name: "Einsteinium", atomicMass: 252.0, group: nil, period: 7, block: .f, paulingElectronegativity: 1.3, modifiedPettifor: 43, commonOxidationStates: [3], covalentRadius: nil),
        Element(z: 100, symbol: "Fm", name: "Fermium", atomicMass: 257.0, group: nil, period: 7, block: .f, paulingElectronegativity: 1.3, modifiedPettifor: 44, commonOxidationStates: [3], covalentRadius: nil),
        Element(z: 101, symbol: "Md", name: "Mendelevium", atomicMass: 258.0, group: nil, period: 7, block: .f, paulingElectronegativity: 1.3, modifiedPettifor: 45, commonOxidationStates: [3], covalentRadius: nil),
        Element(z: 102, symbol: "No", name: "Nobelium", atomicMass: 259.0, group: nil, period: 7, block: .f, paulingElectronegativity: 1.3, modifiedPettifor: 46, commonOxidationStates: [3], covalentRadius: nil),
        Element(z: 103, symbol: "Lr", name: "Lawrencium", atomicMass: 262.0, group: nil, period: 7, block: .d, paulingElectronegativity: 1.3, modifiedPettifor: 47, commonOxidationStates: [3], covalentRadius: nil),
        Element(z: 104, symbol: "Rf", name: "Rutherfordium", atomicMass: 267.0, group: 4, period: 7, block: .d, paulingElectronegativity: nil, modifiedPettifor: nil, commonOxidationStates: [4], covalentRadius: nil),
        Element(z: 105, symbol: "Db", name: "Dubnium", atomicMass: 268.0, group: 5, period: 7, block: .d, paulingElectronegativity: nil, modifiedPettifor: nil, commonOxidationStates: [], covalentRadius: nil),
        Element(z: 106, symbol: "Sg", name: "Seaborgium", atomicMass: 269.0, group: 6, period: 7, block: .d, paulingElectronegativity: nil, modifiedPettifor: nil, commonOxidationStates: [], covalentRadius: nil),
        Element(z: 107, symbol: "Bh", name: "Bohrium", atomicMass: 270.0, group: 7, period: 7, block: .d, paulingElectronegativity: nil, modifiedPettifor: nil, commonOxidationStates: [], covalentRadius: nil),
        Element(z: 108, symbol: "Hs", name: "Hassium", atomicMass: 270.0, group: 8, period: 7, block: .d, paulingElectronegativity: nil, modifiedPettifor: nil, commonOxidationStates: [], covalentRadius: nil),
        Element(z: 109, symbol: "Mt", name: "Meitnerium", atomicMass: 278.0, group: 9, period: 7, block: .d, paulingElectronegativity: nil, modifiedPettifor: nil, commonOxidationStates: [], covalentRadius: nil),
        Element(z: 110, symbol: "Ds", name: "Darmstadtium", atomicMass: 281.0, group: 10, period: 7, block: .d, paulingElectronegativity: nil, modifiedPettifor: nil, commonOxidationStates: [], covalentRadius: nil),
        Element(z: 111, symbol: "Rg", name: "Roentgenium", atomicMass: 282.0, group: 11, period: 7, block: .d, paulingElectronegativity: nil, modifiedPettifor: nil, commonOxidationStates: [], covalentRadius: nil),
        Element(z: 112, symbol: "Cn", name: "Copernicium", atomicMass: 285.0, group: 12, period: 7, block: .d, paulingElectronegativity: nil, modifiedPettifor: nil, commonOxidationStates: [], covalentRadius: nil),
        Element(z: 113, symbol: "Nh", name: "Nihonium", atomicMass: 286.0, group: 13, period: 7, block: .p, paulingElectronegativity: nil, modifiedPettifor: nil, commonOxidationStates: [], covalentRadius: nil),
        Element(z: 114, symbol: "Fl", name: "Flerovium", atomicMass: 289.0, group: 14, period: 7, block: .p, paulingElectronegativity: nil, modifiedPettifor: nil, commonOxidationStates: [], covalentRadius: nil),
        Element(z: 115, symbol: "Mc", name: "Moscovium", atomicMass: 290.0, group: 15, period: 7, block: .p, paulingElectronegativity: nil, modifiedPettifor: nil, commonOxidationStates: [], covalentRadius: nil),
        Element(z: 116, symbol: "Lv", name: "Livermorium", atomicMass: 293.0, group: 16, period: 7, block: .p, paulingElectronegativity: nil, modifiedPettifor: nil, commonOxidationStates: [], covalentRadius: nil),
        Element(z: 117, symbol: "Ts", name: "Tennessine", atomicMass: 294.0, group: 17, period: 7, block: .p, paulingElectronegativity: nil, modifiedPettifor: nil, commonOxidationStates: [], covalentRadius: nil),
        Element(z: 118, symbol: "Og", name: "Oganesson", atomicMass: 294.0, group: 18, period: 7, block: .p, paulingElectronegativity: nil, modifiedPettifor: nil, commonOxidationStates: [], covalentRadius: nil),
    ]
}
