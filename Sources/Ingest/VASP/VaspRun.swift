/// What one `vasprun.xml` says, as read: nothing here is derived or defaulted (see
/// ``VaspRunAssessment`` for energies, convergence and the run type).
public struct VaspRun: Sendable, Equatable {
    /// `generator/program`, e.g. `vasp`.
    public var program: String?
    /// `generator/version`, e.g. `5.4.4.18Apr17-6-g9f103f2a35`.
    public var version: String?
    /// The `<incar>` block: what the user set, by tag, as written.
    public var incar: [String: String] = [:]
    /// The `<parameters>` block: every value VASP ran with, by tag, as written (first wins).
    public var parameters: [String: String] = [:]
    /// The element symbol of every site, in order (`atominfo/atoms`).
    public var atoms: [String] = []
    /// The POTCAR of each atom type, e.g. `PAW_PBE Fe_pv 06Sep2000` (`atominfo/atomtypes`).
    public var potcars: [String] = []
    /// The input structure (`initialpos`).
    public var initialCell: VaspCell?
    /// The final structure (`finalpos`), absent from a run cut off before its end.
    public var finalCell: VaspCell?
    /// Every complete ionic step (`<calculation>` blocks), in order.
    public var ionicSteps: [VaspIonicStep] = []
    /// The Fermi level of the last DOS block (eV).
    public var fermiLevel: Double?
    /// Where the document stopped when it is cut off or malformed; `nil` for a whole document.
    public var truncation: VaspTruncation?

    /// An empty run, filled by ``VasprunReader``.
    public init() {}
}

/// A lattice and the fractional positions of its sites.
public struct VaspCell: Sendable, Equatable {
    /// The three lattice vectors (Å), as rows.
    public var basis: [[Double]]
    /// The fractional coordinates of every site.
    public var positions: [[Double]]
}

/// One `<calculation>` block: an ionic step.
public struct VaspIonicStep: Sendable, Equatable {
    /// How many electronic (SCF) steps it took.
    public var electronicSteps: Int
    /// `e_fr_energy` and `e_0_energy` of its last electronic step (eV).
    public var lastElectronic: (free: Double, sigmaZero: Double)?
    /// Its free energy `e_fr_energy` (eV).
    public var freeEnergy: Double?
    /// Its energy extrapolated to σ → 0, `e_0_energy` (eV).
    public var sigmaZeroEnergy: Double?
    /// The largest force on any atom (eV/Å), when the step lists forces.
    public var maximumForce: Double?
    /// The structure the step's energy belongs to.
    public var cell: VaspCell?

    public static func == (lhs: VaspIonicStep, rhs: VaspIonicStep) -> Bool {
        lhs.electronicSteps == rhs.electronicSteps && lhs.lastElectronic?.free == rhs.lastElectronic?.free
            && lhs.lastElectronic?.sigmaZero == rhs.lastElectronic?.sigmaZero && lhs.freeEnergy == rhs.freeEnergy
            && lhs.sigmaZeroEnergy == rhs.sigmaZeroEnergy && lhs.maximumForce == rhs.maximumForce && lhs.cell == rhs.cell
    }
}

/// Where a cut-off or malformed `vasprun.xml` stopped.
public struct VaspTruncation: Sendable, Equatable {
    /// The line of the decompressed XML where the parser stopped, when known. (The element
    /// open there is not reported: libxml2's reader runs ahead of the node it hands over.)
    public var line: Int?
    /// libxml2's or the decompressor's message.
    public var message: String
}
