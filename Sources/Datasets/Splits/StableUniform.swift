import CurateIO

/// A number in [0, 1) that depends only on the seed, a purpose and a key: the same record
/// draws the same number whatever else is in the dataset.
public enum StableUniform {
    /// The first 53 bits of sha256(`seed|purpose|key`), scaled to [0, 1).
    public static func draw(seed: UInt64, purpose: String, key: String) -> Double {
        var hasher = SHA256Hasher()
        hasher.update("\(seed)|\(purpose)|\(key)")
        let digest = hasher.finalize()
        var bits: UInt64 = 0
        for byte in digest.prefix(8) { bits = bits << 8 | UInt64(byte) }
        return Double(bits >> 11) * 0x1p-53
    }
}

/// SplitMix64: a small, fast, seeded generator for the choices that depend on the whole set
/// (k-means++ seeding). Identical sequences on every platform.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator starting from `seed`.
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A double in [0, 1).
    public mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1p-53 }
}
