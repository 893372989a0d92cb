import ArgumentParser
import Chemistry
import CurateKit
import Foundation
import Store

/// `--store` and `--json`, shared by every command that touches the store.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "Store file (default: $CURATE_STORE, else ./curate.sqlite).")
    var store: String?

    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false

    @Option(name: .long, help: "Seconds to wait for another process writing the store (default: $CURATE_BUSY_TIMEOUT, else 60).")
    var busyTimeout: Double?

    /// The store path this invocation uses.
    var storePath: String { StoreLocation.resolve(explicit: store) }

    /// Opens and migrates an existing store; a missing one is an error and nothing is created.
    func open() throws -> CurateStore {
        try open(access: .existing)
    }

    /// Opens the store, creating it (and its folder) when missing: for `ingest`.
    func openCreating() throws -> CurateStore {
        try open(access: .standard)
    }

    private func open(access: StoreAccess) throws -> CurateStore {
        var access = access
        if let busyTimeout { access.busyTimeout = max(0, busyTimeout) }
        do {
            return try CurateStore(path: storePath, access: access)
        } catch {
            let text = String(describing: error)
            throw CommandFailure(text.hasPrefix("cannot open store") ? text : "cannot open store \(storePath): \(text)")
        }
    }
}

/// A failure reported to the user as one line on standard error with exit code 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Writes `value` as one JSON line.
func printJSON<T: Encodable>(_ value: T) throws {
    print(try JSONOutput.line(value))
}

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Parses a `--bindings` value (`x=0.15,R=Pr`) or reports it as a usage error.
func parseBindings(_ text: String?) throws -> FormulaBindings {
    guard let text else { return .none }
    do {
        return try FormulaBindings(parsing: text)
    } catch {
        throw ValidationError(String(describing: error))
    }
}
