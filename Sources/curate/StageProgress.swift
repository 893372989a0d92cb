import CurateIO
import Foundation

/// The bar of a command whose library call reports stages (``WorkStage``): the share done is
/// the stages finished plus the part of the current one that is known (its `done`/`total`, or
/// how far this process has read the stage's file), drawn on a ``TerminalProgress`` with the
/// stage's label and the time left. Draws only when the command prints text to a terminal.
final class StageProgress: @unchecked Sendable {
    private static let steps = 1000
    private let bar: TerminalProgress?
    private let lock = NSLock()
    private var stage: WorkStage?
    private var fileSize = 0
    private var running = true

    /// A bar labelled `label`; silent with `json` or when stdout or stderr is not a terminal.
    init(label: String, json: Bool) {
        bar = !json && TerminalProgress.interactive ? TerminalProgress(total: Self.steps, label: label, unit: "", json: json) : nil
        guard bar != nil else { return }
        Thread { [weak self] in
            while let self, self.lock.withLock({ self.running }) {
                self.redraw()
                Thread.sleep(forTimeInterval: 0.2)
            }
        }.start()
    }

    /// The closure to hand to the library call.
    var report: WorkProgress? {
        guard bar != nil else { return nil }
        return { [weak self] stage in self?.update(stage) }
    }

    private func update(_ stage: WorkStage) {
        let size = stage.file.flatMap { (try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? NSNumber)?.intValue } ?? 0
        lock.withLock {
            self.stage = stage
            fileSize = size
        }
        redraw()
    }

    private func redraw() {
        let (stage, size) = lock.withLock { (self.stage, fileSize) }
        guard let stage, let bar else { return }
        var share = stage.share
        if stage.done == nil, let file = stage.file, size > 0, stage.count > 0,
           let position = FileReadProgress.position(of: URL(fileURLWithPath: file).resolvingSymlinksInPath().path) {
            share = min((Double(stage.index) + min(Double(position) / Double(size), 1)) / Double(stage.count), 1)
        }
        lock.withLock {
            guard running else { return }
            bar.detail = "\(stage.index + 1)/\(stage.count) \(stage.label)"
            bar.set(done: Int(share * Double(Self.steps)))
        }
    }

    /// Stops drawing and removes the bar.
    func finish() {
        lock.withLock {
            running = false
            bar?.finish()
        }
    }
}

/// Runs `body` with a ``StageProgress`` bar labelled `label` (none with `json` or off a
/// terminal) and removes the bar before the command prints its result.
func withStageProgress<T>(_ label: String, json: Bool, _ body: (WorkProgress?) throws -> T) throws -> T {
    let progress = StageProgress(label: label, json: json)
    defer { progress.finish() }
    return try body(progress.report)
}
