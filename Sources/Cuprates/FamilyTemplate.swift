/// One cation site of a family's ideal formula: which elements may sit there and how much of it
/// a formula unit holds.
struct CationSite: Sendable {
    /// Elements allowed on the site (the ideal ones and common substituents).
    let allowed: Set<String>
    /// Amount per formula unit in the ideal formula.
    let expected: Double
    /// Elements that must make up at least `mainFraction` of `expected` (the family's cation).
    let main: Set<String>
    /// Minimum share of the main elements, as a fraction of `expected`.
    let mainFraction: Double

    init(_ allowed: Set<String>, _ expected: Double, main: Set<String> = [], mainFraction: Double = 0) {
        self.allowed = allowed
        self.expected = expected
        self.main = main
        self.mainFraction = mainFraction
    }
}

/// A family's ideal formula: copper count n, cation sites and ideal oxygen count.
struct FamilyTemplate: Sendable {
    let family: CuprateFamily
    let copper: Double
    let sites: [CationSite]
    let oxygen: Double

    /// Elements that substitute for copper in the planes or chains.
    static let copperSite: Set<String> = ["Cu", "Zn", "Ni", "Fe", "Co", "Ga", "Al", "Mg", "Mn", "Li"]
    /// Anions counted with oxygen.
    static let anions: Set<String> = ["O", "F"]
    static let rareEarths: Set<String> = ["La", "Ce", "Pr", "Nd", "Pm", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu"]
    static let alkalineEarthLayer: Set<String> = Set(["Ba", "Sr", "Ca", "K", "Na"]).union(rareEarths)
    static let spacer: Set<String> = Set(["Ca", "Y", "Sr"]).union(rareEarths)
    static let rareEarthSite: Set<String> = Set(["Y", "Ca"]).union(rareEarths)
    static let mercurySite: Set<String> = ["Hg", "Pb", "Re", "Tl", "Au", "Mo", "W", "V", "Cr", "Bi"]
    static let thalliumSite: Set<String> = ["Tl", "Pb", "Bi", "Hg"]
    static let bismuthSite: Set<String> = ["Bi", "Pb"]
    static let lanthanumSite: Set<String> = ["La", "Sr", "Ba", "Ca", "Nd", "Eu", "Pr", "Sm", "Gd", "Y", "Na", "K", "Bi"]

    /// A_j B_k S_(n−1) Cu_n O_(j+k+2n).
    static func layered(_ family: CuprateFamily, _ reservoir: Set<String>, main: String,
                        j: Double, k: Double, n: Double, mainFraction: Double = 0.5) -> FamilyTemplate {
        var sites = [CationSite(reservoir, j, main: [main], mainFraction: mainFraction),
                     CationSite(alkalineEarthLayer, k)]
        if n > 1 { sites.append(CationSite(spacer, n - 1)) }
        return FamilyTemplate(family: family, copper: n, sites: sites, oxygen: j + k + 2 * n)
    }

    /// The templates of table 3.1, in the order ties are broken.
    static let all: [FamilyTemplate] = [
        FamilyTemplate(family: .la214T, copper: 1,
                       sites: [CationSite(lanthanumSite, 2, main: ["La"], mainFraction: 0.5)], oxygen: 4),
        FamilyTemplate(family: .y123, copper: 3, sites: [CationSite(rareEarthSite, 1, main: ["Y"], mainFraction: 0.5),
                                                         CationSite(alkalineEarthLayer, 2)], oxygen: 7),
        FamilyTemplate(family: .re123, copper: 3, sites: [CationSite(rareEarthSite, 1, main: rareEarths, mainFraction: 0.5),
                                                          CationSite(alkalineEarthLayer, 2)], oxygen: 7),
        FamilyTemplate(family: .y124, copper: 4, sites: [CationSite(rareEarthSite, 1, main: ["Y"], mainFraction: 0.5),
                                                         CationSite(alkalineEarthLayer, 2)], oxygen: 8),
        FamilyTemplate(family: .re124, copper: 4, sites: [CationSite(rareEarthSite, 1, main: rareEarths, mainFraction: 0.5),
                                                          CationSite(alkalineEarthLayer, 2)], oxygen: 8),
        layered(.tl1201, thalliumSite, main: "Tl", j: 1, k: 2, n: 1),
        layered(.tl1212, thalliumSite, main: "Tl", j: 1, k: 2, n: 2),
        layered(.tl1223, thalliumSite, main: "Tl", j: 1, k: 2, n: 3),
        layered(.tl2201, thalliumSite, main: "Tl", j: 2, k: 2, n: 1),
        layered(.tl2212, thalliumSite, main: "Tl", j: 2, k: 2, n: 2),
        layered(.hg1201, mercurySite, main: "Hg", j: 1, k: 2, n: 1),
        layered(.hg1212, mercurySite, main: "Hg", j: 1, k: 2, n: 2),
        layered(.hg1223, mercurySite, main: "Hg", j: 1, k: 2, n: 3),
        layered(.hg2212, mercurySite, main: "Hg", j: 2, k: 2, n: 2),
        layered(.bi2201, bismuthSite, main: "Bi", j: 2, k: 2, n: 1, mainFraction: 0.6),
        layered(.bi2212, bismuthSite, main: "Bi", j: 2, k: 2, n: 2, mainFraction: 0.6),
    ]
}
