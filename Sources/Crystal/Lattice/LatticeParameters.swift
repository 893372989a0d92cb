/// The six cell parameters: lengths in Å, angles in degrees.
public struct LatticeParameters: Sendable, Hashable, Codable {
    /// Length of a (Å).
    public var a: Double
    /// Length of b (Å).
    public var b: Double
    /// Length of c (Å).
    public var c: Double
    /// Angle between b and c (degrees).
    public var alpha: Double
    /// Angle between a and c (degrees).
    public var beta: Double
    /// Angle between a and b (degrees).
    public var gamma: Double

    /// Creates parameters from lengths (Å) and angles (degrees).
    public init(a: Double, b: Double, c: Double, alpha: Double, beta: Double, gamma: Double) {
        self.a = a
        self.b = b
        self.c = c
        self.alpha = alpha
        self.beta = beta
        self.gamma = gamma
    }
}
