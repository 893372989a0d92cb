/// The per-process secret every request must present: printed when the server starts, kept in a
/// cookie after the first visit, and embedded in every form so writes cannot be posted from
/// another site (a cookie alone does not authorise a write).
public struct AccessToken: Sendable, Equatable, CustomStringConvertible {
    /// The token text (hex).
    public let value: String

    /// A token of 32 random bytes from the system generator.
    public static func random() -> AccessToken {
        var generator = SystemRandomNumberGenerator()
        let hex = Array("0123456789abcdef")
        let text = String((0..<64).map { _ in hex[Int(generator.next() % 16)] })
        return AccessToken(value: text)
    }

    /// A given token (e.g. `--token`); at least 16 characters of letters, digits, `-` or `_`.
    public init?(_ text: String) {
        guard text.count >= 16, text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            return nil
        }
        value = text
    }

    private init(value: String) { self.value = value }

    public var description: String { value }

    /// Whether `presented` equals the token, compared in time independent of where they differ.
    func matches(_ presented: String?) -> Bool {
        guard let presented else { return false }
        let (a, b) = (Array(value.utf8), Array(presented.utf8))
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
