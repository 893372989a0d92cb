/// A small, fast, reproducible pseudo-random generator: xoshiro256** seeded through SplitMix64.
///
/// The same seed gives the same stream on every platform, so initial weights, dropout masks and
/// shuffles are reproducible bit for bit. Not suitable for cryptography.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Equatable {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    /// Creates a generator whose whole stream is determined by `seed`.
    public init(seed: UInt64) {
        var splitMix = seed
        func next() -> UInt64 {
            splitMix &+= 0x9E37_79B9_7F4A_7C15
            var z = splitMix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (next(), next(), next(), next())
    }

    /// The generator's four state words, to checkpoint a stream and continue it later.
    public var stateWords: [UInt64] { [state.0, state.1, state.2, state.3] }

    /// A generator continuing the stream whose `stateWords` were saved; nil unless four words.
    public init?(stateWords words: [UInt64]) {
        guard words.count == 4 else { return nil }
        state = (words[0], words[1], words[2], words[3])
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotateLeft(state.3, 45)
        return result
    }

    /// A uniform Float in [0, 1) built from the top 24 bits of the next draw.
    public mutating func nextUnitFloat() -> Float {
        Float(next() >> 40) * 0x1p-24
    }

    /// A uniform Double in [0, 1) built from the top 53 bits of the next draw.
    public mutating func nextUnitDouble() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A standard normal draw (Box–Muller, computed in Double, one draw per call).
    public mutating func nextStandardNormal() -> Float {
        // 1 - u lies in (0, 1], so the logarithm is finite.
        let u1 = 1 - nextUnitDouble()
        let u2 = nextUnitDouble()
        return Float((-2 * _log(u1)).squareRoot() * _cos(2 * Double.pi * u2))
    }

    /// A new generator derived from this one, for handing independent streams to sub-tasks.
    public mutating func split() -> SeededGenerator {
        SeededGenerator(seed: next())
    }

    public static func == (lhs: SeededGenerator, rhs: SeededGenerator) -> Bool {
        lhs.state == rhs.state
    }

    private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }
}
