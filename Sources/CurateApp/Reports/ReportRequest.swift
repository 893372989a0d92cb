/// The options of `curate report`.
public struct ReportRequest: Sendable {
    /// A release directory (manifest.json), a model directory (ensemble.json) or a pymatgen
    /// entries file (`.json` or `.json.gz`, a hull report); nil with `store`.
    public var target: String?
    /// A store to report on (with no target).
    public var store: String?
    /// A release whose test split a model report evaluates the model on.
    public var data: String?
    /// The target column when `data` is a CSV file rather than a release (default `target`).
    public var targetColumn: String?
    /// The chemical system (e.g. `Fe-O`) a hull report over a pymatgen entries file draws.
    public var chemsys: String?
    /// Where the HTML goes (default: report.html inside a target directory, else ./store-report.html).
    public var out: String?

    /// Creates a request.
    public init(target: String? = nil, store: String? = nil, data: String? = nil, out: String? = nil) {
        self.target = target
        self.store = store
        self.data = data
        self.out = out
    }
}

/// What `curate report` wrote.
public struct ReportSummary: Sendable, Encodable, Equatable {
    /// `release`, `model`, `store` or `hull`.
    public var kind: String
    /// The HTML file written.
    public var out: String
    /// The ids of the charts in the page, in order.
    public var charts: [String]
    /// The file's size in bytes.
    public var bytes: Int
    /// Seconds spent.
    public var seconds: Double
}
