import Foundation

/// Byte-for-byte comparison of two files, read in chunks.
enum FileComparison {
    /// True when both files can be read and hold the same bytes.
    static func sameBytes(_ first: String, _ second: String) -> Bool {
        guard let a = FileHandle(forReadingAtPath: first), let b = FileHandle(forReadingAtPath: second) else { return false }
        defer {
            try? a.close()
            try? b.close()
        }
        while true {
            // `read(upToCount:)` answers nil (or empty data) at the end of the file.
            guard let left = try? a.read(upToCount: 1 << 20) ?? Data(), let right = try? b.read(upToCount: 1 << 20) ?? Data() else {
                return false
            }
            if left != right { return false }
            if left.isEmpty { return true }
        }
    }
}
