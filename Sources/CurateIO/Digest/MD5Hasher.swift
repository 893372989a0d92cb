import CLibCrypto

/// Incremental MD5 by the system libcrypto, only for checking files against the md5 sums some
/// publishers still give (figshare, matminer); never for identity, which is SHA-256.
public struct MD5Hasher: Sendable {
    private var context = MD5_CTX()

    /// A hasher over no bytes yet.
    public init() {
        MD5_Init(&context)
    }

    /// Feeds bytes.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        MD5_Update(&context, base, bytes.count)
    }

    /// The digest as 32 lowercase hex characters. The hasher should not be used afterwards.
    public mutating func finalizeHex() -> String {
        var digest = [UInt8](repeating: 0, count: Int(MD5_DIGEST_LENGTH))
        digest.withUnsafeMutableBufferPointer { buffer in
            _ = MD5_Final(buffer.baseAddress, &context)
        }
        return SHA256Hasher.hex(digest)
    }
}
