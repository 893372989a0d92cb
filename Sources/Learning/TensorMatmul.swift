import CBLAS

/// Matrix products through OpenBLAS.
extension Tensor {
    /// The matrix product op(a)·op(b) of two rank-2 tensors, where op transposes when asked.
    ///
    /// Calls `cblas_sgemm` on the row-major storage directly, so a transpose costs nothing.
    public static func matmul(
        _ a: Tensor, _ b: Tensor, transposeA: Bool = false, transposeB: Bool = false
    ) -> Tensor {
        precondition(a.rank == 2 && b.rank == 2, "matmul: rank-2 operands expected, got \(a.shape) and \(b.shape)")
        let m = transposeA ? a.shape[1] : a.shape[0]
        let k = transposeA ? a.shape[0] : a.shape[1]
        let kb = transposeB ? b.shape[1] : b.shape[0]
        let n = transposeB ? b.shape[0] : b.shape[1]
        precondition(k == kb, "matmul: inner dimensions differ (\(a.shape)\(transposeA ? "ᵀ" : "") · \(b.shape)\(transposeB ? "ᵀ" : ""))")
        var out = [Float](repeating: 0, count: m * n)
        guard m > 0, n > 0, k > 0 else { return Tensor(shape: [m, n], scalars: out) }
        a.scalars.withUnsafeBufferPointer { pa in
            b.scalars.withUnsafeBufferPointer { pb in
                out.withUnsafeMutableBufferPointer { po in
                    cblas_sgemm(
                        CblasRowMajor,
                        transposeA ? CblasTrans : CblasNoTrans,
                        transposeB ? CblasTrans : CblasNoTrans,
                        blasInt(m), blasInt(n), blasInt(k),
                        1, pa.baseAddress, blasInt(a.shape[1]),
                        pb.baseAddress, blasInt(b.shape[1]),
                        0, po.baseAddress, blasInt(n))
                }
            }
        }
        return Tensor(shape: [m, n], scalars: out)
    }

    private static func blasInt(_ value: Int) -> blasint {
        guard let converted = blasint(exactly: value) else {
            preconditionFailure("matmul: dimension \(value) exceeds the BLAS integer range")
        }
        return converted
    }
}
