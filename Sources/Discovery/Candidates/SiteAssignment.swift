import Chemistry
import Crystal

/// A protostructure label taken apart into its prototype and its element assignment: which
/// element occupies which Wyckoff orbits (`AB3C_cP5_221_a_c_b:Ca-O-Ti` → Ca on `a`, O on `3c`…
/// here `c`, Ti on `b`, in space group 221 with Pearson symbol cP5).
///
/// Two labels with the same `prototypeKey` describe the same arrangement of orbits up to the
/// identity of the elements: the key is the smallest, over the space group's equivalent
/// letterings, of the sorted per-element Wyckoff parts, so it no longer depends on which
/// element is which or on the origin choice.
public struct SiteAssignment: Sendable, Hashable {
    /// Space-group number.
    public let spaceGroup: Int
    /// Pearson symbol, e.g. `cP5`.
    public let pearsonSymbol: String
    /// Orbits per Wyckoff letter for each element symbol.
    public let sites: [String: WyckoffCanonicalisation.ElementWyckoffs]

    /// Reads a label; throws `LabelProblem` with the reason when it is malformed, names an
    /// unknown element or letter, or pairs a different number of elements and Wyckoff parts.
    public init(label text: String) throws(LabelProblem) {
        let label: ProtostructureLabel
        do { label = try ProtostructureLabel(parsing: text) } catch { throw LabelProblem("\(error)") }
        let symbols = label.chemicalSystem.split(separator: "-").map(String.init)
        guard let parts = WyckoffCanonicalisation.parse(label.wyckoffs), !symbols.isEmpty, parts.count == symbols.count else {
            throw LabelProblem("\(symbols.count) elements in the chemical system but Wyckoff part \"\(label.wyckoffs)\"")
        }
        guard Set(symbols).count == symbols.count else { throw LabelProblem("repeated element in \"\(label.chemicalSystem)\"") }
        for symbol in symbols where PeriodicTable.element(symbol: symbol) == nil {
            throw LabelProblem("\"\(symbol)\" is not an element")
        }
        for letter in parts.flatMap(\.keys) where WyckoffTable.position(spaceGroup: label.spaceGroupNumber, letter: letter) == nil {
            throw LabelProblem("space group \(label.spaceGroupNumber) has no Wyckoff position \(letter)")
        }
        spaceGroup = label.spaceGroupNumber
        pearsonSymbol = label.pearsonSymbol
        sites = Dictionary(uniqueKeysWithValues: zip(symbols, parts))
    }

    /// Creates an assignment directly.
    public init(spaceGroup: Int, pearsonSymbol: String, sites: [String: WyckoffCanonicalisation.ElementWyckoffs]) {
        self.spaceGroup = spaceGroup
        self.pearsonSymbol = pearsonSymbol
        self.sites = sites
    }

    /// Element symbols in label (code-point) order.
    public var elements: [String] { PrototypeFormula.sortedSymbols(sites.keys) }

    /// Atoms per element in the conventional cell, from the multiplicities of the occupied
    /// positions (a letter the space group lacks counts 0).
    public var amounts: [String: Int] {
        sites.mapValues { part in
            part.reduce(0) { total, entry in
                total + entry.value * (WyckoffTable.position(spaceGroup: spaceGroup, letter: entry.key)?.multiplicity ?? 0)
            }
        }
    }

    /// The canonical label text, in the format of `ProtostructureLabel` (prototype formula from
    /// the multiplicities, Wyckoff letters canonicalised over the equivalent letterings).
    public var label: String {
        let ordered = elements
        let parts = ordered.map { sites[$0] ?? [:] }
        let wyckoffs = WyckoffCanonicalisation.canonical(parts, spaceGroup: spaceGroup) ?? WyckoffCanonicalisation.write(parts)
        return "\(PrototypeFormula.make(amounts: amounts))_\(pearsonSymbol)_\(spaceGroup)_\(wyckoffs):\(ordered.joined(separator: "-"))"
    }

    /// This assignment with element `old` replaced by `new` (which must not be present already;
    /// nil otherwise or when `old` is absent).
    public func substituting(_ old: String, with new: String) -> SiteAssignment? {
        guard let part = sites[old], sites[new] == nil, old != new else { return nil }
        var changed = sites
        changed[old] = nil
        changed[new] = part
        return SiteAssignment(spaceGroup: spaceGroup, pearsonSymbol: pearsonSymbol, sites: changed)
    }

    /// The prototype without element identities and the element → part text of every
    /// lettering that attains it.
    public var prototypeDescriptions: (key: String, assignments: [[String: String]]) {
        var maps = WyckoffTable.relabelings(spaceGroup: spaceGroup)
        if maps.isEmpty { maps = [[:]] }
        var best: String?
        var assignments: [[String: String]] = []
        for map in maps {
            var written: [String: String] = [:]
            for (element, part) in sites {
                let relabelled = Dictionary(part.map { (map[$0.key] ?? $0.key, $0.value) }, uniquingKeysWith: +)
                written[element] = WyckoffCanonicalisation.write([relabelled])
            }
            let text = written.values.sorted(by: PrototypeFormula.symbolPrecedes).joined(separator: "_")
            if best == nil || PrototypeFormula.symbolPrecedes(text, best ?? "") {
                best = text
                assignments = [written]
            } else if text == best, !assignments.contains(written) {
                assignments.append(written)
            }
        }
        return ("\(pearsonSymbol)_\(spaceGroup)_\(best ?? "")", assignments)
    }

    /// The prototype shared by all element assignments of this arrangement of orbits.
    public var prototypeKey: String { prototypeDescriptions.key }
}

/// Why a protostructure label could not be read.
public struct LabelProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The reason.
    public let description: String
    /// Creates a problem.
    public init(_ description: String) { self.description = description }
}
