/// Version of the `curate` tool, recorded with every ingest run and derived artifact.
public enum CurateVersion {
    /// Semantic version of this build.
    public static let current = "0.1.0"
}
