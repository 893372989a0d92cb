import Foundation

/// The optional export `card`: `README.md` (``DatasetCard``) and `croissant.json`
/// (``CroissantDescription``), written after every other file (they quote those files'
/// hashes) and hashed in the manifest like them. In-memory and streamed builds both call
/// ``files(_:)`` with the same facts, so they write the same bytes.
enum CardExport {
    /// The export's name in a spec's `exports`.
    static let name = "card"

    /// Relative paths and bytes of the card files.
    static func files(_ facts: ReleaseCardFacts) throws -> [(path: String, data: Data)] {
        [
            (DatasetCard.path, Data(DatasetCard.markdown(facts).utf8)),
            (CroissantDescription.path, try CroissantDescription.data(facts)),
        ]
    }

    /// Writes the card files of a streamed build into `folder`; their manifest entries (no rows).
    static func write(_ facts: ReleaseCardFacts, into folder: StagedFolder) throws -> [ReleaseManifest.File] {
        try files(facts).map { path, data in
            let file = try StreamedFile(path, in: folder)
            try file.write(bytes: ArraySlice(data))
            return try file.finish()
        }
    }
}
