/// The 18-column periodic table layout: each element's row and column, lanthanides and
/// actinides in two rows below the main table.
public enum PeriodicTable {
    /// The rows of the main table (period 1–7) and the f-block rows; empty strings are gaps.
    static let rows: [[String]] = [
        ["H"] + Array(repeating: "", count: 16) + ["He"],
        ["Li", "Be"] + Array(repeating: "", count: 10) + ["B", "C", "N", "O", "F", "Ne"],
        ["Na", "Mg"] + Array(repeating: "", count: 10) + ["Al", "Si", "P", "S", "Cl", "Ar"],
        ["K", "Ca", "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn", "Ga", "Ge", "As", "Se", "Br", "Kr"],
        ["Rb", "Sr", "Y", "Zr", "Nb", "Mo", "Tc", "Ru", "Rh", "Pd", "Ag", "Cd", "In", "Sn", "Sb", "Te", "I", "Xe"],
        ["Cs", "Ba", "", "Hf", "Ta", "W", "Re", "Os", "Ir", "Pt", "Au", "Hg", "Tl", "Pb", "Bi", "Po", "At", "Rn"],
        ["Fr", "Ra", "", "Rf", "Db", "Sg", "Bh", "Hs", "Mt", "Ds", "Rg", "Cn", "Nh", "Fl", "Mc", "Lv", "Ts", "Og"],
        ["", "", "La", "Ce", "Pr", "Nd", "Pm", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu", ""],
        ["", "", "Ac", "Th", "Pa", "U", "Np", "Pu", "Am", "Cm", "Bk", "Cf", "Es", "Fm", "Md", "No", "Lr", ""],
    ]

    /// Every element's (row, column), both from 0; the f-block rows are rows 7 and 8 (drawn with a gap).
    public static let positions: [String: (row: Int, column: Int)] = {
        var positions: [String: (row: Int, column: Int)] = [:]
        for (row, symbols) in rows.enumerated() {
            for (column, symbol) in symbols.enumerated() where !symbol.isEmpty { positions[symbol] = (row, column) }
        }
        return positions
    }()
}

/// A periodic-table heatmap: one `<rect class="element">` per element, coloured by its count
/// (grey when zero), with the symbol and count written in the cell and a colour bar.
public struct PeriodicTableHeatmap: Sendable {
    public var id: String
    public var title: String
    public var counts: [String: Int]
    public var logarithmic: Bool
    public var cell: Double

    /// A heatmap of `counts` (element symbol → count); symbols outside the table are ignored.
    public init(id: String, title: String, counts: [String: Int], logarithmic: Bool = true, cell: Double = 40) {
        self.id = id
        self.title = title
        self.counts = counts
        self.logarithmic = logarithmic
        self.cell = cell
    }

    /// The chart as an SVG element.
    public func svg() -> String {
        let (left, top) = (10.0, 40.0)
        let width = left * 2 + cell * 18
        let height = top + cell * 9.5 + 12
        let known = counts.filter { PeriodicTable.positions[$0.key] != nil && $0.value > 0 }
        let frame = PlotFrame(width: width, height: height)
        guard let high = known.values.max() else { return frame.empty(id: id, title: title) }
        let colors = SequentialColorScale(low: 0, high: Double(high), logarithmic: logarithmic)
        var parts = [frame.title(title)]
        for (symbol, position) in PeriodicTable.positions.sorted(by: { ($0.value.row, $0.value.column) < ($1.value.row, $1.value.column) }) {
            let count = known[symbol] ?? 0
            let x = left + Double(position.column) * cell
            let y = top + Double(position.row) * cell + (position.row >= 7 ? cell / 2 : 0)
            let fill = count > 0 ? colors.color(Double(count)) : "#eeeeee"
            let ink = count > 0 && colors.fraction(Double(count)) > 0.55 ? "#ffffff" : "#222222"
            parts.append(SVG.rect(x: x + 1, y: y + 1, width: cell - 2, height: cell - 2, fill: fill, className: "element",
                                  extra: [("data-symbol", symbol), ("data-count", String(count))]))
            parts.append(SVG.text(symbol, x: x + cell / 2, y: y + cell / 2, anchor: "middle", size: 13, className: "symbol",
                                  extra: [("fill", ink), ("font-weight", "bold")]))
            if count > 0 {
                parts.append(SVG.text(String(count), x: x + cell / 2, y: y + cell - 6, anchor: "middle", size: 9, className: "count",
                                      extra: [("fill", ink)]))
            }
        }
        parts.append(colors.legend(x: left + cell * 3, y: top + cell * 0.6, width: cell * 6,
                                   title: logarithmic ? "records containing the element (log colour)" : "records containing the element"))
        return SVG.document(id: id, width: width, height: height, title: title, content: parts.joined())
    }
}
