import Crystal
import Foundation
import XCTest

/// Deterministic, seeded fuzzing of the CIF layers: the tokenizer, the document builder, the
/// structure reader, `CIFNumber`, `SymmetryOperation(xyz:)` and (for small parsed cells) spglib.
///
/// Inputs are random byte strings and mutations of the real CIFs under `../shared/data/cif`.
/// Every call must return a value or a typed error (never trap), and each input must finish
/// within `perInputLimit` (measured). A crash kills the test process; to find the input that
/// caused it, set `CURATE_FUZZ_SAVE=PATH` (the current input is written there before each
/// iteration) or re-run a single iteration with `CURATE_FUZZ_ONLY=N` (iteration N draws from its
/// own generator, seeded from the seed and N, so it reproduces exactly).
///
/// Environment: `CURATE_FUZZ_ITERATIONS` (default 1,200, about 4 s in a debug build),
/// `CURATE_FUZZ_SEED` (default 0x6375726174650001), `CURATE_FUZZ_ONLY`, `CURATE_FUZZ_SAVE`.
/// `scripts/fuzz-cif.sh` runs the same harness for longer.
final class CIFFuzzTests: XCTestCase {
    /// A small, fast, seedable generator (SplitMix64).
    struct SplitMix64: RandomNumberGenerator {
        private var state: UInt64
        /// A generator whose sequence is fixed by `seed`.
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// The longest a single input may take (debug build, all layers), in seconds.
    private static let perInputLimit = 2.0

    private static let environment = ProcessInfo.processInfo.environment

    /// Real CIFs to mutate: every edge case and every 40th Materials Project file.
    private static func corpus() throws -> [[UInt8]] {
        var urls: [URL] = []
        let edge = TestData.cif.appendingPathComponent("edge-cases")
        guard let walker = FileManager.default.enumerator(at: edge, includingPropertiesForKeys: nil) else {
            XCTFail("missing test data \(edge.path)")
            throw CocoaError(.fileNoSuchFile)
        }
        for case let url as URL in walker where url.pathExtension.lowercased() == "cif" { urls.append(url) }
        urls.sort { $0.path < $1.path }
        XCTAssertFalse(urls.isEmpty, "no CIFs under \(edge.path)")
        let mp = try TestData.cifFiles(in: "mp")
        urls += stride(from: 0, to: mp.count, by: 40).map { mp[$0] }
        return try urls.map { [UInt8](try Data(contentsOf: $0)) }
    }

    func testFuzzReaderNumbersAndSymmetryOperations() throws {
        let corpus = try Self.corpus()
        let iterations = Int(Self.environment["CURATE_FUZZ_ITERATIONS"] ?? "") ?? 1_200
        let seed = UInt64(Self.environment["CURATE_FUZZ_SEED"] ?? "") ?? 0x6375_7261_7465_0001
        let only = Int(Self.environment["CURATE_FUZZ_ONLY"] ?? "")
        let savePath = Self.environment["CURATE_FUZZ_SAVE"]
        let range = only.map { $0...$0 } ?? 0...(max(1, iterations) - 1)

        var stats = Stats()
        var slow: [String] = []
        let start = ContinuousClock.now
        for iteration in range {
            var rng = SplitMix64(seed: seed ^ (UInt64(iteration) &* 0xD1B5_4A32_D192_ED03))
            let input: [UInt8]
            let kind: String
            switch rng.next() % 10 {
            case 0:
                input = Self.randomBytes(&rng)
                kind = "random bytes"
            case 1:
                input = Self.randomCIFish(&rng)
                kind = "random CIF tokens"
            default:
                let base = corpus[Int(rng.next() % UInt64(corpus.count))]
                var mutated = base
                let rounds = 1 + Int(rng.next() % 4)
                for _ in 0..<rounds { Self.mutate(&mutated, rng: &rng, corpus: corpus) }
                input = mutated
                kind = "mutation"
            }
            if let savePath { FileManager.default.createFile(atPath: savePath, contents: Data(input)) }
            let inputStart = ContinuousClock.now
            Self.exercise(input, rng: &rng, stats: &stats)
            let elapsed = (ContinuousClock.now - inputStart).fuzzSeconds
            stats.slowest = max(stats.slowest, elapsed)
            if elapsed > Self.perInputLimit {
                slow.append("iteration \(iteration) (\(kind), \(input.count) bytes): \(elapsed) s")
            }
        }
        let total = (ContinuousClock.now - start).fuzzSeconds
        print("CIFFuzzTests: \(range.count) inputs in \(String(format: "%.1f", total)) s, seed \(seed); "
            + "\(stats.parsedFiles) read, \(stats.syntaxErrors) syntax errors, \(stats.structures) structures, "
            + "\(stats.blockErrors) block errors, \(stats.symmetryRuns) spglib runs; "
            + "\(stats.numbers) numbers / \(stats.operations) operators tried; slowest input \(String(format: "%.3f", stats.slowest)) s")
        XCTAssertTrue(slow.isEmpty, "inputs over \(Self.perInputLimit) s:\n" + slow.prefix(20).joined(separator: "\n"))
        XCTAssertGreaterThan(stats.parsedFiles + stats.syntaxErrors, 0)
    }

    /// Inputs found by fuzzing that used to trap; each must now return `nil` or a value.
    func testRegressionsFoundByFuzzing() {
        // `abs(Int.min)` overflowed on an exponent after a standard uncertainty.
        XCTAssertNil(CIFNumber("1(1)e-9223372036854775808"))
        XCTAssertNil(SymmetryOperation(xyz: "x,y,z+1(1)e-9223372036854775808"))
    }

    func testNearlyCollapsedCellIsRefusedBeforeSpglib() throws {
        // spglib segfaulted on a mutated MP file whose b became 4/66742236 Å.
        let lattice = try Lattice(a: 3.0, b: 4.0 / 66_742_236.0, c: 3.0, alpha: 90, beta: 90, gamma: 90)
        XCTAssertThrowsError(try SymmetryAnalysis.analyse(lattice: lattice, positions: [Vector3(0, 0, 0)], types: [1])) { error in
            XCTAssertTrue(String(describing: error).contains("shorter than"), String(describing: error))
        }
        // ...and took 6.5 s on a mutated file whose b became 1.2e62 Å.
        let huge = try Lattice(a: 4.1, b: 1.2e62, c: 9.9, alpha: 90, beta: 90, gamma: 90)
        XCTAssertThrowsError(try SymmetryAnalysis.analyse(lattice: huge, positions: [Vector3(0, 0, 0)], types: [1])) { error in
            XCTAssertTrue(String(describing: error).contains("longer than"), String(describing: error))
        }
    }

    // MARK: - Exercising the parsers

    private struct Stats {
        var parsedFiles = 0, syntaxErrors = 0, structures = 0, blockErrors = 0, symmetryRuns = 0
        var numbers = 0, operations = 0
        var slowest = 0.0
    }

    /// Feeds one input to every layer; any trap here is a bug.
    private static func exercise(_ input: [UInt8], rng: inout SplitMix64, stats: inout Stats) {
        // Layer 1: the tokenizer on its own.
        do throws(CIFError) {
            let (tokens, _) = try CIFTokenizer.tokenize(input)
            _ = tokens.count
        } catch {
            _ = error.description
        }
        // Layers 2–3: document and structures.
        do throws(CIFError) {
            let file = try CIFReader.read(bytes: input, file: "fuzz.cif")
            stats.parsedFiles += 1
            XCTAssertEqual(file.blocks.count, file.document.blocks.count)
            for block in file.blocks {
                switch block {
                case .success(let structure):
                    stats.structures += 1
                    _ = structure.structure.composition
                    // spglib on small ordered cells with finite coordinates.
                    if structure.structure.siteCount <= 64 {
                        stats.symmetryRuns += 1
                        do throws(SymmetryError) {
                            _ = try SymmetryAnalysis.analyse(structure.structure)
                        } catch {
                            _ = "\(error)"
                        }
                    }
                case .failure(let error):
                    stats.blockErrors += 1
                    _ = error.description
                }
            }
            // Every value as a number and every value as an operator.
            for block in file.document.blocks {
                for (_, value) in block.items.prefix(200) {
                    stats.numbers += 1
                    _ = CIFNumber(value.text)
                    stats.operations += 1
                    _ = SymmetryOperation(xyz: value.text)
                }
            }
        } catch {
            stats.syntaxErrors += 1
            _ = error.description
        }
        // The number and operator parsers on random and near-valid text.
        for _ in 0..<8 {
            stats.numbers += 1
            _ = CIFNumber(randomText(&rng, alphabet: numberAlphabet))
            stats.operations += 1
            _ = SymmetryOperation(xyz: randomText(&rng, alphabet: operatorAlphabet))
        }
        let text = String(decoding: input.prefix(80), as: UTF8.self)
        _ = CIFNumber(text)
        _ = SymmetryOperation(xyz: text)
    }

    private static let numberAlphabet: [String] = [
        "0", "1", "2", "5", "9", "9999999999", ".", "-", "+", "e", "E", "(", ")", "/", " ",
        "e-9223372036854775808", "e9223372036854775807", "(999999999)", "(9999999999)", "1e308", "0/0", "x",
    ]
    private static let operatorAlphabet: [String] = [
        "x", "y", "z", "X", "-", "+", "/", ",", ",", "1", "2", "3", "1/2", "0.25", ".", "*", " ", "(1)",
        "1e308", "1e-308", "9223372036854775807", "1/0", "0/0", "xyz", "'", "\"", "\t",
    ]

    private static func randomText(_ rng: inout SplitMix64, alphabet: [String]) -> String {
        let count = Int(rng.next() % 16)
        var text = ""
        for _ in 0..<count { text += alphabet[Int(rng.next() % UInt64(alphabet.count))] }
        return text
    }

    private static func randomBytes(_ rng: inout SplitMix64) -> [UInt8] {
        let count = Int(rng.next() % 2_048)
        // Half the time a CIF-ish byte distribution, else uniform bytes.
        let biased = rng.next() & 1 == 0
        let common = Array("data_loop_ _;'\"#\n\r\t ?.0123456789()xyz,-+/".utf8)
        return (0..<count).map { _ in
            biased && rng.next() % 8 != 0 ? common[Int(rng.next() % UInt64(common.count))] : UInt8(truncatingIfNeeded: rng.next())
        }
    }

    private static let fragments: [String] = [
        "data_", "data_x\n", "loop_\n", "loop_", "save_", "save_a\n", "global_", "stop_", "_cell_length_a",
        "_cell_length_b 1e308\n", "_cell_angle_alpha 180\n", "_cell_angle_gamma 0\n", "_atom_site_fract_x", "_atom_site_label",
        "_atom_site_type_symbol", "_atom_site_occupancy", "_symmetry_equiv_pos_as_xyz", "_space_group_symop_operation_xyz",
        "_symmetry_space_group_name_H-M", "_space_group_name_Hall", "'P 4/n m m Z'", "'x,y,z'", "'-x+1/2,y,-z'",
        "?", ".", "'", "\"", "'''", "\"\"\"", "\n;", "\n;\n", ";", "#", "\r\n", "\r", "\t", "\u{FEFF}", "\0",
        "3.7565(1)", "1/3", "-0.5", "1e999", "99999999999999999999999(9)", "1.0(99999999999)", "1(1)e-9223372036854775808",
        "NaN", "inf", "Fe2+", "D", "Xx", "Og", "[", "]", "{", "}", "[[[[[[[[[[", "((((((((((", " ", "\n", "x,y,z", "0.5",
    ]

    private static func randomCIFish(_ rng: inout SplitMix64) -> [UInt8] {
        var text = rng.next() % 4 == 0 ? "" : "data_fuzz\n"
        let count = Int(rng.next() % 200)
        for _ in 0..<count {
            text += fragments[Int(rng.next() % UInt64(fragments.count))]
            text += rng.next() % 3 == 0 ? "\n" : " "
        }
        return Array(text.utf8)
    }

    /// One random mutation of `bytes`.
    private static func mutate(_ bytes: inout [UInt8], rng: inout SplitMix64, corpus: [[UInt8]]) {
        func position(_ inclusiveEnd: Bool = true) -> Int {
            let n = bytes.count + (inclusiveEnd ? 1 : 0)
            return n == 0 ? 0 : Int(rng.next() % UInt64(n))
        }
        func lineRanges() -> [Range<Int>] {
            var ranges: [Range<Int>] = []
            var lineStart = 0
            for (i, b) in bytes.enumerated() where b == 0x0A {
                ranges.append(lineStart..<(i + 1))
                lineStart = i + 1
            }
            if lineStart < bytes.count { ranges.append(lineStart..<bytes.count) }
            return ranges
        }
        switch rng.next() % 14 {
        case 0: // byte flip
            guard !bytes.isEmpty else { return }
            bytes[position(false)] = UInt8(truncatingIfNeeded: rng.next())
        case 1: // bit flips
            guard !bytes.isEmpty else { return }
            for _ in 0..<(1 + rng.next() % 8) { bytes[position(false)] ^= UInt8(1) << (rng.next() % 8) }
        case 2: // truncation
            bytes.removeSubrange(position()...)
        case 3: // duplicated line(s)
            let lines = lineRanges()
            guard let line = lines.randomElement(using: &rng) else { return }
            let copy = Array(bytes[line])
            for _ in 0..<(1 + rng.next() % 3) { bytes.insert(contentsOf: copy, at: line.upperBound) }
        case 4: // removed line
            let lines = lineRanges()
            guard let line = lines.randomElement(using: &rng) else { return }
            bytes.removeSubrange(line)
        case 5: // inserted quote or semicolon
            let marks = ["'", "\"", ";", "\n;", "\n;\n", "'''", "\"\"\""]
            bytes.insert(contentsOf: Array(marks[Int(rng.next() % UInt64(marks.count))].utf8), at: position())
        case 6: // inserted loop_ / data_ / tag
            let words = ["loop_\n", "\nloop_\n_a\n", "\ndata_\n", "\ndata_b\n", "\n_tag\n", "\nsave_x\n", "\nstop_\n", " ? ", " . "]
            bytes.insert(contentsOf: Array(words[Int(rng.next() % UInt64(words.count))].utf8), at: position())
        case 7: // a number replaced by a huge or odd one
            let numbers = ["1e308", "1e999", "-1e308", "99999999999999999999999999", "1(99999999999999)", "0", "-0", "1/0",
                           "1(1)e-9223372036854775808", "1e-320", "123456789012345678901234567890123456789012345678901234567890123"]
            let digits = bytes.indices.filter { bytes[$0] >= 0x30 && bytes[$0] <= 0x39 }
            guard let at = digits.randomElement(using: &rng) else { return }
            var end = at
            while end < bytes.count, !(bytes[end] == 0x20 || bytes[end] == 0x0A || bytes[end] == 0x09 || bytes[end] == 0x0D) { end += 1 }
            var startIndex = at
            while startIndex > 0, !(bytes[startIndex - 1] == 0x20 || bytes[startIndex - 1] == 0x0A || bytes[startIndex - 1] == 0x09) { startIndex -= 1 }
            bytes.replaceSubrange(startIndex..<end, with: Array(numbers[Int(rng.next() % UInt64(numbers.count))].utf8))
        case 8: // deep nesting
            let open = ["(", "[", "{", "'", "\"", "((x", "[1,"][Int(rng.next() % 7)]
            let depth = 1 + Int(rng.next() % 5_000)
            bytes.insert(contentsOf: Array(String(repeating: open, count: depth).utf8), at: position())
        case 9: // a very long line
            let length = Int(rng.next() % 200_000)
            bytes.insert(contentsOf: [UInt8](repeating: UInt8(ascii: "a"), count: length), at: position())
        case 10: // splice another file
            guard let other = corpus.randomElement(using: &rng), !other.isEmpty else { return }
            let from = Int(rng.next() % UInt64(other.count))
            bytes.insert(contentsOf: other[from...].prefix(Int(rng.next() % 4_096)), at: position())
        case 11: // swapped lines
            let lines = lineRanges()
            guard lines.count >= 2, let a = lines.randomElement(using: &rng), let b = lines.randomElement(using: &rng), a != b else { return }
            let (first, second) = a.lowerBound < b.lowerBound ? (a, b) : (b, a)
            let firstBytes = Array(bytes[first]), secondBytes = Array(bytes[second])
            bytes.replaceSubrange(second, with: firstBytes)
            bytes.replaceSubrange(first, with: secondBytes)
        case 12: // a symmetry operator replaced by random operator text
            guard let at = bytes.indices.filter({ bytes[$0] == UInt8(ascii: "'") }).randomElement(using: &rng) else { return }
            let text = "'" + randomText(&rng, alphabet: operatorAlphabet) + "'"
            var end = at + 1
            while end < bytes.count, bytes[end] != UInt8(ascii: "'"), bytes[end] != 0x0A { end += 1 }
            bytes.replaceSubrange(at..<min(end + 1, bytes.count), with: Array(text.utf8))
        default: // a CIF fragment inserted
            bytes.insert(contentsOf: Array(fragments[Int(rng.next() % UInt64(fragments.count))].utf8), at: position())
        }
    }
}

private extension Duration {
    var fuzzSeconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}
