/// Everything one curation run produced, ready to be written in one transaction.
public struct CurationRecordSet: Sendable, Equatable {
    /// One excluded observation.
    public struct Exclusion: Sendable, Equatable, Codable {
        public var observationId: Int
        public var rule: String
        public var ruleVersion: String
        public var reason: String
        public var evidenceJSON: String?
        public init(observationId: Int, rule: String, ruleVersion: String, reason: String, evidenceJSON: String?) {
            self.observationId = observationId
            self.rule = rule
            self.ruleVersion = ruleVersion
            self.reason = reason
            self.evidenceJSON = evidenceJSON
        }
    }

    /// One dedup cluster and its curated value.
    public struct Cluster: Sendable, Equatable, Codable {
        public var key: String
        public var tier: String
        public var members: [Int]
        public var measuredCount: Int
        public var censoredCount: Int
        public var value: Double?
        public var qualifier: String
        public var aggregation: String
        public var spread: Double?
        public var relativeSpread: Double?
        public var flagged: Bool
        public var evidenceJSON: String
        public init(key: String, tier: String, members: [Int], measuredCount: Int, censoredCount: Int, value: Double?,
                    qualifier: String, aggregation: String, spread: Double?, relativeSpread: Double?, flagged: Bool,
                    evidenceJSON: String) {
            self.key = key
            self.tier = tier
            self.members = members
            self.measuredCount = measuredCount
            self.censoredCount = censoredCount
            self.value = value
            self.qualifier = qualifier
            self.aggregation = aggregation
            self.spread = spread
            self.relativeSpread = relativeSpread
            self.flagged = flagged
            self.evidenceJSON = evidenceJSON
        }
    }

    public var specName: String
    public var specVersion: String
    public var specSHA256: String
    public var specJSON: String
    public var toolVersion: String
    public var inputCount: Int
    /// `[(step, remaining)]` in order, as JSON.
    public var funnelJSON: String
    public var exclusions: [Exclusion]
    public var clusters: [Cluster]

    public init(specName: String, specVersion: String, specSHA256: String, specJSON: String, toolVersion: String,
                inputCount: Int, funnelJSON: String, exclusions: [Exclusion], clusters: [Cluster]) {
        self.specName = specName
        self.specVersion = specVersion
        self.specSHA256 = specSHA256
        self.specJSON = specJSON
        self.toolVersion = toolVersion
        self.inputCount = inputCount
        self.funnelJSON = funnelJSON
        self.exclusions = exclusions
        self.clusters = clusters
    }
}
