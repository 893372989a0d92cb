import Foundation

/// The cache entry kept beside a pulled file as `.NAME.pull.json`: the validators of the
/// complete file (for a conditional request that transfers nothing when it is unchanged) and of
/// the partial one (for `If-Range` when resuming).
struct PullState: Codable, Equatable {
    var url: String
    var etag: String?
    var lastModified: String?
    var size: Int64?
    var sha256: String?
    var partialETag: String?
    var partialLastModified: String?

    static func load(_ path: String) -> PullState? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(PullState.self, from: data)
    }

    func save(_ path: String) throws(PullError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        do {
            try encoder.encode(self).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .io(path: path, reason: "cannot write the pull cache: \(error.localizedDescription)")
        }
    }
}
