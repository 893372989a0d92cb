import Foundation

/// Reads released directories.
public enum ReleaseReading {
    /// The manifest of the release in `directory`.
    public static func manifest(in directory: String) throws -> ReleaseManifest {
        let path = (directory as NSString).appendingPathComponent("manifest.json")
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DatasetError.release(path: path, message: "no manifest.json: not a release directory")
        }
        do {
            return try JSONDecoder().decode(ReleaseManifest.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw DatasetError.release(path: path, message: "missing key \"\(key.stringValue)\" at \(DecodingPath.describe(context.codingPath))")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw DatasetError.release(path: path, message: "\(context.debugDescription) at \(DecodingPath.describe(context.codingPath))")
        } catch {
            throw DatasetError.release(path: path, message: "not a readable manifest: \(error)")
        }
    }

    /// One line of `records.jsonl`, as diffs read it.
    public struct Line: Sendable, Codable, Equatable {
        public var id: String
        public var composition: String
        /// Composition datasets only.
        public var target: Double?
        public var qualifier: String?
        public var measurements: Int?
        /// Reaction datasets only.
        public var precursors: [String]?
        public var actions: [String]?
        public var split: String
        public var provenance: [String]
    }

    /// The records of the release in `directory`, by id; errors name the line.
    public static func records(in directory: String) throws -> [String: Line] {
        let path = (directory as NSString).appendingPathComponent("records.jsonl")
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DatasetError.release(path: path, message: "no records.jsonl: not a release directory")
        }
        var records: [String: Line] = [:]
        let decoder = JSONDecoder()
        for (index, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() {
            do {
                let record = try decoder.decode(Line.self, from: Data(line))
                records[record.id] = record
            } catch {
                throw DatasetError.release(path: path, message: "line \(index + 1): not a release record: \(error)")
            }
        }
        return records
    }

    /// Every regular file under `directory` (relative paths, sorted), hidden entries skipped.
    public static func files(in directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var paths: [String] = []
        while let path = enumerator.nextObject() as? String {
            if path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            var isDirectory: ObjCBool = false
            let full = (directory as NSString).appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue { paths.append(path) }
        }
        return paths.sorted()
    }
}
