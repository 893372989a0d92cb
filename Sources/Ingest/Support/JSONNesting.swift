/// The deepest nesting of arrays and objects accepted in a JSON input. Real records nest a
/// handful of levels (a pymatgen structure about 6); Foundation's parser refuses beyond 512
/// with a generic "not valid JSON", so the scanners refuse first, with the depth and offset.
enum JSONNesting {
    /// Most levels of `[` and `{` open at once.
    static let maxDepth = 512

    /// The message for nesting that passed ``maxDepth``.
    static func tooDeep() -> String {
        "nesting too deep: more than \(maxDepth) levels of arrays and objects"
    }
}
