/// Repetition and definition levels in Parquet's RLE / bit-packing hybrid, as a data page (v1)
/// stores them: a 4-byte little-endian length, then the runs.
///
/// Levels here are 0 or 1 (bit width 1), so every run is written in RLE form: a ULEB128 header
/// `count << 1` followed by the value in one byte. A column alternating every row costs two
/// bytes a row; columns of releases are mostly all-present or all-missing, where a run covers
/// the whole page.
enum LevelEncoding {
    /// The length-prefixed RLE runs of `levels` (each 0 or 1).
    static func encode(_ levels: [UInt8]) -> [UInt8] {
        var runs: [UInt8] = []
        var index = 0
        while index < levels.count {
            let value = levels[index]
            var end = index + 1
            while end < levels.count && levels[end] == value { end += 1 }
            var header = UInt64(end - index) << 1
            while header >= 0x80 {
                runs.append(UInt8(header & 0x7F) | 0x80)
                header >>= 7
            }
            runs.append(UInt8(header))
            runs.append(value)
            index = end
        }
        return PlainEncoding.littleEndian(UInt32(runs.count)) + runs
    }
}
