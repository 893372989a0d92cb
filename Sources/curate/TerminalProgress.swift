import Foundation

/// A one-line progress bar on standard error, drawn only when standard error is a terminal.
///
/// Counts processed units (training samples) against a known total and shows the share done,
/// the throughput and the time left. Lines printed through `print(_:)` clear the bar first, so
/// per-epoch summaries scroll above it. Not thread-safe: callers serialise calls.
final class TerminalProgress {
    private let total: Int
    private let label: String
    private let enabled: Bool
    private let started = Date()
    private var done = 0
    private var lastDrawn = Date.distantPast

    /// A bar for `total` units, prefixed with `label`; silent unless standard error is a terminal.
    init(total: Int, label: String) {
        self.total = max(total, 1)
        self.label = label
        self.enabled = isatty(STDERR_FILENO) == 1
    }

    /// Adds `units` processed units and redraws at most ten times a second.
    func advance(by units: Int) {
        done += units
        guard enabled else { return }
        let now = Date()
        if now.timeIntervalSince(lastDrawn) >= 0.1 || done >= total {
            lastDrawn = now
            draw(now: now)
        }
    }

    /// Prints a line on standard error above the bar.
    func print(_ line: String) {
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        printError(line)
        if enabled && done > 0 && done < total { draw(now: Date()) }
    }

    /// Removes the bar.
    func finish() {
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    private func draw(now: Date) {
        let share = min(Double(done) / Double(total), 1)
        let width = 30
        let filled = Int((share * Double(width)).rounded(.down))
        let elapsed = now.timeIntervalSince(started)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let left = rate > 0 ? Double(total - done) / rate : 0
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let text = String(format: "\r\u{1B}[K%@ [%@] %3.0f%%  %.0f samples/s  %@ left",
                          label, bar, share * 100, rate, Self.duration(left))
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// `1h02m`, `3m05s` or `12s`.
    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        if s >= 3600 { return String(format: "%dh%02dm", s / 3600, (s % 3600) / 60) }
        if s >= 60 { return String(format: "%dm%02ds", s / 60, s % 60) }
        return "\(s)s"
    }
}
