import Foundation

/// Whether a `JSONSerialization` value is a JSON `true`/`false` rather than a number.
///
/// Both Foundations box booleans in a Boolean subclass of `NSNumber` (`__NSCFBoolean`), while
/// `as? Bool` also accepts the numbers 0 and 1, so the class name is the portable test.
func isJSONBoolean(_ value: Any) -> Bool {
    value is NSNumber && String(describing: type(of: value)).contains("Boolean")
}
