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

    /// Approximate conventional (tetragonal-setting) c of the family (Å), used to recognise a
    /// cell that is a multiple of the chemical repeat along the stacking axis.
    public var nominalC: Double? {
        switch self {
        case .la214T: 13.2
        case .y123, .re123: 11.7
        case .y124, .re124: 27.2
        case .tl1201: 9.0
        case .tl1212, .hg1212: 12.7
        case .tl1223: 15.9
        case .tl2201: 23.2
        case .tl2212: 29.3
        case .hg1201: 9.5
        case .hg1223: 15.8
        case .hg2212: 28.9
        case .bi2201: 24.6
        case .bi2212: 30.8
        case .other: nil
        }
    }

    /// The chemical repeat c for a stacking period: `period / m` for the whole multiple m of
    /// `nominalC` nearest to it; nil when the period is not within 15 % of a whole multiple
    /// (the structure is something else) or the family has no nominal c.
    public func repeatC(stackingPeriod period: Double) -> Double? {
        guard let nominal = nominalC else { return nil }
        let ratio = period / nominal
        let multiple = ratio.rounded()
        guard multiple >= 1, abs(ratio - multiple) < 0.15 else { return nil }
        return period / multiple
    }

    public static func < (lhs: CuprateFamily, rhs: CuprateFamily) -> Bool {
        let order = allCases
        return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
    }
}
