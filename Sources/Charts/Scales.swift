import Foundation

/// Maps data values onto pixel positions and says where its ticks go.
public protocol Scale: Sendable {
    /// The pixel position of `value`.
    func position(_ value: Double) -> Double
    /// The tick values.
    var ticks: [Double] { get }
    /// The label of a tick.
    func label(_ tick: Double) -> String
}

/// A linear scale over nice ticks: the domain is widened to the first and last tick.
public struct LinearScale: Scale {
    public let ticks: [Double]
    let low: Double
    let high: Double
    let start: Double
    let end: Double

    /// A scale over the data range [low, high] onto pixels [start, end].
    public init(low: Double, high: Double, start: Double, end: Double, tickCount: Int = 5) {
        ticks = NiceTicks.linear(low, high, count: tickCount)
        self.low = ticks.first ?? 0
        self.high = ticks.last ?? 1
        self.start = start
        self.end = end
    }

    public func position(_ value: Double) -> Double {
        guard high > low, value.isFinite else { return start }
        return start + (value - low) / (high - low) * (end - start)
    }

    public func label(_ tick: Double) -> String {
        NiceTicks.label(tick, step: ticks.count > 1 ? ticks[1] - ticks[0] : 1)
    }
}

/// A base-10 log scale over decades; non-positive values sit at the axis start.
public struct LogScale: Scale {
    public let ticks: [Double]
    let start: Double
    let end: Double

    /// A scale over the positive data range [low, high] onto pixels [start, end].
    public init(low: Double, high: Double, start: Double, end: Double) {
        ticks = NiceTicks.logarithmic(low, high)
        self.start = start
        self.end = end
    }

    public func position(_ value: Double) -> Double {
        guard let first = ticks.first, let last = ticks.last, value > 0, value.isFinite else { return start }
        let (a, b) = (log10(first), log10(last))
        return start + (log10(value) - a) / (b - a) * (end - start)
    }

    public func label(_ tick: Double) -> String {
        tick >= 1e5 || tick < 1e-3 ? String(format: "1e%d", Int(log10(tick).rounded())) : NiceTicks.label(tick, step: tick)
    }
}
