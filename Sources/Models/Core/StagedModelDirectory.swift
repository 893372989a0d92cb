import Foundation

/// A model directory being written: training fills `.NAME.partial` beside `--out` (members as
/// they finish, checkpoints while they train) and `commit` renames it into place, so `--out`
/// only ever holds a complete model. A killed run leaves the staging directory, which
/// `begin(…, resume:)` continues; an existing `--out` is replaced only with `overwrite`.
public struct StagedModelDirectory: Sendable {
    /// The final directory.
    public let out: URL
    /// The staging directory training writes into.
    public let staging: URL
    /// The run's identifier, recorded in every file of the model.
    public let runID: String
    /// Whether an existing `out` may be replaced.
    public let overwrite: Bool

    /// The staging directory used for `out`: `.NAME.partial` in the same folder.
    public static func stagingPath(for out: String) -> String {
        let url = URL(fileURLWithPath: out).standardizedFileURL
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial").path
    }

    /// `run.json`: the run id and what was trained, so a resume continues the same run.
    struct RunFile: Codable, Equatable {
        var runID: String
        var fingerprint: String
    }

    /// Starts writing `out`. Refuses an existing `out` without `overwrite`, and a leftover
    /// staging directory unless it is resumed (`resume` is that staging directory).
    public static func begin(out: String, overwrite: Bool, resume: String? = nil) throws(ModelsError) -> StagedModelDirectory {
        let outURL = URL(fileURLWithPath: out).standardizedFileURL
        let staging = URL(fileURLWithPath: stagingPath(for: out))
        let fm = FileManager.default
        if fm.fileExists(atPath: outURL.path) && !overwrite {
            throw .invalidOptions("--out \(out) exists; pass --overwrite to replace it")
        }
        if let resume {
            guard URL(fileURLWithPath: resume).standardizedFileURL.path == staging.path else {
                throw .invalidOptions("--resume \(resume) is not the staging directory of --out \(out) (\(staging.path))")
            }
            let runFile = staging.appendingPathComponent("run.json")
            guard fm.fileExists(atPath: runFile.path) else {
                // Killed after the staging directory was made but before the run was claimed:
                // nothing was trained yet, so the resumed run starts from the beginning.
                guard fm.fileExists(atPath: staging.path) else {
                    throw .invalidOptions("--resume \(resume) does not exist; start the run without --resume")
                }
                return StagedModelDirectory(out: outURL, staging: staging, runID: UUID().uuidString.lowercased(), overwrite: overwrite)
            }
            let run = try ModelFiles.readJSON(RunFile.self, runFile, directory: resume)
            return StagedModelDirectory(out: outURL, staging: staging, runID: run.runID, overwrite: overwrite)
        }
        if fm.fileExists(atPath: staging.path) {
            throw .invalidOptions("\(staging.path) is left from an unfinished training run of \(out): continue it with "
                                  + "--resume \(staging.path) (same options), or delete it")
        }
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw .unreadable(path: staging.path, reason: "cannot create the staging directory: \(error.localizedDescription)")
        }
        return StagedModelDirectory(out: outURL, staging: staging, runID: UUID().uuidString.lowercased(), overwrite: overwrite)
    }

    /// Records what this run trains; a resumed run must train the same (`fingerprint` differs → error).
    func claim(fingerprint: String) throws(ModelsError) {
        let url = staging.appendingPathComponent("run.json")
        if FileManager.default.fileExists(atPath: url.path) {
            let run = try ModelFiles.readJSON(RunFile.self, url, directory: staging.path)
            guard run.fingerprint == fingerprint else {
                throw .invalidOptions("\(staging.path) holds a run with other settings:\n  it: \(run.fingerprint)\n  now: \(fingerprint)")
            }
            return
        }
        do {
            try ModelFiles.encoder.encode(RunFile(runID: runID, fingerprint: fingerprint)).write(to: url, options: .atomic)
        } catch {
            throw .unreadable(path: url.path, reason: "cannot write: \(error.localizedDescription)")
        }
    }

    /// The folder of member `index`.
    func memberFolder(_ index: Int) -> URL { staging.appendingPathComponent("member-\(index)") }

    /// The finished member `index` of this run, if the staging directory holds it.
    func finishedMember<Model: TrainableModel>(_ index: Int, of type: Model.Type) throws(ModelsError) -> Member<Model>? {
        guard FileManager.default.fileExists(atPath: memberFolder(index).appendingPathComponent("config.json").path) else { return nil }
        return try ModelDirectory.readMember(Model.self, name: "member-\(index)", under: staging, directory: staging.path, runID: runID)
    }

    /// Saves a finished member and drops its checkpoints.
    func finish<Model: TrainableModel>(_ member: Member<Model>, index: Int) throws(ModelsError) {
        do {
            try ModelDirectory.writeMember(member, index: index, runID: runID, to: memberFolder(index))
        } catch {
            throw .unreadable(path: memberFolder(index).path, reason: "cannot write member: \(error)")
        }
        MemberCheckpoint.removeAll(in: memberFolder(index))
    }

    /// Writes what is not yet written (members not saved by training, the shared files,
    /// ensemble.json), then renames the staging directory to `out`.
    public func commit<Model: TrainableModel>(_ ensemble: Ensemble<Model>, toolVersion: String) throws(ModelsError) {
        let fm = FileManager.default
        do {
            var names: [String] = []
            for (k, member) in ensemble.members.enumerated() {
                if !fm.fileExists(atPath: memberFolder(k).appendingPathComponent("config.json").path) {
                    try ModelDirectory.writeMember(member, index: k, runID: runID, to: memberFolder(k))
                }
                MemberCheckpoint.removeAll(in: memberFolder(k))
                names.append("member-\(k)")
            }
            let shared = try Model.writeShared(ensemble.shared, to: staging, runID: runID)
            let manifest = ModelDirectory.Manifest<Model>(members: names, toolVersion: toolVersion, runID: runID, shared: shared)
            try ModelFiles.encoder.encode(manifest).write(to: staging.appendingPathComponent("ensemble.json"), options: .atomic)
        } catch let error as ModelsError {
            throw error
        } catch {
            throw .unreadable(path: staging.path, reason: "cannot write model: \(error)")
        }
        do {
            if fm.fileExists(atPath: out.path) {
                guard overwrite else { throw ModelsError.invalidOptions("--out \(out.path) appeared while training; pass --overwrite to replace it") }
                let old = out.deletingLastPathComponent().appendingPathComponent(".\(out.lastPathComponent).replaced-\(runID)")
                try fm.moveItem(at: out, to: old)
                try fm.moveItem(at: staging, to: out)
                try? fm.removeItem(at: old)
            } else {
                try fm.createDirectory(at: out.deletingLastPathComponent(), withIntermediateDirectories: true)
                try fm.moveItem(at: staging, to: out)
            }
            // run.json stays in staging until the rename, so a run killed before it can still be resumed.
            try? fm.removeItem(at: out.appendingPathComponent("run.json"))
        } catch let error as ModelsError {
            throw error
        } catch {
            throw .unreadable(path: out.path, reason: "cannot move the trained model into place: \(error.localizedDescription)")
        }
    }
}
