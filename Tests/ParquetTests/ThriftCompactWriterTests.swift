import XCTest
@testable import Parquet

/// The compact protocol's bytes for the shapes Parquet's metadata uses, worked out by hand from
/// the Thrift compact protocol specification.
final class ThriftCompactWriterTests: XCTestCase {
    func testShortFieldHeadersCarryTheDeltaAndZigZagValues() {
        let bytes = ThriftCompactWriter.message { writer in
            writer.i32(1, 0)       // delta 1, type 5 → 0x15; zigzag 0 → 0x00
            writer.i32(2, -1)      // 0x15; zigzag -1 → 0x01
            writer.i64(3, 300)     // 0x16; zigzag 600 → 0xD8 0x04
            writer.string(4, "é")  // 0x18; length 2, then C3 A9
        }
        XCTAssertEqual(bytes, [0x15, 0x00, 0x15, 0x01, 0x16, 0xD8, 0x04, 0x18, 0x02, 0xC3, 0xA9, 0x00])
    }

    func testLongFieldJumpsWriteTheIdAndNestedStructsRestartTheirIds() {
        let bytes = ThriftCompactWriter.message { writer in
            writer.i32(1, 1)                        // 0x15 0x02
            writer.i32(20, 2)                       // delta 19 > 15: type 0x05, zigzag 20 → 0x28, value 0x04
            writer.structure(21) { inner in         // delta 1: 0x1C
                inner.i32(1, 3)                     // ids start again at 0: 0x15 0x06
            }                                        // stop 0x00
        }                                            // stop 0x00
        XCTAssertEqual(bytes, [0x15, 0x02, 0x05, 0x28, 0x04, 0x1C, 0x15, 0x06, 0x00, 0x00])
    }

    func testListHeadersHoldShortSizesInTheHighNibble() {
        let short = ThriftCompactWriter.message { $0.i32List(1, [0, 3]) }
        XCTAssertEqual(short, [0x19, 0x25, 0x00, 0x06, 0x00])
        let long = ThriftCompactWriter.message { $0.stringList(1, Array(repeating: "", count: 15)) }
        XCTAssertEqual(Array(long.prefix(3)), [0x19, 0xF8, 0x0F])
        XCTAssertEqual(long.count, 3 + 15 + 1)
    }

    func testVarintsSpanBytesSevenBitsAtATime() {
        var writer = ThriftCompactWriter()
        writer.varint(0x3FFF)
        writer.varint(1 << 35)
        XCTAssertEqual(writer.bytes, [0xFF, 0x7F, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01])
    }
}
