import CurateIO
import Foundation
import PhaseStability
import Store

/// One `curate hull --store` run: read the observations, select one correction scheme, build the
/// patched hull, and record the derived values with provenance.
public enum StoreHullJob {
    /// What a run did, with wall-clock seconds per phase.
    public struct Report: Sendable {
        public let selection: StoreHullSelection
        public let hull: PatchedHull
        /// The recorded (or identical earlier) run; nil when nothing was written.
        public let runId: Int?
        /// Whether an earlier run with identical entries was reused instead of writing a new one.
        public let reused: Bool
        public let readSeconds: Double
        public let hullSeconds: Double
        public let writeSeconds: Double
    }

    /// Runs the hull over `property` observations of `sources` (all when empty).
    public static func run(store: CurateStore, sources: [String], property: String, correction: String?, chemsys: String?,
                           requireElementalEntries: Bool, write: Bool, workers: Int, toolVersion: String,
                           progress: WorkProgress? = nil) throws -> Report {
        let clock = ContinuousClock()
        let start = clock.now
        progress?(WorkStage(index: 0, count: 3, label: "read the stored energies"))
        let inputs = try store.curationInputs(property: property, sources: sources)
        let selection = try StoreHullSelection(inputs: inputs, property: property, correction: correction, chemsys: chemsys)
        let read = clock.now
        progress?(WorkStage(index: 1, count: 3, label: "hull of \(selection.entries.count) entries"))
        let hull = try PatchedHull(entries: selection.entries, requireElementalEntries: requireElementalEntries, workers: workers)
        let solved = clock.now
        var runId: Int?
        var reused = false
        if write {
            progress?(WorkStage(index: 2, count: 3, label: "record the hull run"))
            let draft = StoreHullRun.draft(selection: selection, hull: hull, sources: sources, property: property,
                                           chemsys: chemsys, toolVersion: toolVersion)
            (runId, reused) = try store.recordHullRun(draft)
        }
        let written = clock.now
        return Report(selection: selection, hull: hull, runId: runId, reused: reused, readSeconds: seconds(read - start),
                      hullSeconds: seconds(solved - read), writeSeconds: seconds(written - solved))
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}
