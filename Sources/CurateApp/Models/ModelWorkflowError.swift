import Models

/// A model workflow failure: the message names the file, option or path and why. The same type
/// as every other workflow's failure.
public typealias ModelWorkflowError = WorkflowError

/// Runs a model-library step, turning its error into a workflow error.
func modelStep<T>(_ body: () throws(ModelsError) -> T) throws(ModelWorkflowError) -> T {
    do {
        return try body()
    } catch {
        throw ModelWorkflowError(error.description)
    }
}
