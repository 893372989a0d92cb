import Chemistry
import Dispatch
import Foundation
import Store

/// Interprets the reactions of a split synthesis file on every core while the single writer
/// appends the prepared records strictly in input order, so the store ends up exactly as a
/// serial run leaves it.
///
/// Reactions go in batches: the workers interpret batch `k + 1` while the writer appends batch
/// `k`. Each worker owns its interpreter (interpretation is a pure function of the record; the
/// interpreter's material cache only saves work).
struct ParallelReactionInterpretation {
    /// Reactions per batch.
    static let batchSize = 1024

    let bytes: [UInt8]
    let records: [Range<Int>]
    let bindings: FormulaBindings
    /// Worker count (at least 1).
    let workers: Int

    init(bytes: [UInt8], records: [Range<Int>], bindings: FormulaBindings,
         workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.bytes = bytes
        self.records = records
        self.bindings = bindings
        self.workers = max(1, workers)
    }

    /// Hands every prepared record, in input order, to `append`.
    func run(_ append: (PreparedRecord) throws -> Void) throws {
        let batches = stride(from: 0, to: records.count, by: Self.batchSize).map { $0..<min($0 + Self.batchSize, records.count) }
        guard !batches.isEmpty else { return }
        let pool = InterpreterPool(count: workers, bindings: bindings)
        var pending = startBatch(batches[0], pool: pool)
        for next in 1...batches.count {
            let ready = pending.wait()
            if next < batches.count { pending = startBatch(batches[next], pool: pool) }
            for record in ready { try append(record) }
        }
    }

    /// Starts interpreting `batch` in the background.
    private func startBatch(_ batch: Range<Int>, pool: InterpreterPool) -> BatchResult {
        let result = BatchResult(count: batch.count)
        let bytes = bytes, records = records, workers = workers
        result.group.enter()
        DispatchQueue.global().async {
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                pool.withInterpreter(worker) { interpreter in
                    var offset = worker
                    while offset < batch.count {
                        let number = batch.lowerBound + offset
                        let raw = bytes.withUnsafeBufferPointer { Data(buffer: UnsafeBufferPointer(rebasing: $0[records[number]])) }
                        result.store(interpreter.interpret(raw, index: number + 1), at: offset)
                        offset += workers
                    }
                }
            }
            result.group.leave()
        }
        return result
    }
}

/// One interpreter per worker; worker `i` only ever touches slot `i`.
private final class InterpreterPool: @unchecked Sendable {
    private let interpreters: UnsafeMutableBufferPointer<SynthesisInterpreter>

    init(count: Int, bindings: FormulaBindings) {
        interpreters = .allocate(capacity: count)
        for worker in 0..<count { interpreters.initializeElement(at: worker, to: SynthesisInterpreter(bindings: bindings)) }
    }

    deinit {
        interpreters.deinitialize()
        interpreters.deallocate()
    }

    func withInterpreter(_ worker: Int, _ body: (inout SynthesisInterpreter) -> Void) {
        body(&interpreters[worker])
    }
}

/// The records of one batch, each slot written by exactly one worker before `group` is left.
private final class BatchResult: @unchecked Sendable {
    let group = DispatchGroup()
    private let slots: UnsafeMutableBufferPointer<PreparedRecord?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func store(_ record: PreparedRecord, at offset: Int) {
        slots[offset] = record
    }

    /// Waits for the batch and returns its records in order.
    func wait() -> [PreparedRecord] {
        group.wait()
        return slots.compactMap { $0 }
    }
}
