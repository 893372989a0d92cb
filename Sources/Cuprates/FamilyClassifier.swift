import Chemistry

/// Assigns a composition to a cuprate family of table 3.1 by fitting it to each family's ideal
/// formula.
///
/// The composition is scaled so that copper (with its common substituents Zn, Ni, Fe, …) equals
/// the family's n; every other cation must then fit on one of the family's cation sites (each
/// site within `tolerance` of its ideal amount, the family's own cation making up its share),
/// and oxygen (with F) must lie within −1.3…+0.8 of the ideal count. A cation allowed on several
/// sites (La on the rare-earth and the Ba site of La123) fills them in turn, every order tried. Of the families that fit,
/// the one with the smallest total deviation wins. `nil` means the composition has no Cu–O.
public struct FamilyClassifier: Sendable {
    /// Largest deviation of one cation site from its ideal amount (atoms per formula unit).
    public var tolerance = 0.22

    /// Creates a classifier.
    public init() {}

    /// The family of `composition`; nil when it lacks copper or oxygen.
    public func family(of composition: Composition) -> CuprateFamily? {
        let amounts = composition.amounts
        guard (amounts["Cu"] ?? 0) > 0, (amounts["O"] ?? 0) > 0 else { return nil }
        var best: (family: CuprateFamily, score: Double)?
        for template in FamilyTemplate.all {
            guard let score = fit(amounts, to: template) else { continue }
            if best.map({ score < $0.score - 1e-9 }) ?? true { best = (template.family, score) }
        }
        return best?.family ?? .other
    }

    /// Total deviation of the composition from the template, nil when it does not fit.
    func fit(_ amounts: [String: Double], to template: FamilyTemplate) -> Double? {
        let copperSite = amounts.filter { FamilyTemplate.copperSite.contains($0.key) }.values.reduce(0, +)
        let copper = amounts["Cu"] ?? 0
        guard copperSite > 0, copper >= 0.75 * copperSite else { return nil }
        let scale = template.copper / copperSite
        let anions = amounts.filter { FamilyTemplate.anions.contains($0.key) }.values.reduce(0, +) * scale
        let oxygenDeviation = anions - template.oxygen
        guard oxygenDeviation >= -1.3, oxygenDeviation <= 0.8 else { return nil }
        let cations = amounts.filter { !FamilyTemplate.copperSite.contains($0.key) && !FamilyTemplate.anions.contains($0.key) }
            .map { (symbol: $0.key, amount: $0.value * scale) }
            .sorted { $0.symbol < $1.symbol }
        let choices = cations.map { cation in
            Self.orderings(template.sites.indices.filter { template.sites[$0].allowed.contains(cation.symbol) })
        }
        guard choices.allSatisfy({ !$0.isEmpty }) else { return nil }
        guard choices.reduce(1, { $0 * $1.count }) <= 4096 else { return nil }
        // Cations with one possible site go first; the others fill their sites in the chosen
        // order up to each site's ideal amount, the last site taking the rest.
        let order = cations.indices.sorted { (choices[$0][0].count, $0) < (choices[$1][0].count, $1) }
        var best: Double?
        var chosen = Array(repeating: 0, count: cations.count)
        func search(_ position: Int) {
            if position == order.count {
                if let score = place(cations, order: order, choices: choices, chosen: chosen, template: template),
                   best.map({ score < $0 }) ?? true { best = score }
                return
            }
            for option in choices[order[position]].indices {
                chosen[order[position]] = option
                search(position + 1)
            }
        }
        search(0)
        return best.map { $0 + 0.1 * abs(oxygenDeviation) }
    }

    /// Every ordering of `sites` (at most three in any template).
    static func orderings(_ sites: [Int]) -> [[Int]] {
        guard sites.count > 1 else { return sites.isEmpty ? [] : [sites] }
        return sites.indices.flatMap { index in
            orderings(sites.enumerated().filter { $0.offset != index }.map(\.element)).map { [sites[index]] + $0 }
        }
    }

    /// Places the cations on the sites and scores the result; nil when a site is off by more
    /// than `tolerance` or lacks its family's cation.
    func place(_ cations: [(symbol: String, amount: Double)], order: [Int], choices: [[[Int]]], chosen: [Int],
               template: FamilyTemplate) -> Double? {
        var totals = Array(repeating: 0.0, count: template.sites.count)
        var mains = Array(repeating: 0.0, count: template.sites.count)
        for index in order {
            let sites = choices[index][chosen[index]]
            var left = cations[index].amount
            for (position, site) in sites.enumerated() {
                let share = position == sites.count - 1 ? left : min(left, max(0, template.sites[site].expected - totals[site]))
                totals[site] += share
                if template.sites[site].main.contains(cations[index].symbol) { mains[site] += share }
                left -= share
            }
        }
        var total = 0.0
        for (index, site) in template.sites.enumerated() {
            let deviation = abs(totals[index] - site.expected)
            guard deviation <= tolerance, mains[index] >= site.mainFraction * site.expected - 1e-9 else { return nil }
            total += deviation
        }
        return total
    }
}
