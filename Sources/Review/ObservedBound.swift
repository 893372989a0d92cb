import Store

/// What a stored observation says about the true value, for property flags. A measurement is
/// contradicted by a prediction on either side; a censored label only by one on the wrong side:
/// `< 2 K` (upper bound) by a predicted Tc far above 2 K, `> 30 K` (lower bound) by one far below,
/// and SuperCon's "Tc = 0" (`not_superconducting`, no superconductivity seen at any measured
/// temperature) by a predicted Tc far above 0 K.
public enum ObservedBound: Sendable, Equatable {
    /// A measured value (`exact`, or a release's `aggregate` of several measurements).
    case measured(Double)
    /// The truth is at most this (`upper_bound`, `not_superconducting` at 0).
    case atMost(Double)
    /// The truth is at least this (`lower_bound`).
    case atLeast(Double)

    /// The bound an observation states, or nil when it cannot be scored (no finite value, or a
    /// qualifier such as `approximate` that is not scored).
    public init?(_ input: CurationInput) {
        self.init(qualifier: input.qualifier, value: input.value)
    }

    /// The bound a qualifier and value state (a release record's `qualifier` and `target`).
    public init?(qualifier: String, value: Double?) {
        switch qualifier {
        case "not_superconducting":
            self = .atMost(value ?? 0)
        case "exact", "aggregate", "upper_bound", "lower_bound":
            guard let value, value.isFinite else { return nil }
            self = qualifier == "upper_bound" ? .atMost(value) : qualifier == "lower_bound" ? .atLeast(value) : .measured(value)
        default:
            return nil
        }
    }

    /// The value shown as observed.
    public var value: Double {
        switch self {
        case .measured(let v), .atMost(let v), .atLeast(let v): v
        }
    }

    /// How far a prediction (`mean`, total standard deviation `spread`) lies on the contradicting
    /// side, in standard deviations; 0 for a censored label the prediction agrees with.
    public func z(mean: Double, spread: Double) -> Double {
        let distance: Double = switch self {
        case .measured(let v): abs(v - mean)
        case .atMost(let v): max(0, mean - v)
        case .atLeast(let v): max(0, v - mean)
        }
        return spread > 0 ? distance / spread : (distance == 0 ? 0 : .infinity)
    }

    /// The score's formula, stored as the flag's evidence.
    public var formula: String {
        switch self {
        case .measured: "z = |observed − mean| / total_std"
        case .atMost: "z = max(0, mean − observed) / total_std (observed is an upper bound)"
        case .atLeast: "z = max(0, observed − mean) / total_std (observed is a lower bound)"
        }
    }
}
