/// What a release knows about the licence of one source and how to cite it.
public struct SourceLicence: Sendable, Equatable {
    /// The Hugging Face licence identifier (`cc-by-4.0`, `mit`); nil when the licence is
    /// unknown or has no identifier there.
    public var identifier: String?
    /// The licence as a person reads it (`CC BY 4.0`), or `unknown`.
    public var name: String
    /// Address of the licence text (Croissant's `license`), nil when there is none to give.
    public var url: String?
    /// How to cite the source, or `unknown`.
    public var citation: String

    /// Nothing known: the licence and the citation are written as `unknown`.
    public static let unknown = SourceLicence(identifier: nil, name: "unknown", url: nil, citation: "unknown")

    /// Creates a licence entry.
    public init(identifier: String?, name: String, url: String?, citation: String) {
        self.identifier = identifier
        self.name = name
        self.url = url
        self.citation = citation
    }
}

/// Licences and citations of the sources a release reads, keyed by the spec's source `kind`.
/// One kind may hold files under different licences (`supercon` reads both the Stanev et al.
/// extract and the MDR release), so an entry may name the file it applies to by the start of
/// its file name; the kind's entry without a file applies to its other files. Anything not in
/// the table is `unknown` — never guessed.
///
/// Where the facts come from: `../shared/data/README.md` (Stanev et al. via 3DSC, CC BY 4.0;
/// the NIMS MDR SuperCon release of 2024-03-22, MIT repository licence; FLLA in matminer 0.3.7,
/// BSD-style; CDVAE's perov_5, MIT), `datasets/sources.json` (OQMD, the Kononova et al.
/// synthesis data and WBM, CC BY 4.0; matbench_expt_gap, MIT via matminer) and the Materials
/// Project's terms of use (CC BY 4.0).
public enum SourceLicences {
    /// One row of the table: the start of the file names it applies to (nil: the kind's other
    /// files) and the licence.
    struct Entry: Sendable {
        let file: String?
        let licence: SourceLicence
    }

    static let ccBy4 = "https://creativecommons.org/licenses/by/4.0/"
    static let mit = "https://spdx.org/licenses/MIT.html"

    /// The table, by source kind; kinds missing here (`cif`, `optimade`, `vasp`) are unknown.
    static let table: [String: [Entry]] = [
        "supercon": [
            Entry(file: "stanev-2018", licence: .init(
                identifier: "cc-by-4.0", name: "CC BY 4.0 (via the 3DSC repository)", url: ccBy4,
                citation: "V. Stanev et al., Machine learning modeling of superconducting critical temperature, npj Comput. Mater. 4, 29 (2018), doi:10.1038/s41524-018-0085-8")),
            Entry(file: "mdr", licence: .init(
                identifier: "mit", name: "MIT (repository licence)", url: mit,
                citation: "NIMS Materials Data Repository (MDR), SuperCon release of 2024-03-22")),
        ],
        "mp": [
            Entry(file: nil, licence: .init(
                identifier: "cc-by-4.0", name: "CC BY 4.0 (Materials Project terms of use)", url: ccBy4,
                citation: "A. Jain et al., The Materials Project: A materials genome approach to accelerating materials innovation, APL Mater. 1, 011002 (2013), doi:10.1063/1.4812323")),
        ],
        "oqmd": [
            Entry(file: nil, licence: .init(
                identifier: "cc-by-4.0", name: "CC BY 4.0", url: ccBy4,
                citation: "J. E. Saal et al., Materials design and discovery with high-throughput density functional theory: the Open Quantum Materials Database (OQMD), JOM 65, 1501 (2013), doi:10.1007/s11837-013-0755-4")),
        ],
        "synthesis": [
            Entry(file: nil, licence: .init(
                identifier: "cc-by-4.0", name: "CC BY 4.0", url: ccBy4,
                citation: "O. Kononova et al., Text-mined dataset of inorganic materials synthesis recipes, Sci. Data 6, 203 (2019), doi:10.1038/s41597-019-0224-1")),
        ],
        "wbm": [
            Entry(file: nil, licence: .init(
                identifier: "cc-by-4.0", name: "CC BY 4.0", url: ccBy4,
                citation: "H.-C. Wang, S. Botti, M. A. L. Marques, npj Comput. Mater. (2021)")),
        ],
        "table": [
            Entry(file: "matbench_expt_gap", licence: .init(
                identifier: "mit", name: "MIT (matminer datasets)", url: mit,
                citation: "Y. Zhuo, A. Mansouri Tehrani, J. Brgoch, J. Phys. Chem. Lett. (2018), via matbench")),
        ],
        "structures": [
            Entry(file: "flla_2015", licence: .init(
                identifier: nil, name: "BSD-style (matminer 0.3.7)", url: nil,
                citation: "F. A. Faber, A. Lindmaa, O. A. von Lilienfeld, R. Armiento, Int. J. Quantum Chem. (2015)")),
            Entry(file: "perov_5", licence: .init(
                identifier: "mit", name: "MIT (CDVAE)", url: mit,
                citation: "T. Xie et al., Crystal Diffusion Variational Autoencoder (CDVAE), 2022; Castelli perovskites (CMR)")),
        ],
    ]

    /// The licence of a source of `kind` read from `path` (a file or folder; only its last
    /// component is looked at).
    public static func licence(kind: String, path: String) -> SourceLicence {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        let entries = table[kind] ?? []
        if let match = entries.first(where: { entry in entry.file.map { file.hasPrefix($0) } ?? false }) { return match.licence }
        return entries.first(where: { $0.file == nil })?.licence ?? .unknown
    }

    /// The licence of a release read from `sources` (name and licence, in spec order): the
    /// sources' identifier where they all share one, else `other` with a note naming each
    /// source's licence.
    public static func combined(_ sources: [(name: String, licence: SourceLicence)]) -> CombinedLicence {
        let identifiers = Set(sources.map { $0.licence.identifier ?? "" })
        if identifiers.count == 1, let only = identifiers.first, !only.isEmpty {
            return CombinedLicence(identifier: only, reason: nil, note: nil)
        }
        let reason = identifiers.contains("") ? "some source licences are unknown or have no identifier" : "the sources carry different licences"
        let list = sources.map { "\($0.name): \($0.licence.name)" }.joined(separator: "; ")
        return CombinedLicence(identifier: "other", reason: reason, note: "\(reason): \(list)")
    }
}

/// The licence a release card declares for the whole release.
public struct CombinedLicence: Sendable, Equatable {
    /// A Hugging Face licence identifier, or `other`.
    public var identifier: String
    /// Why the identifier is `other` (the sources' licences differ, or some are unknown); nil otherwise.
    public var reason: String?
    /// Why the identifier is `other`, naming each source's licence; nil otherwise.
    public var note: String?
}
