import Foundation
import Store
import XCTest

/// Fixtures committed beside these tests, and ways to look inside prepared records.
enum DFTFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Absolute path of a fixture, failing the test if it is missing.
    static func path(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let path = root.appendingPathComponent(name).path
        guard FileManager.default.fileExists(atPath: path) else {
            XCTFail("missing fixture \(path)", file: file, line: line)
            throw CocoaError(.fileNoSuchFile)
        }
        return path
    }
}

extension PreparedRecord {
    /// The observation, or nil for a quarantined record.
    var observation: PreparedObservation? {
        if case .observation(let observation) = outcome { return observation }
        return nil
    }

    /// The quarantine reason, or nil for an observation.
    var reason: QuarantineReason? {
        if case .quarantine(let reason) = outcome { return reason }
        return nil
    }
}

extension PreparedObservation {
    /// `metadata_json` decoded.
    var metadata: [String: Any] { Self.decode(metadataJSON) }
    /// `conditions_json` decoded.
    var conditions: [String: Any] { Self.decode(conditionsJSON) }
    /// The `correction` condition.
    var correction: String? { conditions["correction"] as? String }

    private static func decode(_ json: String?) -> [String: Any] {
        guard let json, let data = json.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
        return object
    }
}

/// Quarantine counts per reason code of `records`.
func reasonCounts(_ records: [PreparedRecord]) -> [String: Int] {
    records.compactMap(\.reason).reduce(into: [:]) { $0[$1.code, default: 0] += 1 }
}

/// The first `fraction` of a file's bytes, written to `name` in `directory`.
func truncatedCopy(_ path: String, fraction: Double, name: String, in directory: TemporaryDirectory) throws -> String {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    return try directory.write(name, data.prefix(Int(Double(data.count) * fraction)))
}
