import Foundation

// libFuzzer entry point for the structure readers (built by scripts/fuzz.sh with the Crystal
// sources in the same module): the first byte picks CIF, POSCAR or pymatgen structure JSON,
// the rest is the file. Every input must read or fail with the reader's error.
@_cdecl("LLVMFuzzerTestOneInput")
public func crystalFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 1 else { return 0 }
    let bytes = [UInt8](UnsafeBufferPointer(start: data + 1, count: size - 1))
    let limits = CIFReadOptions(maxAtoms: 500)
    switch data[0] % 3 {
    case 0:
        if let file = try? CIFReader.read(bytes: bytes, file: "fuzz.cif", options: limits) {
            for structure in file.structures { precondition(structure.structure.volume.isFinite, "non-finite volume") }
        }
    case 1:
        if let poscar = try? POSCARReader.read(text: String(decoding: bytes, as: UTF8.self), file: "POSCAR") {
            _ = try? poscar.structure(file: "POSCAR")
        }
    default:
        _ = try? PymatgenStructure.read(json: Data(bytes))
    }
    return 0
}
