import Crystal

/// Which correction scheme an entry's corrected energy carries, and why we know.
///
/// - Entries whose `energy_adjustments` name a compatibility class carry that scheme
///   (`mp2020`, …; several classes are joined with `+`), basis `adjustments`.
/// - An entry with a non-zero `correction` but no adjustments carries an `unspecified` one,
///   basis `correction_field`.
/// - An entry with no correction at all, in a file whose corrected entries all name one
///   scheme, was processed by that scheme and needed no adjustment (pymatgen leaves the list
///   empty then), basis `file`. Elsewhere it carries no scheme, and only its uncorrected
///   energy is stored.
struct EntryCorrection: Sendable, Hashable {
    /// The scheme label, or nil when the entry has only an uncorrected energy.
    let label: String?
    /// `adjustments`, `correction_field` or `file`; nil with no label.
    let basis: String?

    /// The scheme named by an entry's own adjustments or correction, if any.
    static func own(_ entry: ComputedEntry) -> String? {
        if !entry.energyAdjustments.isEmpty {
            let schemes = Set(entry.energyAdjustments.map { $0.scheme.map(CorrectionLabel.of(compatibilityClass:)) ?? CorrectionLabel.unspecified })
            return schemes.sorted().joined(separator: "+")
        }
        return entry.correction != 0 ? CorrectionLabel.unspecified : nil
    }

    /// The file's scheme: the one label every entry with its own scheme shares, or nil.
    static func fileLabel(_ entries: [ComputedEntry]) -> String? {
        let labels = Set(entries.compactMap(own))
        return labels.count == 1 ? labels.first : nil
    }

    /// The correction state of `entry` in a file whose scheme is `fileLabel`.
    init(_ entry: ComputedEntry, fileLabel: String?) {
        if let own = Self.own(entry) {
            label = own
            basis = entry.energyAdjustments.isEmpty ? "correction_field" : "adjustments"
        } else if let fileLabel, fileLabel != CorrectionLabel.unspecified {
            label = fileLabel
            basis = "file"
        } else {
            label = nil
            basis = nil
        }
    }
}
