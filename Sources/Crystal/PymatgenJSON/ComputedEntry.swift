import Chemistry
import Foundation

/// A pymatgen `ComputedEntry`, `ComputedStructureEntry` or `PDEntry` dict.
///
/// The JSON `energy` is the *uncorrected* total energy; the corrected energy adds `correction`
/// (the sum of `energy_adjustments` when present, as pymatgen does).
public struct ComputedEntry: Sendable, Hashable {
    /// The pymatgen class (`@class`), e.g. `ComputedStructureEntry`; nil when absent.
    public let className: String?
    /// `entry_id` (e.g. `mp-1211097`, `mp-111-GGA`), or nil.
    public let entryID: String?
    /// The composition (`composition`, or the structure's when that is absent).
    public let composition: Composition
    /// Total energy before corrections (eV).
    public let uncorrectedEnergy: Double
    /// Total correction (eV): the sum of `energyAdjustments`, else `correction`, else 0.
    public let correction: Double
    /// The individual adjustments, possibly empty.
    public let energyAdjustments: [EnergyAdjustment]
    /// `parameters` (e.g. `run_type`, `is_hubbard`, `hubbards`, `potcar_spec`).
    public let parameters: [String: JSONValue]
    /// `data` (e.g. `material_id`, `task_id`, `oxide_type`).
    public let data: [String: JSONValue]
    /// The structure of a `ComputedStructureEntry`.
    public let structure: PymatgenStructure?

    /// Corrected total energy (eV).
    public var energy: Double { uncorrectedEnergy + correction }
    /// Corrected energy per atom (eV/atom).
    public var energyPerAtom: Double { energy / composition.totalAmount }
    /// Uncorrected energy per atom (eV/atom).
    public var uncorrectedEnergyPerAtom: Double { uncorrectedEnergy / composition.totalAmount }
    /// `parameters.run_type` (or `data.run_type`), e.g. `GGA`, `GGA+U`, `r2SCAN`.
    public var runType: String? { parameters["run_type"]?.stringValue ?? data["run_type"]?.stringValue }
    /// `parameters.is_hubbard`.
    public var isHubbard: Bool? { parameters["is_hubbard"]?.boolValue }
    /// `data.material_id`.
    public var materialID: String? { data["material_id"]?.stringValue }
    /// The compatibility schemes named by the adjustments (e.g. `MaterialsProject2020Compatibility`), sorted.
    public var adjustmentSchemes: [String] { Set(energyAdjustments.compactMap(\.scheme)).sorted() }

    /// Tolerance (eV) between `correction` and the sum of the adjustments.
    public static let correctionTolerance = 1e-6

    /// Reads the entry dict at `node`.
    static func read(_ node: JSONNode) throws(PymatgenJSONError) -> ComputedEntry {
        _ = try node.object()
        let structureNode = node["structure"]
        let structure = structureNode.isNull ? nil : try PymatgenStructure.read(structureNode)
        let composition: Composition
        let compositionNode = node["composition"]
        if compositionNode.isNull, let structure {
            composition = structure.structure.composition
        } else {
            composition = try readComposition(compositionNode)
        }
        var adjustments: [EnergyAdjustment] = []
        let adjustmentsNode = node["energy_adjustments"]
        if !adjustmentsNode.isNull {
            for item in try adjustmentsNode.array() { adjustments.append(try EnergyAdjustment.read(item)) }
        }
        let stated = try node["correction"].optionalDouble()
        var correction = stated ?? 0
        if !adjustments.isEmpty {
            let sum = adjustments.reduce(0) { $0 + $1.value }
            if let stated, abs(stated - sum) > correctionTolerance {
                throw node["correction"].error(.invalidValue("correction \(stated) differs from the sum of energy_adjustments \(sum)"))
            }
            correction = sum
        }
        return ComputedEntry(className: try node["@class"].optionalString(), entryID: try node["entry_id"].optionalString(),
                             composition: composition, uncorrectedEnergy: try node["energy"].double(),
                             correction: correction, energyAdjustments: adjustments,
                             parameters: try node["parameters"].jsonObject(), data: try node["data"].jsonObject(),
                             structure: structure)
    }

    /// A pymatgen composition dict `{symbol: amount}`; species keys such as `Fe2+` count as their element.
    static func readComposition(_ node: JSONNode) throws(PymatgenJSONError) -> Composition {
        var amounts: [(Element, Double)] = []
        for key in try node.object().keys.sorted() {
            let amountNode = node[key]
            guard let element = PymatgenElement.element(key) else {
                throw amountNode.error(.invalidValue("unknown element \"\(key)\""))
            }
            let amount = try amountNode.double()
            guard amount >= 0 else { throw amountNode.error(.invalidValue("negative amount \(amount)")) }
            if amount > 0 { amounts.append((element, amount)) }
        }
        do { return try Composition(amounts) } catch {
            throw node.error(.invalidValue("\(error)"))
        }
    }
}
