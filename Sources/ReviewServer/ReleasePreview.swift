/// What the next release of one spec would exclude because of accepted flags, as the preview
/// page shows it. The server does not build releases itself: whoever starts it hands one
/// ``ReleasePreviewSource`` per spec file it may preview (`curate serve --release SPEC`).
public struct ReleasePreview: Sendable, Equatable {
    /// One excluded record.
    public struct Row: Sendable, Equatable {
        public var flagId: Int?
        public var source: String
        public var locator: String
        public var formula: String
        public var reason: String

        public init(flagId: Int?, source: String, locator: String, formula: String, reason: String) {
            self.flagId = flagId
            self.source = source
            self.locator = locator
            self.formula = formula
            self.reason = reason
        }
    }

    /// The dataset's name.
    public var name: String
    /// Records (or reactions) the next release would hold.
    public var records: Int
    /// Records left out because of accepted flags.
    public var excluded: [Row]

    public init(name: String, records: Int, excluded: [Row]) {
        self.name = name
        self.records = records
        self.excluded = excluded
    }
}

/// A spec file the server may preview, and how to compute its preview (on every request, so
/// that it shows the decisions stored so far).
public struct ReleasePreviewSource: Sendable {
    /// The spec file as given on the command line; the page's `?spec=` names it.
    public var spec: String
    public var compute: @Sendable () throws -> ReleasePreview

    public init(spec: String, compute: @escaping @Sendable () throws -> ReleasePreview) {
        self.spec = spec
        self.compute = compute
    }
}
