import CurateApp
import Foundation
import ReviewServer
import Store
import XCTest

/// A store in a temporary folder with real OQMD rows ingested, flags raised on them, and the
/// review server running on an ephemeral loopback port.
final class ServerFixture {
    let folder: URL
    let storePath: String
    let store: CurateStore
    let token = AccessToken.random()
    let port: Int
    let http: LoopbackHTTP
    private let task: Task<Void, any Error>

    static let oqmd = "../shared/data/oqmd/roost-oqmd-256k-testsplit.csv"

    /// `rows` OQMD rows ingested (one property flag on each, score = row index), plus
    /// `reactionFlags` reaction flags with scores 0.5, 1.5, ….
    /// `previews` gets the folder, the store path and the store once the flags are raised, and
    /// returns the release previews the server offers.
    init(rows: Int = 20, reactionFlags: Int = 0,
         previews: (URL, String, CurateStore) throws -> [ReleasePreviewSource] = { _, _, _ in [] }) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("review-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        guard FileManager.default.fileExists(atPath: Self.oqmd) else {
            throw LoopbackHTTP.Failure(description: "missing \(Self.oqmd): the tests need ../shared/data")
        }
        let lines = try String(contentsOfFile: Self.oqmd, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let csv = folder.appendingPathComponent("oqmd.csv").path
        try (lines.prefix(rows + 1).joined(separator: "\n") + "\n").write(toFile: csv, atomically: true, encoding: .utf8)
        storePath = folder.appendingPathComponent("s.sqlite").path
        _ = try IngestWorkflow.run(kind: "oqmd", path: csv, storePath: storePath)
        store = try CurateStore(path: storePath)
        try Self.raiseFlags(store: store, rows: rows, reactionFlags: reactionFlags)

        // Hummingbird logs each stop of a cancelled server at error level; the tests stop six.
        setenv("LOG_LEVEL", "critical", 1)
        let server = ReviewServer(store: store, token: token, previews: try previews(folder, storePath, store))
        let bound = PortBox()
        let ready = DispatchSemaphore(value: 0)
        task = Task {
            try await server.application(host: "127.0.0.1", port: 0) { port in
                bound.set(port)
                ready.signal()
            }.run()
        }
        guard ready.wait(timeout: .now() + 60) == .success, let port = bound.get() else {
            throw LoopbackHTTP.Failure(description: "the server did not start in 60 s")
        }
        self.port = port
        http = LoopbackHTTP(port: port)
    }

    deinit {
        task.cancel()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Headers that carry the token.
    var auth: [String: String] { ["X-Curate-Token": token.value] }

    /// The cookie a browser holds after opening the printed address (forms add the token field).
    var cookie: [String: String] { ["Cookie": "curate_token=\(token.value)"] }

    static func raiseFlags(store: CurateStore, rows: Int, reactionFlags: Int) throws {
        let observations = try store.flagPage(offset: 0, limit: 0)
        XCTAssertEqual(observations.total, 0)
        var drafts: [FlagDraft] = []
        for id in 1...rows {
            drafts.append(FlagDraft(kind: .property, subjectKey: String(id), subjectLabel: "row \(id)",
                                    provenanceJSON: #"{"source":"oqmd","locator":"line \#(id + 1)","property":"formation_energy_per_atom","unit":"eV/atom"}"#,
                                    score: Double(id), observedJSON: "-1.5", predictedJSON: "-0.25", uncertainty: 0.125,
                                    evidenceJSON: #"{"z":\#(id),"neighbours":[{"observation_id":1,"formula":"NaCl","similarity":0.97,"observed":-2,"predicted":-1.9}]}"#))
        }
        _ = try store.recordFlags(drafts, producer: FlagProducer(modelPath: "models/roost", modelSHA256: "abc", inputSHA256: ""))
        guard reactionFlags > 0 else { return }
        let reactions = (0..<reactionFlags).map { index in
            FlagDraft(kind: .reaction, subjectKey: "rxn-\(index)", subjectLabel: "LiCoO2", provenanceJSON: #"{"doi":"10.1000/x\#(index)","split":"test"}"#,
                      score: Double(index) + 0.5, observedJSON: #"{"Li":0.25,"Co":0.25,"O":0.5}"#,
                      predictedJSON: #"{"Li":0.2,"Co":0.3,"O":0.5}"#, uncertainty: 0.01, evidenceJSON: #"{"error":0.1}"#)
        }
        _ = try store.recordFlags(reactions, producer: FlagProducer(modelPath: "models/reaction", modelSHA256: "def", inputSHA256: ""))
    }
}

/// The port the server reports, handed from its task to the test thread.
final class PortBox: @unchecked Sendable {
    private let lock = NSLock()
    private var port: Int?
    func set(_ value: Int) { lock.withLock { port = value } }
    func get() -> Int? { lock.withLock { port } }
}
