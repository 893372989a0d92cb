import Chemistry
import XCTest
@testable import Models

/// Loading reaction releases, precursor descriptors and action tokens.
final class ReactionDataTests: XCTestCase {
    func testLoadsReleaseDirectoryAndSplits() throws {
        let directory = try ReactionFixtures.release()
        let all = try ReactionDataset.load(path: directory)
        XCTAssertEqual(all.count, 12)
        XCTAssertEqual(try ReactionDataset.load(path: directory, split: "test").map(\.id), ["r11", "r12"])
        let first = try XCTUnwrap(all.first)
        XCTAssertEqual(first.line, 1)
        XCTAssertEqual(first.precursorElements, [3, 6, 8, 14])
        XCTAssertEqual(first.allowedElements, [3, 6, 8, 14])
        XCTAssertEqual(all[6].allowedElements, [8, 9, 11, 12], "O is always allowed")
        let target = try XCTUnwrap(first.target)
        XCTAssertEqual(target.map(\.z), [3, 8, 14])
        XCTAssertEqual(target.map(\.fraction)[0], 1.0 / 3, accuracy: 1e-12)
    }

    func testBadInputIsReportedWithFileLineAndReason() throws {
        XCTAssertThrowsError(try ReactionDataset.load(path: "/nonexistent/records.jsonl")) { error in
            guard case .unreadable(let path, let reason)? = error as? ModelsError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, "/nonexistent/records.jsonl")
            XCTAssertEqual(reason, "no such file")
        }
        let good = ReactionFixtures.line("a", target: [("Li", 1), ("O", 1)], precursors: ["Li2O", "LiOH"], actions: [], split: "train")
        let unknown = ReactionFixtures.line("b", target: [("Li", 1), ("O", 1)], precursors: ["Xx2O", "Li2O"], actions: [], split: "train")
        let unknownTarget = ReactionFixtures.line("c", target: [("Qq", 1), ("O", 1)], precursors: ["Li2O"], actions: [], split: "train")
        let text = [good, "{not json", unknown, "", unknownTarget].joined(separator: "\n")
        XCTAssertThrowsError(try ReactionDataset.parse(text, path: "bad.jsonl")) { error in
            guard case .invalidRows(let path, let problems)? = error as? ModelsError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, "bad.jsonl")
            XCTAssertEqual(problems.map(\.line), [2, 3, 5])
            XCTAssertEqual(problems[0].reason, "not a JSON object")
            XCTAssertTrue(problems[1].reason.contains("Xx2O"), problems[1].reason)
            XCTAssertTrue(problems[2].reason.contains("unknown element \"Qq\""), problems[2].reason)
            XCTAssertTrue((error as? ModelsError)?.description.contains("bad.jsonl:3:") ?? false)
        }
        XCTAssertThrowsError(try ReactionDataset.parse("\n\n", path: "empty.jsonl")) { error in
            XCTAssertEqual(error as? ModelsError, .emptyDataset(path: "empty.jsonl"))
        }
        XCTAssertThrowsError(try ReactionDataset.load(path: try ReactionFixtures.release(), split: "validation")) { error in
            guard case .emptyDataset? = error as? ModelsError else { return XCTFail("\(error)") }
        }
    }

    func testDescriptorStatisticsFollowFractions() throws {
        let names = PrecursorDescriptors.names
        XCTAssertEqual(names.count, PrecursorDescriptors.dimension)
        func value(_ formula: String, _ name: String) throws -> Float {
            let index = try XCTUnwrap(names.firstIndex(of: name), name)
            return PrecursorDescriptors.describe(try Composition(formula: formula))[index]
        }
        // NaCl: Z 11 and 17 in equal parts; the tie in the mode goes to the lighter element.
        XCTAssertEqual(try value("NaCl", "z.mean"), 14)
        XCTAssertEqual(try value("NaCl", "z.min"), 11)
        XCTAssertEqual(try value("NaCl", "z.max"), 17)
        XCTAssertEqual(try value("NaCl", "z.range"), 6)
        XCTAssertEqual(try value("NaCl", "z.mean_abs_dev"), 3)
        XCTAssertEqual(try value("NaCl", "z.mode"), 11)
        // Li2O: fractions 2/3 and 1/3.
        XCTAssertEqual(try value("Li2O", "z.mean"), (2 * 3 + 8) / 3, accuracy: 1e-5)
        XCTAssertEqual(try value("Li2O", "z.mode"), 3)
        XCTAssertEqual(try value("Li2O", "period.mean"), 2, accuracy: 1e-6)
        XCTAssertTrue(PrecursorDescriptors.describe(try Composition(formula: "La2O3")).allSatisfy(\.isFinite),
                      "missing table values (a lanthanide's group) are imputed")
    }

    func testActionTokensAndTruncation() {
        XCTAssertEqual(ActionVocabulary.token("heating"), 3)
        XCTAssertEqual(ActionVocabulary.token("sintering"), ActionVocabulary.classes.count)
        let long = Array(repeating: "heating", count: 20)
        let result = ActionVocabulary.tokens(long, maxLength: 16)
        XCTAssertEqual(result.tokens.count, 16)
        XCTAssertTrue(result.truncated)
        XCTAssertFalse(ActionVocabulary.tokens(["drying"], maxLength: 16).truncated)
    }
}
