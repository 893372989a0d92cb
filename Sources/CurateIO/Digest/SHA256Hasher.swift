import CLibCrypto

/// Incremental SHA-256 (FIPS 180-4), computed by the system libcrypto (OpenSSL, Debian
/// `libssl-dev`), which uses the CPU's SHA extensions where it has them.
///
/// ```swift
/// var hasher = SHA256Hasher()
/// hasher.update("abc")
/// hasher.finalizeHex() // "ba7816bf…"
/// ```
///
/// A value type: the state is OpenSSL's `SHA256_CTX`, a plain C struct, so copying a hasher copies
/// its progress and nothing is allocated. OpenSSL 3 marks this low-level interface deprecated in
/// favour of `EVP_Digest*`, whose heap-allocated context would need a reference-counted box and an
/// algorithm fetch per hasher; the low-level calls run the same assembly and stay supported.
public struct SHA256Hasher: Sendable {
    private var context = SHA256_CTX()

    /// A hasher over no bytes yet.
    public init() {
        SHA256_Init(&context)
    }

    /// Feeds bytes.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        SHA256_Update(&context, base, bytes.count)
    }

    /// Feeds bytes.
    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Feeds the UTF-8 encoding of `string`.
    public mutating func update(_ string: String) {
        var string = string
        string.withUTF8 { update(UnsafeRawBufferPointer($0)) }
    }

    /// The 32-byte digest. The hasher should not be used afterwards.
    public mutating func finalize() -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        digest.withUnsafeMutableBufferPointer { buffer in
            _ = SHA256_Final(buffer.baseAddress, &context)
        }
        return digest
    }

    /// The digest as 64 lowercase hex characters.
    public mutating func finalizeHex() -> String {
        Self.hex(finalize())
    }

    /// SHA-256 of `string`'s UTF-8 bytes, as lowercase hex.
    public static func hex(of string: String) -> String {
        var hasher = SHA256Hasher()
        hasher.update(string)
        return hasher.finalizeHex()
    }

    /// `bytes` as lowercase hex, two characters per byte.
    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
