import Foundation

/// The records.jsonl of a reaction release, read whole.
public struct ReactionRecordsFile: Sendable, Equatable {
    /// The file read.
    public var path: String
    public var text: String

    /// Reads `release`: a reaction release directory (its records.jsonl) or the file itself.
    public init(release: String) throws {
        var isDirectory: ObjCBool = false
        let file = FileManager.default.fileExists(atPath: release, isDirectory: &isDirectory) && isDirectory.boolValue
            ? (release as NSString).appendingPathComponent("records.jsonl") : release
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw WorkflowError("cannot read \(file): \(error.localizedDescription)")
        }
        path = file
    }
}

/// Reads a whole text file, or fails naming it.
func readText(_ path: String) throws -> String {
    do { return try String(contentsOfFile: path, encoding: .utf8) } catch {
        throw WorkflowError("cannot read \(path): \(error.localizedDescription)")
    }
}
