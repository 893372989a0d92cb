import Datasets
import Foundation
import ReviewServer
import Store
import Synchronization

/// `curate serve`: the review web application over a store, until SIGINT or SIGTERM.
public enum ReviewServing {
    /// Where to listen and with which token.
    public struct Options: Sendable, Equatable {
        public var host: String
        /// 0: any free port (the one bound is reported).
        public var port: Int
        /// A fixed token; a random one when nil. Required when `host` is not a loopback address.
        public var token: String?
        /// Dataset spec files the release preview (`/preview`) may build; no others.
        public var releaseSpecs: [String]

        public init(host: String = "127.0.0.1", port: Int = 8080, token: String? = nil, releaseSpecs: [String] = []) {
            self.host = host
            self.port = port
            self.token = token
            self.releaseSpecs = releaseSpecs
        }
    }

    /// What a reviewer needs to open the app, reported once the server listens.
    public struct Started: Sendable, Equatable, Codable {
        public var host: String
        public var port: Int
        /// The access token (every request must carry it).
        public var token: String
        /// The address to open: sets the token cookie, then shows the flag queue.
        public var url: String
    }

    /// Opens the store, checks the options, listens, calls `onStarted` once, and serves until the
    /// process is told to stop (SIGINT or SIGTERM). Blocks the calling thread.
    public static func serve(storePath: String, options: Options, onStarted: @escaping @Sendable (Started) -> Void) throws {
        guard (0...65535).contains(options.port) else { throw WorkflowError("--port must be 0...65535, got \(options.port)") }
        let token: AccessToken
        if let text = options.token {
            guard let given = AccessToken(text) else {
                throw WorkflowError("--token must be at least 16 letters, digits, '-' or '_'")
            }
            token = given
        } else {
            guard isLoopback(options.host) else {
                throw WorkflowError("--host \(options.host) is not a loopback address: binding to it requires --token (one you choose and share with the reviewers), so the server never runs open on a network")
            }
            token = AccessToken.random()
        }
        for spec in options.releaseSpecs where !FileManager.default.fileExists(atPath: spec) {
            throw WorkflowError("--release \(spec): no such spec file")
        }
        let store = try StoreOpening.open(storePath)
        let server = ReviewServer(store: store, token: token, previews: options.releaseSpecs.map { releasePreview(spec: $0, store: store) })
        let host = options.host
        let failure = Mutex<(any Error)?>(nil)
        let finished = DispatchSemaphore(value: 0)
        Task {
            do {
                try await server.run(host: host, port: options.port) { port in
                    let shownHost = host.contains(":") ? "[\(host)]" : host
                    onStarted(Started(host: host, port: port, token: token.value, url: "http://\(shownHost):\(port)/flags?token=\(token.value)"))
                }
            } catch {
                failure.withLock { $0 = error }
            }
            finished.signal()
        }
        finished.wait()
        if let error = failure.withLock({ $0 }) { throw WorkflowError("review server on \(host):\(options.port): \(error)") }
    }

    /// The preview of `spec`: the release build's `flag_accepted` exclusions over `store`.
    public static func releasePreview(spec: String, store: CurateStore) -> ReleasePreviewSource {
        ReleasePreviewSource(spec: spec) {
            let preview = try DatasetRelease.acceptedFlagPreview(specPath: spec, store: store)
            return ReleasePreview(name: preview.name, records: preview.records, excluded: preview.exclusions.map { exclusion in
                ReleasePreview.Row(flagId: exclusion.flagId, source: exclusion.line.source, locator: exclusion.line.locator,
                                   formula: exclusion.line.formulaAsWritten, reason: exclusion.line.reason)
            })
        }
    }

    /// Whether `host` names this machine only (127.0.0.0/8, ::1, localhost).
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }
}
