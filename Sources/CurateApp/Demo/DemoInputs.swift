/// The raw files the demo ingests, as paths inside the shared data directory, and the two
/// dataset specs it releases. Source names match the specs' `sources`, so the releases reuse
/// the ingested runs instead of ingesting again.
public enum DemoInputs {
    /// One file the demo ingests.
    public struct Source: Sendable, Equatable, Codable {
        /// Ingester kind (`supercon`, `synthesis`).
        public var kind: String
        /// Path inside the data directory.
        public var relativePath: String
        /// Source name in the store (the name the dataset specs use).
        public var name: String
    }

    /// Stanev 2018 and MDR 2024 SuperCon, and the 2019 text-mined synthesis release.
    public static let sources: [Source] = [
        Source(kind: "supercon", relativePath: "supercon/stanev-2018.csv", name: "stanev-2018"),
        Source(kind: "supercon", relativePath: "supercon/mdr-2024/mdr.csv", name: "mdr"),
        Source(kind: "synthesis", relativePath: "synthesis/solid-state_dataset_2019-12-03.json.xz", name: "solid-state-2019"),
    ]

    /// Dataset specs released, by name (`<specs>/<name>.dataset.json`).
    public static let datasets = ["supercon-tc", "solid-state-synthesis"]

    /// The dataset whose reactions the element-balance rules check.
    public static let reactionDataset = "solid-state-synthesis"

    /// The version every demo release gets.
    public static let version = "1.0.0"
}
