import CurateIO
import Foundation
import XCTest

/// The one JSON string escaper, number form and sorted object, checked against Foundation's parser.
final class JSONTextTests: XCTestCase {
    func testQuoteEscapesWhatJSONRequiresAndNothingElse() {
        XCTAssertEqual(JSONText.quote("a\"b\\c\n"), #""a\"b\\c\n""#)
        XCTAssertEqual(JSONText.quote("tab\there\r"), #""tab\there\r""#)
        XCTAssertEqual(JSONText.quote("\u{01}\u{1F}"), #""\u0001\u001f""#)
        XCTAssertEqual(JSONText.quote("Fe2O3/é ✓"), "\"Fe2O3/é ✓\"")
        XCTAssertEqual(JSONText.quote(""), "\"\"")
    }

    func testQuotedTextReadsBackAsTheOriginalForEveryControlCharacter() throws {
        var original = "start"
        for value in 0..<0x20 { original.unicodeScalars.append(Unicode.Scalar(UInt8(value))) }
        original += "\"\\/ end ∆"
        let json = "[" + JSONText.quote(original) + "]"
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String]
        XCTAssertEqual(parsed, [original])
    }

    func testNumbersAreIntegralWithoutPointAndShortestOtherwise() {
        XCTAssertEqual(JSONText.number(2), "2")
        XCTAssertEqual(JSONText.number(-0.5), "-0.5")
        XCTAssertEqual(JSONText.number(1e-05), "1e-05")
        XCTAssertEqual(JSONText.number(1e16), "1e+16")
    }

    func testObjectSortsKeysAndKeepsValuesAsGiven() {
        XCTAssertEqual(JSONText.object(["b": "1", "a": JSONText.quote("x"), "c\"": "[2]"]), #"{"a":"x","b":1,"c\"":[2]}"#)
    }
}
