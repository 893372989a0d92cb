import Models

/// A model workflow failure: the message names the file, option or path and why.
public struct ModelWorkflowError: Error, Equatable, CustomStringConvertible {
    /// The explanation shown to the user.
    public let description: String

    /// Creates an error.
    public init(_ description: String) { self.description = description }
}

/// Runs a model-library step, turning its error into a workflow error.
func modelStep<T>(_ body: () throws(ModelsError) -> T) throws(ModelWorkflowError) -> T {
    do {
        return try body()
    } catch {
        throw ModelWorkflowError(error.description)
    }
}
