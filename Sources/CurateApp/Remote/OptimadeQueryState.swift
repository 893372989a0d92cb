import Foundation

/// The saved state of one OPTIMADE query in its folder: `query.json` (the first URL, the pages
/// saved, the next link to fetch) and the pages themselves, `page-0001.json`, … .
struct OptimadeQueryState: Codable {
    var query: String
    var pages: Int
    /// The next page to fetch; `nil` once the last page is saved.
    var next: String?

    /// The saved state of `query` in `directory`, or a fresh one (a different query starts over).
    static func load(directory: String, query: String) -> OptimadeQueryState {
        let path = (directory as NSString).appendingPathComponent("query.json")
        if let data = FileManager.default.contents(atPath: path),
           let state = try? JSONDecoder().decode(OptimadeQueryState.self, from: data), state.query == query {
            return state
        }
        return OptimadeQueryState(query: query, pages: 0, next: query)
    }

    static func pagePath(_ directory: String, _ number: Int) -> String {
        (directory as NSString).appendingPathComponent(String(format: "page-%04d.json", number))
    }

    /// Saves a page, then the state that points past it (so a crash between the two refetches
    /// the page rather than skipping it).
    mutating func save(page: [UInt8], next: String?, directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Data(page).write(to: URL(fileURLWithPath: Self.pagePath(directory, pages + 1)), options: .atomic)
        pages += 1
        self.next = next
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        try encoder.encode(self).write(to: URL(fileURLWithPath: (directory as NSString).appendingPathComponent("query.json")), options: .atomic)
    }

    /// `pages.json`: every saved page as one JSON list, the form the `optimade` ingester reads.
    func writePagesFile(directory: String) throws -> String {
        let path = (directory as NSString).appendingPathComponent("pages.json")
        var joined = Data("[".utf8)
        for number in 1...max(pages, 1) where pages > 0 {
            if number > 1 { joined.append(Data(",\n".utf8)) }
            joined.append(try Data(contentsOf: URL(fileURLWithPath: Self.pagePath(directory, number))))
        }
        joined.append(Data("]\n".utf8))
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try joined.write(to: URL(fileURLWithPath: path), options: .atomic)
        return path
    }
}
