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

    /// The store path this invocation uses.
    var storePath: String { StoreLocation.resolve(explicit: store) }

    /// Opens (creating and migrating if needed) the store.
    func open() throws -> CurateStore { try StoreAccess.open(storePath) }
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
