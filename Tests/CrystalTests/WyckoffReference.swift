import Foundation
import XCTest

/// The shared structure data beside the repository (`../shared/data/structures`) and the Wyckoff
/// reference tables shipped by pymatgen, read only to check the project's own derivation.
enum WyckoffReference {
    static let structures = TestData.repositoryRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/data/structures")

    /// The file at `relative` under `shared/data/structures`; fails the test loudly if missing.
    static func file(_ relative: String, file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        let url = structures.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: url.path) else {
            XCTFail("missing test data \(url.path) (../shared must sit beside the repository)", file: file, line: line)
            throw CocoaError(.fileNoSuchFile)
        }
        return url
    }

    /// The decompressed bytes of a `.gz` file (through `gzip -dc`).
    static func gunzip(_ url: URL) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, !data.isEmpty else {
            XCTFail("gzip -dc \(url.path) failed")
            throw CocoaError(.fileReadCorruptFile)
        }
        return data
    }

    /// `{space group: {letter: value}}` from `wyckoff-reference/<name>`.
    static func letterTable(_ name: String) throws -> [Int: [String: Int]] {
        let data = try gunzip(file("wyckoff-reference/" + name))
        let raw = try JSONDecoder().decode([String: [String: Int]].self, from: data)
        var table: [Int: [String: Int]] = [:]
        for (key, value) in raw {
            guard let number = Int(key) else { continue }
            table[number] = value
        }
        return table
    }

    /// `{space group: [permutation]}`, each permutation written as the images of the letters in
    /// letter order (`a`…`z`, `A`), from `wyckoff-position-relabelings.json.gz` (whose keys are
    /// character codes).
    static func relabelings() throws -> [Int: Set<String>] {
        let data = try gunzip(file("wyckoff-reference/wyckoff-position-relabelings.json.gz"))
        let raw = try JSONDecoder().decode([String: [[String: String]]].self, from: data)
        var table: [Int: Set<String>] = [:]
        for (key, maps) in raw {
            guard let number = Int(key) else { continue }
            table[number] = Set(maps.map { map in
                let pairs = map.compactMap { code, image -> (String, String)? in
                    guard let value = Int(code), let scalar = Unicode.Scalar(value) else { return nil }
                    return (String(Character(scalar)), image)
                }
                return pairs.sorted { order($0.0) < order($1.0) }.map(\.1).joined()
            })
        }
        return table
    }

    private static func order(_ letter: String) -> Int {
        "abcdefghijklmnopqrstuvwxyzA".map(String.init).firstIndex(of: letter) ?? 99
    }
}
