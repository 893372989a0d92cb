import Chemistry
import Foundation

/// A structure read from a pymatgen `Structure` dict, with what the dict carries beyond sites.
public struct PymatgenStructure: Sendable, Hashable {
    /// The structure (lattice rows from `lattice.matrix`, fractional coordinates from `abc`).
    public let structure: Structure
    /// Per-site `properties` (e.g. `magmom`), in site order; empty objects where none.
    public let siteProperties: [[String: JSONValue]]
    /// Total charge (`charge`), if given.
    public let charge: Double?
    /// True when the source lattice was left-handed (pymatgen allows it, `Lattice` does not): the
    /// first two lattice vectors and the first two fractional coordinates of every site were
    /// swapped, which leaves every Cartesian position unchanged.
    public let swappedAxes: Bool

    /// Reads a pymatgen `Structure` dict from JSON bytes (the document root is the dict).
    public static func read(json data: Data) throws(PymatgenJSONError) -> PymatgenStructure {
        try read(JSONNode.parse(data))
    }

    /// Reads the `Structure` dict at `node`.
    static func read(_ node: JSONNode) throws(PymatgenJSONError) -> PymatgenStructure {
        _ = try node.object()
        let (lattice, swapped) = try readLattice(node["lattice"])
        var sites: [Site] = []
        var properties: [[String: JSONValue]] = []
        for siteNode in try node["sites"].array() {
            let site = try readSite(siteNode)
            let f = site.fractional
            sites.append(swapped ? Site(species: site.species, fractional: Vector3(f.y, f.x, f.z), label: site.label) : site)
            properties.append(try siteNode["properties"].jsonObject())
        }
        let structure: Structure
        do { structure = try Structure(lattice: lattice, sites: sites) } catch {
            throw PymatgenJSONError(path: node["sites"].path, problem: .structure(error))
        }
        return PymatgenStructure(structure: structure, siteProperties: properties,
                                 charge: try node["charge"].optionalDouble(), swappedAxes: swapped)
    }

    /// `lattice.matrix`: three rows of three numbers (the lattice vectors, Å). A left-handed
    /// matrix comes back with its first two rows swapped, and `true`.
    private static func readLattice(_ node: JSONNode) throws(PymatgenJSONError) -> (Lattice, Bool) {
        let matrixNode = node["matrix"]
        let rows = try matrixNode.array()
        guard rows.count == 3 else { throw matrixNode.error(.invalidValue("expected 3 rows, found \(rows.count)")) }
        var vectors: [Vector3] = []
        for row in rows { vectors.append(try readVector(row)) }
        var matrix = Matrix3(vectors[0], vectors[1], vectors[2])
        let swapped = matrix.determinant < 0
        if swapped { matrix = Matrix3(vectors[1], vectors[0], vectors[2]) }
        do { return (try Lattice(matrix: matrix), swapped) } catch {
            throw PymatgenJSONError(path: matrixNode.path, problem: .lattice(error))
        }
    }

    /// Three finite numbers.
    private static func readVector(_ node: JSONNode) throws(PymatgenJSONError) -> Vector3 {
        let items = try node.array()
        guard items.count == 3 else { throw node.error(.invalidValue("expected 3 numbers, found \(items.count)")) }
        return Vector3(try items[0].double(), try items[1].double(), try items[2].double())
    }

    /// One site: `species` list and `abc` fractional coordinates, optional `label`.
    private static func readSite(_ node: JSONNode) throws(PymatgenJSONError) -> Site {
        var species: [Species] = []
        for speciesNode in try node["species"].array() {
            let symbolNode = speciesNode["element"]
            let symbol = try symbolNode.string()
            guard let element = PymatgenElement.element(symbol) else {
                throw symbolNode.error(.invalidValue("unknown element \"\(symbol)\""))
            }
            let occupancyNode = speciesNode["occu"]
            let occupancy = occupancyNode.isNull ? 1 : try occupancyNode.double()
            species.append(Species(element: element, oxidationState: try speciesNode["oxidation_state"].optionalDouble(),
                                   occupancy: occupancy))
        }
        return Site(species: species, fractional: try readVector(node["abc"]), label: try node["label"].optionalString())
    }
}
