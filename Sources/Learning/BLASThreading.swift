import CBLAS

/// The number of threads OpenBLAS uses inside one matrix product.
///
/// Training several ensemble members at once runs one member per core, so each product must stay
/// on its own thread; `withThreads(_:_:)` sets the count for a block and restores it afterwards.
public enum BLASThreading {
    /// The current OpenBLAS thread count.
    public static var count: Int { Int(openblas_get_num_threads()) }

    /// Runs `body` with OpenBLAS limited to `threads` threads, then restores the previous count.
    public static func withThreads<T, E: Error>(_ threads: Int, _ body: () throws(E) -> T) throws(E) -> T {
        let previous = openblas_get_num_threads()
        openblas_set_num_threads(Int32(max(1, threads)))
        defer { openblas_set_num_threads(previous) }
        return try body()
    }
}
