// GENERATED FILE - do not edit by hand.
// Regenerate with: python3 scripts/generate-oxidation-states.py
// Source: pymatgen 2026.10.16, Element.icsd_oxidation_states (oxidation states
// observed in the Inorganic Crystal Structure Database), sorted ascending.

/// Oxidation states observed in the ICSD, by atomic number (index `z - 1`); empty where
/// none is tabulated. Generated; see the header of this file.
enum ObservedOxidationStates {
    static let byAtomicNumber: [[Int]] = [
        [-1, 1], // H
        [], // He
        [1], // Li
        [2], // Be
        [-3, 3], // B
        [-4, -3, -2, 2, 3, 4], // C
        [-3, -2, -1, 1, 3, 5], // N
        [-2], // O
        [-1], // F
        [], // Ne
        [1], // Na
        [2], // Mg
        [3], // Al
        [-4, 4], // Si
        [-3, -2, -1, 3, 4, 5], // P
        [-2, -1, 2, 4, 6], // S
        [-1], // Cl
        [], // Ar
        [1], // K
        [2], // Ca
        [2, 3], // Sc
        [2, 3, 4], // Ti
        [2, 3, 4, 5], // V
        [2, 3, 4, 5, 6], // Cr
        [2, 3, 4, 7], // Mn
        [2, 3], // Fe
        [1, 2, 3, 4], // Co
        [1, 2, 3, 4], // Ni
        [1, 2, 3], // Cu
        [2], // Zn
        [2, 3], // Ga
        [2, 3, 4], // Ge
        [-3, -2, -1, 2, 3, 5], // As
        [-2, -1, 4, 6], // Se
        [-1, 5], // Br
        [], // Kr
        [1], // Rb
        [2], // Sr
        [3], // Y
        [2, 3, 4], // Zr
        [2, 3, 4, 5], // Nb
        [2, 3, 4, 5, 6], // Mo
        [], // Tc
        [2, 3, 4, 5, 6], // Ru
        [3, 4], // Rh
        [2, 4], // Pd
        [1, 2, 3], // Ag
        [2], // Cd
        [1, 2, 3], // In
        [2, 3, 4], // Sn
        [-3, -2, -1, 3, 5], // Sb
        [-2, -1, 4, 6], // Te
        [-1, 5], // I
        [], // Xe
        [1], // Cs
        [2], // Ba
        [2, 3], // La
        [3, 4], // Ce
        [3, 4], // Pr
        [2, 3], // Nd
        [], // Pm
        [2, 3], // Sm
        [2, 3], // Eu
        [3], // Gd
        [3, 4], // Tb
        [3], // Dy
        [3], // Ho
        [3], // Er
        [3], // Tm
        [2, 3], // Yb
        [3], // Lu
        [4], // Hf
        [3, 4, 5], // Ta
        [2, 3, 4, 5, 6], // W
        [3, 4, 5, 6, 7], // Re
        [], // Os
        [3, 4, 5], // Ir
        [], // Pt
        [], // Au
        [1, 2], // Hg
        [1, 3], // Tl
        [2, 4], // Pb
        [1, 2, 3, 5], // Bi
        [], // Po
        [], // At
        [], // Rn
        [], // Fr
        [], // Ra
        [], // Ac
        [4], // Th
        [], // Pa
        [3, 4, 5, 6], // U
        [], // Np
        [], // Pu
        [], // Am
        [], // Cm
        [], // Bk
        [], // Cf
        [], // Es
        [], // Fm
        [], // Md
        [], // No
        [], // Lr
        [], // Rf
        [], // Db
        [], // Sg
        [], // Bh
        [], // Hs
        [], // Mt
        [], // Ds
        [], // Rg
        [], // Cn
        [], // Nh
        [], // Fl
        [], // Mc
        [], // Lv
        [], // Ts
        [], // Og
    ]
}
