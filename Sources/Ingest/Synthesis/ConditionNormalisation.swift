import Foundation

/// Conditions of a synthesis step in common units: temperatures in kelvin, times in hours,
/// atmospheres in a small vocabulary. The original unit or word is kept next to every value.
public enum ConditionNormalisation {
    /// A quantity converted to a common unit.
    public struct Normalised: Sendable, Hashable, Codable {
        /// Values in the common unit.
        public var values: [Double]
        /// Range ends in the common unit.
        public var minValue: Double?
        public var maxValue: Double?
        /// Unit as written in the source.
        public var originalUnits: String
        /// Values as written in the source.
        public var originalValues: [Double]

        enum CodingKeys: String, CodingKey {
            case values, minValue = "min", maxValue = "max", originalUnits = "original_units", originalValues = "original_values"
        }
    }

    /// An atmosphere word mapped to the vocabulary.
    public struct Atmosphere: Sendable, Hashable, Codable {
        /// One of `air`, `O2`, `N2`, `Ar`, `He`, `H2`, `H2/Ar`, `H2/N2`, `CO`, `CO2`, `NH3`, `vacuum`, `inert`,
        /// `reducing`, `oxidizing`, or `other`.
        public var normalised: String
        /// The text in the source.
        public var original: String
    }

    /// Kelvin for `value` in `units` (`C`, `°C`, `K`, `F`, `℃`), or `nil` for an unknown unit.
    public static func kelvin(_ value: Double, units: String) -> Double? {
        switch units.trimmingCharacters(in: .whitespaces).lowercased() {
        case "c", "°c", "℃", "º c", "ºc", "° c", "deg c", "degc", "celsius": return value + 273.15
        case "k", "kelvin": return value
        case "f", "°f", "℉": return (value - 32) * 5 / 9 + 273.15
        default: return nil
        }
    }

    /// Hours for `value` in `units` (`h`, `hours`, `min`, `s`, `d`, `days`, `weeks`), or `nil` for an unknown unit.
    public static func hours(_ value: Double, units: String) -> Double? {
        switch units.trimmingCharacters(in: .whitespaces).lowercased() {
        case "h", "hr", "hrs", "hour", "hours", "h.": return value
        case "min", "mins", "minute", "minutes", "m": return value / 60
        case "s", "sec", "secs", "second", "seconds": return value / 3600
        case "d", "day", "days": return value * 24
        case "w", "week", "weeks", "wk": return value * 168
        default: return nil
        }
    }

    /// Converts `quantity` with `convert`; `nil` when the unit is unknown.
    public static func normalise(_ quantity: SynthesisOperation.Quantity,
                                 with convert: (Double, String) -> Double?) -> Normalised? {
        guard convert(0, quantity.units) != nil else { return nil }
        return Normalised(values: quantity.values.compactMap { convert($0, quantity.units) },
                          minValue: quantity.minValue.flatMap { convert($0, quantity.units) },
                          maxValue: quantity.maxValue.flatMap { convert($0, quantity.units) },
                          originalUnits: quantity.units, originalValues: quantity.values)
    }

    /// The vocabulary word for an atmosphere as written.
    public static func atmosphere(_ text: String) -> Atmosphere {
        let lowered = text.trimmingCharacters(in: .whitespaces).lowercased()
        let hasH2 = lowered.contains("hydrogen") || lowered.contains("h2")
        let word: String
        switch lowered {
        case "air", "ambient", "ambient air", "static air", "flowing air", "atmosphere": word = "air"
        case "oxygen", "o2", "flowing oxygen", "pure oxygen": word = "O2"
        case "nitrogen", "n2": word = "N2"
        case "argon", "ar": word = "Ar"
        case "helium", "he": word = "He"
        case "hydrogen", "h2": word = "H2"
        case "carbon monoxide", "co": word = "CO"
        case "carbon dioxide", "co2": word = "CO2"
        case "ammonia", "nh3": word = "NH3"
        case "vacuum", "evacuated", "vacuo": word = "vacuum"
        case "inert", "inert gas": word = "inert"
        default:
            if hasH2 && (lowered.contains("argon") || lowered.contains("ar")) { word = "H2/Ar" }
            else if hasH2 && (lowered.contains("nitrogen") || lowered.contains("n2")) { word = "H2/N2" }
            else if lowered.contains("vacuum") { word = "vacuum" }
            else if lowered.contains("reduc") { word = "reducing" }
            else if lowered.contains("oxidi") { word = "oxidizing" }
            else { word = "other" }
        }
        return Atmosphere(normalised: word, original: text)
    }

    /// Elements an atmosphere can supply to a product (for the alchemy check).
    public static func elements(of atmosphere: Atmosphere) -> Set<String> {
        switch atmosphere.normalised {
        case "air": return ["N", "O", "Ar", "C", "H"]
        case "O2", "oxidizing": return ["O"]
        case "N2": return ["N"]
        case "Ar": return ["Ar"]
        case "He": return ["He"]
        case "H2", "reducing": return ["H"]
        case "H2/Ar": return ["H", "Ar"]
        case "H2/N2": return ["H", "N"]
        case "CO", "CO2": return ["C", "O"]
        case "NH3": return ["N", "H"]
        default: return []
        }
    }
}
