#if canImport(Glibc)
import CMalloc
#endif

/// Keeps freed tensor memory inside the process.
///
/// A training step allocates and frees tensors of many megabytes. With glibc's defaults, blocks
/// above the dynamic mmap threshold go back to the kernel when freed and come back as fresh,
/// zeroed pages on the next step, and a freed heap top is trimmed; page faults and kernel page
/// clearing then cost more than the arithmetic (Wren on the Li-Fe-O entries spent over a quarter
/// of its time there, and an epoch took 2.3× longer). Raising the mmap threshold to glibc's
/// maximum (32 MiB) and the trim threshold to 1 GiB makes the allocator reuse those blocks.
/// Values are unchanged: only where memory comes from differs.
public enum AllocatorTuning {
    /// Applies the settings once per process (later calls do nothing); returns whether glibc accepted them.
    @discardableResult
    public static func retainFreedMemory() -> Bool { applied }

    private static let applied: Bool = {
        #if canImport(Glibc)
        let mmap = mallopt(M_MMAP_THRESHOLD, 32 << 20)
        let trim = mallopt(M_TRIM_THRESHOLD, 1 << 30)
        return mmap == 1 && trim == 1
        #else
        return false
        #endif
    }()
}
