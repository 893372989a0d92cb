/// Errors from the learning engine that callers can recover from (bad files, mismatched state).
public enum LearningError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A gradient was given for a parameter the collection does not hold.
    case unknownParameter(String)
    /// A gradient's shape differs from its parameter's.
    case gradientShapeMismatch(name: String, parameter: [Int], gradient: [Int])
    /// A safetensors file is malformed; the message says where.
    case invalidSafeTensors(String)
    /// A safetensors tensor has a data type this engine does not read.
    case unsupportedDType(name: String, dtype: String)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .unknownParameter(let name):
            return "gradient for unknown parameter '\(name)'"
        case .gradientShapeMismatch(let name, let parameter, let gradient):
            return "gradient for '\(name)' has shape \(gradient), parameter has \(parameter)"
        case .invalidSafeTensors(let message):
            return "invalid safetensors file: \(message)"
        case .unsupportedDType(let name, let dtype):
            return "tensor '\(name)' has dtype \(dtype); only F32 is supported"
        }
    }
}
