import Foundation

/// Decides which SQLite file a command works on.
///
/// Precedence, highest first: an explicit path (the `--store` flag), the `CURATE_STORE`
/// environment variable, then ``defaultFileName`` in the current directory.
public enum StoreLocation {
    /// The file name used when neither a flag nor the environment names a store.
    public static let defaultFileName = "curate.sqlite"

    /// The environment variable consulted when no explicit path is given.
    public static let environmentVariable = "CURATE_STORE"

    /// Resolves the store path.
    ///
    /// Empty or all-whitespace values are treated as absent, so `CURATE_STORE=` falls through
    /// to the default instead of naming a file called "".
    /// - Parameters:
    ///   - explicit: the value of `--store`, if given.
    ///   - environment: the process environment (injectable for tests).
    /// - Returns: the path to open; relative paths are left relative.
    public static func resolve(
        explicit: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String {
        if let explicit = nonEmpty(explicit) { return explicit }
        if let fromEnvironment = nonEmpty(environment[environmentVariable]) { return fromEnvironment }
        return "./" + defaultFileName
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return value
    }
}
