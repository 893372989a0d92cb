/// Which columns of a SuperCon-style CSV hold what, found by header name.
public struct SuperConColumns: Sendable, Equatable {
    /// Layouts recognised: `stanev` (`name,Tc`), `mdr` (`formula,Tc` plus optional lattice and
    /// metadata columns), `supercon2` (text-mined SuperCon 2 output), `supercon2-corrected`
    /// (its manually reviewed file), or `generic` (any one formula column and one Tc column).
    public let layout: String
    /// Formula column.
    public let formula: Int
    /// Critical temperature column.
    public let tc: Int
    /// Applied pressure column, when present.
    public let pressure: Int?
    /// Reviewed replacements that win over `formula`, `tc`, `pressure` when filled in.
    public let correctedFormula: Int?
    /// Reviewed Tc.
    public let correctedTc: Int?
    /// Reviewed pressure.
    public let correctedPressure: Int?
    /// Index columns (unnamed or `Unnamed: 0`) that carry no data.
    public let ignored: Set<Int>
    /// Header names as written (trimmed).
    public let names: [String]

    static let formulaNames: Set<String> = ["name", "formula", "composition", "material", "chemical formula", "compound"]
    static let tcNames: Set<String> = ["tc", "tc (k)", "tc_k", "tc(k)", "critical temperature", "critical_temperature",
                                       "critical temperature (k)"]
    static let pressureNames: Set<String> = ["pressure", "applied pressure", "pressure (gpa)"]

    /// Identifies the columns of `header`, or explains why it cannot.
    public static func detect(header: [String], path: String) throws(IngestError) -> SuperConColumns {
        let names = header.map { FieldText.clean($0).text }
        let normalised = names.map { $0.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ") }
        func index(of name: String) -> Int? { normalised.firstIndex(of: name) }
        let ignored = Set(normalised.indices.filter { normalised[$0].isEmpty || normalised[$0].hasPrefix("unnamed:") })

        if let corrected = index(of: "corrected formula"), let formula = index(of: "formula"), let tc = index(of: "tc") {
            return SuperConColumns(
                layout: "supercon2-corrected", formula: formula, tc: tc,
                pressure: index(of: "applied pressure"), correctedFormula: corrected,
                correctedTc: index(of: "corrected tc"), correctedPressure: index(of: "corrected pressure"),
                ignored: ignored, names: names)
        }
        if index(of: "raw material") != nil, let formula = index(of: "formula"), let tc = index(of: "critical temperature") {
            return SuperConColumns(layout: "supercon2", formula: formula, tc: tc, pressure: index(of: "applied pressure"),
                                   correctedFormula: nil, correctedTc: nil, correctedPressure: nil, ignored: ignored, names: names)
        }
        let formulaColumns = normalised.indices.filter { formulaNames.contains(normalised[$0]) }
        let tcColumns = normalised.indices.filter { tcNames.contains(normalised[$0]) }
        guard formulaColumns.count == 1, tcColumns.count == 1, let formula = formulaColumns.first, let tc = tcColumns.first else {
            var problems: [String] = []
            if formulaColumns.isEmpty { problems.append("no formula column (expected one of: name, formula, composition)") }
            if formulaColumns.count > 1 { problems.append("ambiguous formula columns \(formulaColumns.map { "\"\(names[$0])\"" }.joined(separator: ", "))") }
            if tcColumns.isEmpty { problems.append("no critical-temperature column (expected one of: Tc, critical temperature)") }
            if tcColumns.count > 1 { problems.append("ambiguous Tc columns \(tcColumns.map { "\"\(names[$0])\"" }.joined(separator: ", "))") }
            throw .header(path: path, message: "not a recognised SuperCon header: " + problems.joined(separator: "; "), columnsSeen: names)
        }
        let pressureColumns = normalised.indices.filter { pressureNames.contains(normalised[$0]) }
        let layout: String
        switch normalised[formula] {
        case "name" where normalised.count - ignored.count == 2: layout = "stanev"
        case "formula": layout = "mdr"
        default: layout = "generic"
        }
        return SuperConColumns(layout: layout, formula: formula, tc: tc, pressure: pressureColumns.count == 1 ? pressureColumns.first : nil,
                               correctedFormula: nil, correctedTc: nil, correctedPressure: nil, ignored: ignored, names: names)
    }
}
