import Foundation
import Store
import XCTest
import CurateIO
@testable import Ingest

/// Issue 17 item 2: gzip and xz inputs are decompressed within a size and a ratio limit, so a
/// decompression bomb fails fast, naming the option, with the store unchanged.
final class DecompressionLimitTests: XCTestCase {
    /// `header` followed by `zeros` zero bytes (as text `0`), compressed with `tool` (gzip or xz).
    private func bomb(_ directory: TemporaryDirectory, _ name: String, tool: String, header: String, megabytes: Int) throws -> String {
        let path = directory.path(name)
        let plain = try directory.write(name + ".plain", header)
        let script = "{ cat '\(plain)'; head -c \(megabytes << 20) /dev/zero | tr '\\0' '0'; } | \(tool) -c > '\(path)'"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "building \(name) with \(tool)")
        return path
    }

    /// A low ratio grace keeps the bombs small (8 MiB of zeros) while the ratio check still fires.
    private let testLimits = DecompressionLimits(maxBytes: 1 << 30, maxRatio: 100, ratioGraceBytes: 1 << 20)

    func testGzipBombStopsAtTheRatioLimit() throws {
        let directory = try TemporaryDirectory()
        let path = try bomb(directory, "zeros.csv.gz", tool: "gzip", header: "", megabytes: 8)
        XCTAssertLessThan(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0, 64 << 10)
        let reader = try GzipReader(url: URL(fileURLWithPath: path), limits: testLimits)
        var produced = 0
        XCTAssertThrowsError(try { while let chunk = try reader.nextChunk() { produced += chunk.count } }()) { error in
            guard case GzipError.limitExceeded(let errorPath, let reason) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(errorPath, path)
            XCTAssertTrue(reason.contains("--max-compression-ratio"), reason)
        }
        XCTAssertLessThan(produced, 2 << 20, "stopped soon after the grace, not at the end")
    }

    func testXZBombStopsAtTheRatioLimit() throws {
        let directory = try TemporaryDirectory()
        let path = try bomb(directory, "zeros.json.xz", tool: "xz", header: "[", megabytes: 8)
        XCTAssertThrowsError(try XZ.decompress(path: path, limits: testLimits)) { error in
            guard case XZError.limitExceeded(_, let reason) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("--max-compression-ratio"), reason)
        }
    }

    func testSizeLimitNamesTheOption() throws {
        let directory = try TemporaryDirectory()
        let path = try bomb(directory, "zeros.gz", tool: "gzip", header: "", megabytes: 2)
        let limits = DecompressionLimits(maxBytes: 1 << 20, maxRatio: 100_000)
        XCTAssertThrowsError(try GzipReader(url: URL(fileURLWithPath: path), limits: limits).readAll()) { error in
            XCTAssertTrue("\(error)".contains("exceeds 1048576 bytes (--max-decompressed-bytes"), "\(error)")
        }
        // Within the limits the same file reads whole.
        XCTAssertEqual(try GzipReader(url: URL(fileURLWithPath: path), limits: DecompressionLimits(maxRatio: 100_000)).readAll().count, 2 << 20)
    }

    func testWBMIngestOfAGzipBombFailsAndLeavesTheStoreUnchanged() throws {
        let directory = try TemporaryDirectory()
        let store = try CurateStore(path: directory.path("store.sqlite"))
        let before = try store.contentHash()
        let path = try bomb(directory, "wbm-bomb.csv.gz", tool: "gzip",
                            header: "material_id,formula,e_form_per_atom_wbm\nwbm-1-1,Fe2O3,-1.5\n", megabytes: 8)
        let options = IngestOptions(decompression: testLimits)
        XCTAssertThrowsError(try WBMIngester.ingest(path: path, into: store, options: options)) { error in
            XCTAssertTrue("\(error)".contains("--max-compression-ratio"), "\(error)")
            XCTAssertTrue("\(error)".contains("wbm-bomb.csv.gz"), "\(error)")
        }
        XCTAssertEqual(try store.contentHash(), before)
        XCTAssertEqual(try store.runs().count, 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)
            .filter { $0.contains("wbm-bomb.csv.gz") }
        XCTAssertEqual(leftovers, [], "the partial decompressed copy is removed")
    }

    func testSynthesisIngestOfAnXZBombFails() throws {
        let directory = try TemporaryDirectory()
        let store = try CurateStore.inMemory()
        let path = try bomb(directory, "reactions.json.xz", tool: "xz", header: "[", megabytes: 8)
        XCTAssertThrowsError(try SynthesisIngester.ingest(path: path, into: store, options: IngestOptions(decompression: testLimits))) { error in
            XCTAssertTrue("\(error)".contains("--max-compression-ratio"), "\(error)")
        }
        XCTAssertEqual(try store.runs().count, 0)
    }

    func testRealCompressedFilesAreWithinTheDefaults() throws {
        let wbm = try SharedData.path("wbm/wbm-relaxed-symmetry-spglib.csv.gz")
        XCTAssertEqual(try GzipReader(url: URL(fileURLWithPath: wbm), limits: .init()).readAll().count, 24_792_848)
        let synthesis = try SharedData.path("synthesis/solid-state_dataset_2019-12-03.json.xz")
        XCTAssertEqual(try XZ.decompress(path: synthesis, limits: .init()).count, 85_065_558)
    }
}
