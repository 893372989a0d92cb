import ArgumentParser
import Chemistry
import CurateApp
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
    func open() throws -> CurateStore { try StoreOpening.open(storePath) }

    /// Makes `--busy-timeout` the wait of every store this process opens (the same as setting
    /// `CURATE_BUSY_TIMEOUT`, which the store reads when it opens).
    func validate() throws {
        guard let busyTimeout else { return }
        guard busyTimeout >= 0, busyTimeout.isFinite else { throw ValidationError("--busy-timeout must be a number of seconds >= 0") }
        setenv(StoreAccess.busyTimeoutVariable, String(busyTimeout), 1)
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

/// `"a 1, b 2"`: counts sorted by key, for summary lines.
func countsText<Value>(_ counts: [String: Value]) -> String {
    counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
}
