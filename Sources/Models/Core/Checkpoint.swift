import Foundation
import Learning

/// How a training run saves and resumes its members: each member folder of the staging
/// directory gets `checkpoint-E/` every `every` epochs (its weights, the kept epoch's weights,
/// the optimiser moments, the shuffling generator and the history); a finished member's
/// `config.json` marks it done. A resumed run continues bit for bit where the checkpoint was.
public struct CheckpointPlan: Sendable {
    /// The staging directory of the run.
    public let directory: StagedModelDirectory
    /// Checkpoint every this many epochs (nil: only finished members are kept).
    public let every: Int?
    /// Stop (throw) after the checkpoint of this epoch, as a kill would (tests and demos).
    public let stopAfterEpoch: Int?

    /// Creates a plan.
    public init(directory: StagedModelDirectory, every: Int? = nil, stopAfterEpoch: Int? = nil) {
        self.directory = directory
        self.every = every
        self.stopAfterEpoch = stopAfterEpoch
    }
}

/// The resumable state of one member after an epoch.
struct MemberCheckpoint {
    /// What `state.json` holds.
    struct Header: Codable {
        var runID: String
        var epoch: Int
        var generator: [UInt64]
        var optimiserSteps: Int
        var history: [EpochRecord]
        var bestEpoch: Int?
        var bestScore: Double?
    }

    var header: Header
    var parameters: Parameters
    var best: Parameters?
    var optimiser: AdamW.State

    private static let prefix = "checkpoint-"

    /// Writes `checkpoint-E` under `folder` (state.json last, so a complete folder has it), then
    /// removes older checkpoints.
    func write(to folder: URL) throws(ModelsError) {
        let target = folder.appendingPathComponent("\(Self.prefix)\(header.epoch)")
        do {
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            let meta = ["run": header.runID]
            try SafeTensors.write(parameters.tensors, metadata: meta, to: target.appendingPathComponent("parameters.safetensors"))
            try SafeTensors.write(best?.tensors ?? [:], metadata: meta, to: target.appendingPathComponent("best.safetensors"))
            try SafeTensors.write(optimiser.firstMoments, metadata: meta, to: target.appendingPathComponent("moments-1.safetensors"))
            try SafeTensors.write(optimiser.secondMoments, metadata: meta, to: target.appendingPathComponent("moments-2.safetensors"))
            try ModelFiles.encoder.encode(header).write(to: target.appendingPathComponent("state.json"), options: .atomic)
            for old in Self.epochs(in: folder) where old != header.epoch {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent("\(Self.prefix)\(old)"))
            }
        } catch {
            throw .unreadable(path: target.path, reason: "cannot write checkpoint: \(error)")
        }
    }

    /// The latest complete checkpoint under `folder` of run `runID`, if any.
    static func latest(in folder: URL, runID: String) throws(ModelsError) -> MemberCheckpoint? {
        for epoch in epochs(in: folder).reversed() {
            let dir = folder.appendingPathComponent("\(prefix)\(epoch)")
            let stateURL = dir.appendingPathComponent("state.json")
            guard FileManager.default.fileExists(atPath: stateURL.path) else { continue }
            let header = try ModelFiles.readJSON(Header.self, stateURL, directory: dir.path)
            guard header.runID == runID else {
                throw .invalidModel(path: dir.path, reason: "checkpoint of run \(header.runID), not of run \(runID)")
            }
            func tensors(_ name: String) throws(ModelsError) -> [String: Tensor] {
                try ModelFiles.readWeights(dir.appendingPathComponent(name), directory: dir.path, label: name).tensors
            }
            let best = try tensors("best.safetensors")
            return MemberCheckpoint(header: header, parameters: Parameters(try tensors("parameters.safetensors")),
                                    best: best.isEmpty ? nil : Parameters(best),
                                    optimiser: AdamW.State(stepCount: header.optimiserSteps,
                                                           firstMoments: try tensors("moments-1.safetensors"),
                                                           secondMoments: try tensors("moments-2.safetensors")))
        }
        return nil
    }

    /// Removes every checkpoint under `folder`.
    static func removeAll(in folder: URL) {
        for epoch in epochs(in: folder) {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent("\(prefix)\(epoch)"))
        }
    }

    /// Epochs of the checkpoint folders under `folder`, ascending.
    private static func epochs(in folder: URL) -> [Int] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.compactMap { $0.hasPrefix(prefix) ? Int($0.dropFirst(prefix.count)) : nil }.sorted()
    }
}
