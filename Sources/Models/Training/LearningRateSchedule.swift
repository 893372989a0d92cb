import Foundation

/// How the AdamW step size changes from epoch to epoch.
public enum LearningRateSchedule: String, Codable, Sendable, Equatable, CaseIterable {
    /// The same step size every epoch (the thesis' training).
    case constant
    /// Cosine annealing from the base rate at epoch 1 to 1 % of it at the last epoch:
    /// lr(e) = lr·[0.01 + 0.99·½(1 + cos(π·(e − 1)/(E − 1)))].
    case cosine

    /// The step size of `epoch` (1-based) of `epochs` for base rate `rate`.
    public func rate(_ rate: Float, epoch: Int, of epochs: Int) -> Float {
        switch self {
        case .constant:
            return rate
        case .cosine:
            guard epochs > 1 else { return rate }
            let progress = Double(min(max(epoch, 1), epochs) - 1) / Double(epochs - 1)
            let factor = 0.01 + 0.99 * 0.5 * (1 + cos(Double.pi * progress))
            return Float(Double(rate) * factor)
        }
    }
}
