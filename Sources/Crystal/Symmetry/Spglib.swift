import CSpglib
import Foundation

/// Low-level calls into spglib's C API. spglib 2.0 is reentrant except for its error code, a
/// process-wide global every call writes: dataset searches run in parallel (`concurrent`), and a
/// call whose error must be read runs alone (`locked`), so the code read is its own.
enum Spglib {
    private static let lock = SharedExclusiveLock()

    /// Runs `body` alone: no other spglib call runs meanwhile.
    static func locked<T>(_ body: () throws -> T) rethrows -> T {
        try lock.exclusive(body)
    }

    /// Runs `body` alongside other `concurrent` calls; it must not read spglib's error code.
    static func concurrent<T>(_ body: () throws -> T) rethrows -> T {
        try lock.shared(body)
    }

    /// The message for spglib's last error (call under the lock).
    static func lastErrorMessage() -> String {
        let code = spg_get_error_code()
        guard let text = spg_get_error_message(code) else { return "unknown error" }
        return String(cString: text)
    }

    /// Text of a fixed-size C character array imported as a tuple (up to its first NUL).
    static func string<T>(_ tuple: T) -> String {
        withUnsafeBytes(of: tuple) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }

    /// Column-vector lattice (`lattice[i][j]` = component i of vector j), as spglib expects.
    static func columns(_ matrix: Matrix3) -> [(Double, Double, Double)] {
        let t = matrix.transposed
        return [(t.r0.x, t.r0.y, t.r0.z), (t.r1.x, t.r1.y, t.r1.z), (t.r2.x, t.r2.y, t.r2.z)]
    }

    /// Row-vector matrix from spglib's column-vector lattice.
    static func rows(_ c: ((Double, Double, Double), (Double, Double, Double), (Double, Double, Double))) -> Matrix3 {
        Matrix3(Vector3(c.0.0, c.0.1, c.0.2), Vector3(c.1.0, c.1.1, c.1.2), Vector3(c.2.0, c.2.1, c.2.2)).transposed
    }
}
