/// The cuprate families of the thesis, table 3.1, plus `other`.
///
/// Tl, Hg and Bi families use the A-jk(n−1)n notation for A_j B_k S_(n−1) Cu_n O_(j+k+2n+δ):
/// A the charge-reservoir cation, B the alkaline earth (Ba, Sr), S the spacer between CuO2 planes
/// (Ca, Y, rare earths) and n the number of CuO2 planes.
public enum CuprateFamily: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case la214T = "La214(T)"
    case y123 = "Y123"
    case re123 = "RE123"
    case y124 = "Y124"
    case re124 = "RE124"
    case tl1201 = "Tl1201"
    case tl1212 = "Tl1212"
    case tl1223 = "Tl1223"
    case tl2201 = "Tl2201"
    case tl2212 = "Tl2212"
    case hg1201 = "Hg1201"
    case hg1212 = "Hg1212"
    case hg1223 = "Hg1223"
    case hg2212 = "Hg2212"
    case bi2201 = "Bi2201"
    case bi2212 = "Bi2212"
    /// A Cu–O composition that fits none of the families above (T' cuprates, Bi2223, 247, …).
    case other = "other"

    /// The families of table 3.1 (everything except `other`).
    public static let tableFamilies = allCases.filter { $0 != .other }

    /// Number of CuO2 planes per formula unit.
    public var planeCount: Int? {
        switch self {
        case .la214T, .tl1201, .tl2201, .hg1201, .bi2201: 1
        case .y123, .re123, .y124, .re124, .tl1212, .tl2212, .hg1212, .hg2212, .bi2212: 2
        case .tl1223, .hg1223: 3
        case .other: nil
        }
    }

    public static func < (lhs: CuprateFamily, rhs: CuprateFamily) -> Bool {
        let order = allCases
        return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
    }
}
