/// Relative paths between absolute, standardised paths.
public enum RelativePath {
    /// The path of `target` seen from the directory `base` (`../../data/x.csv`).
    public static func from(_ base: String, to target: String) -> String {
        let baseParts = base.split(separator: "/").map(String.init)
        let targetParts = target.split(separator: "/").map(String.init)
        var common = 0
        while common < baseParts.count, common < targetParts.count, baseParts[common] == targetParts[common] { common += 1 }
        let ups = [String](repeating: "..", count: baseParts.count - common)
        let parts = ups + targetParts[common...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
