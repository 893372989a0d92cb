import CSpglib

/// The version of the spglib library linked at run time (e.g. 2.0.2).
public struct SpglibVersion: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Major, minor and micro version numbers.
    public let major, minor, micro: Int

    /// The linked library's version, read through `spg_get_major_version` and friends.
    public static let current = SpglibVersion(
        major: Int(spg_get_major_version()), minor: Int(spg_get_minor_version()), micro: Int(spg_get_micro_version()))

    /// Creates a version.
    public init(major: Int, minor: Int, micro: Int) {
        self.major = major
        self.minor = minor
        self.micro = micro
    }

    public var description: String { "\(major).\(minor).\(micro)" }
}
