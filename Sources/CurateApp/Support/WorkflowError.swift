/// A workflow failure told to the user in one line: which file, store or option, and why.
public struct WorkflowError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The message, without a leading "error:".
    public let description: String

    /// A failure with `description` as its message.
    public init(_ description: String) { self.description = description }
}

/// Runs `body`, turning any library error into a one-line `WorkflowError`, prefixed with
/// `context` when given ("cannot open store x.sqlite: ...").
func step<T>(_ context: String? = nil, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as WorkflowError {
        throw error
    } catch {
        let message = String(describing: error)
        throw WorkflowError(context.map { "\($0): \(message)" } ?? message)
    }
}
