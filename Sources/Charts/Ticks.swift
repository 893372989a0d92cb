import Foundation

/// "Nice" axis ticks: steps of 1, 2 or 5 times a power of ten on linear axes, decades on log axes.
public enum NiceTicks {
    /// The nice step near `span / count`: 1, 2, 5 or 10 times a power of ten.
    public static func step(span: Double, count: Int) -> Double {
        guard span.isFinite, span > 0, count > 0 else { return 1 }
        let raw = span / Double(count)
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let fraction = raw / magnitude
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        return nice * magnitude
    }

    /// Ticks covering [low, high] with about `count` intervals; the first tick is at or below
    /// `low` and the last at or above `high`. A degenerate range is widened around its value.
    public static func linear(_ low: Double, _ high: Double, count: Int = 5) -> [Double] {
        guard low.isFinite, high.isFinite else { return [0, 1] }
        var (low, high) = (min(low, high), max(low, high))
        if low == high {
            let pad = low == 0 ? 1 : abs(low) * 0.5
            (low, high) = (low - pad, high + pad)
        }
        let step = step(span: high - low, count: count)
        let first = (low / step).rounded(.down)
        let last = (high / step).rounded(.up)
        guard last - first < 1000 else { return [low, high] }
        return stride(from: first, through: last, by: 1).map { clean($0 * step, step: step) }
    }

    /// Decades covering [low, high] (both must be positive; others give [1, 10]).
    public static func logarithmic(_ low: Double, _ high: Double) -> [Double] {
        guard low.isFinite, high.isFinite, low > 0, high > 0 else { return [1, 10] }
        let first = log10(min(low, high)).rounded(.down)
        var last = log10(max(low, high)).rounded(.up)
        if last == first { last += 1 }
        return stride(from: first, through: last, by: 1).map { pow(10, $0) }
    }

    /// A tick value without floating-point dust (0.30000000000000004 → 0.3).
    static func clean(_ value: Double, step: Double) -> Double {
        let decimals = max(0, -Int(log10(step).rounded(.down))) + 1
        let factor = pow(10, Double(decimals))
        let cleaned = (value * factor).rounded() / factor
        return cleaned == 0 ? 0 : cleaned
    }

    /// A tick label: as many decimals as the step needs, exponents for very large or small values.
    public static func label(_ value: Double, step: Double) -> String {
        guard value.isFinite else { return "" }
        if value == 0 { return "0" }
        if abs(value) >= 1e6 || abs(value) < 1e-4 { return String(format: "%.0e", value) }
        let decimals = step.isFinite && step > 0 ? max(0, -Int(log10(step).rounded(.down))) : 2
        return String(format: "%.\(min(decimals, 6))f", value)
    }
}
