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

    private let unit: String
    /// Shown after the share (the stage a ``StageProgress`` is in).
    var detail = ""

    /// A bar for `total` units, prefixed with `label`; silent unless standard error is a terminal.
    init(total: Int, label: String, unit: String = "samples") {
        self.total = max(total, 1)
        self.label = label
        self.unit = unit
        self.enabled = isatty(STDERR_FILENO) == 1
    }

    /// A bar for a command: drawn only when both standard output and standard error are terminals
    /// and the command prints text (never with `--json`, never into a pipe or file).
    init(total: Int, label: String, unit: String, json: Bool) {
        self.total = max(total, 1)
        self.label = label
        self.unit = unit
        self.enabled = !json && Self.interactive
    }

    /// Whether standard output and standard error are both terminals.
    static var interactive: Bool { isatty(STDOUT_FILENO) == 1 && isatty(STDERR_FILENO) == 1 }

    /// Sets the units done so far (for counts read from elsewhere, like a file position).
    func set(done units: Int) {
        advance(by: units - done)
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
        // A bar without a unit (stages) shows what it is doing instead of a rate.
        let middle = unit.isEmpty ? detail : "\(Self.rate(rate)) \(unit)/s"
        let text = String(format: "\r\u{1B}[K%@ [%@] %3.0f%%  %@  %@ left",
                          label, bar, share * 100, middle, done > 0 ? Self.duration(left) : "?")
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// A rate as `950`, `12.3k` or `4.1M`.
    static func rate(_ value: Double) -> String {
        if value >= 1e6 { return String(format: "%.1fM", value / 1e6) }
        if value >= 1e4 { return String(format: "%.1fk", value / 1e3) }
        return String(format: "%.0f", value)
    }

    /// `1h02m`, `3m05s` or `12s`.
    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        if s >= 3600 { return String(format: "%dh%02dm", s / 3600, (s % 3600) / 60) }
        if s >= 60 { return String(format: "%dm%02ds", s / 60, s % 60) }
        return "\(s)s"
    }
}
