import Foundation

/// ISO-8601 UTC timestamps with millisecond precision, e.g. `2025-01-31T09:15:02.123Z`.
enum Timestamp {
    static func now() -> String {
        Date().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
