import Curation
import Ingest
import CurateIO

/// `curate clean SPEC`: one curation run over the store, recorded with its ledger and clusters.
public enum CleanWorkflow {
    /// Runs the curation spec at `specPath` on the store at `storePath`; returns the funnel.
    public static func clean(specPath: String, storePath: String, progress: WorkProgress? = nil) throws -> CurationReport {
        let spec = try step { try CurationSpec.load(path: specPath) }
        let store = try StoreOpening.open(storePath)
        return try step { try Curator.clean(spec: spec, store: store, toolVersion: CurateVersion.current, progress: progress) }
    }
}
