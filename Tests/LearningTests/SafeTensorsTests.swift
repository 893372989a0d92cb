import Foundation
import XCTest
@testable import Learning

final class SafeTensorsTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The tensors scripts/make-safetensors-fixture.py writes.
    let expected: [String: Tensor] = [
        "layer.weight": Tensor(shape: [2, 3], scalars: [-1.25, -0.75, -0.25, 0.25, 0.75, 1.25]),
        "layer.bias": Tensor([1.5, -2.25, 3.0e-8, 6.5e7]),
        // numpy rounds π to the nearest Float32; Swift's Float.pi rounds down.
        "scalar": Tensor(scalar: Float(Double.pi)),
        "cube": Tensor(shape: [2, 1, 2], scalars: [0.1, -0.2, 1e-3, 42]),
        "empty": Tensor.zeros([0, 3]),
    ]

    func testReadsFileWrittenByPython() throws {
        let file = try SafeTensors.read(from: Self.fixtures.appendingPathComponent("reference.safetensors"))
        XCTAssertEqual(file.tensors, expected)  // exact: bit patterns of Float32 values
        XCTAssertEqual(file.metadata, ["format": "pt", "note": "curate fixture"])
    }

    func testEncodesByteForByteLikePython() throws {
        let python = try Data(contentsOf: Self.fixtures.appendingPathComponent("reference-no-metadata.safetensors"))
        XCTAssertEqual(SafeTensors.encode(expected), python)
    }

    func testRoundTripThroughAFile() throws {
        var generator = SeededGenerator(seed: 3)
        let tensors = [
            "a/weight": Tensor.randomNormal([17, 5], generator: &generator),
            "b \"quoted\"\n": Tensor([.infinity, -0.0, .leastNonzeroMagnitude]),
        ]
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("learning-\(UUID().uuidString).safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        try SafeTensors.write(tensors, metadata: ["epoch": "3"], to: url)
        let back = try SafeTensors.read(from: url)
        XCTAssertEqual(back.tensors, tensors)
        XCTAssertEqual(back.metadata, ["epoch": "3"])
        let size = try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)
        XCTAssertEqual((size - 8 - (17 * 5 + 3) * 4) % 8, 0, "header padded to 8 bytes")
    }

    func testRejectsMalformedFiles() throws {
        func header(_ json: String, data: [UInt8]) -> Data {
            var bytes = [UInt8](repeating: 0, count: 8)
            let utf8 = Array(json.utf8)
            for i in 0..<8 { bytes[i] = UInt8(truncatingIfNeeded: utf8.count >> (8 * i)) }
            return Data(bytes + utf8 + data)
        }
        let cases: [Data] = [
            Data([1, 2, 3]),
            Data([255, 255, 255, 255, 0, 0, 0, 0]),
            header("not json", data: []),
            header(#"{"x":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}}"#, data: [0, 0, 0, 0]),
            header(#"{"x":{"dtype":"F32","shape":[1],"data_offsets":[0,8]}}"#, data: [0, 0, 0, 0]),
            header(#"{"x":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#, data: [0, 0, 0, 0, 9]),
            header(#"{"x":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"y":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#,
                   data: [0, 0, 0, 0]),
            header(#"{"x":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}}"#, data: [0, 0, 0, 0]),
        ]
        for (index, data) in cases.enumerated() {
            XCTAssertThrowsError(try SafeTensors.decode(data), "case \(index)")
        }
        XCTAssertThrowsError(try SafeTensors.decode(header(#"{"x":{"dtype":"F16","shape":[2],"data_offsets":[0,4]}}"#,
                                                          data: [0, 0, 0, 0]))) {
            XCTAssertEqual($0 as? LearningError, .unsupportedDType(name: "x", dtype: "F16"))
        }
    }
}
