/// One step of a recipe: the classified action, the word used in the paper, and its conditions.
public struct SynthesisOperation: Sendable, Hashable, Codable {
    /// A temperature or time as extracted: a list of values and/or a range, with the unit text.
    public struct Quantity: Sendable, Hashable, Codable {
        /// Values listed.
        public var values: [Double]
        /// Lower end, when given.
        public var minValue: Double?
        /// Upper end, when given.
        public var maxValue: Double?
        /// Unit as written (`C`, `°C`, `K`, `h`, `min`, ...).
        public var units: String

        enum CodingKeys: String, CodingKey {
            case values, units, minValue = "min_value", maxValue = "max_value"
        }

        public init(values: [Double], minValue: Double? = nil, maxValue: Double? = nil, units: String) {
            self.values = values
            self.minValue = minValue
            self.maxValue = maxValue
            self.units = units
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            values = ((try? container.decode([Double?].self, forKey: .values)) ?? []).compactMap { $0 }
            minValue = try container.lenientDouble(.minValue)
            maxValue = try container.lenientDouble(.maxValue)
            units = try container.lenientString(.units) ?? ""
        }
    }

    /// Conditions of the step; every list is empty when the source gave `null`, `[]` or nothing.
    public struct Conditions: Sendable, Hashable, Codable {
        public var heatingTemperature: [Quantity]
        public var heatingTime: [Quantity]
        public var heatingAtmosphere: [String]
        public var mixingDevice: [String]
        public var mixingMedia: [String]

        enum CodingKeys: String, CodingKey {
            case heatingTemperature = "heating_temperature", heatingTime = "heating_time"
            case heatingAtmosphere = "heating_atmosphere", mixingDevice = "mixing_device", mixingMedia = "mixing_media"
        }

        public init(heatingTemperature: [Quantity] = [], heatingTime: [Quantity] = [], heatingAtmosphere: [String] = [],
                    mixingDevice: [String] = [], mixingMedia: [String] = []) {
            self.heatingTemperature = heatingTemperature
            self.heatingTime = heatingTime
            self.heatingAtmosphere = heatingAtmosphere
            self.mixingDevice = mixingDevice
            self.mixingMedia = mixingMedia
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            heatingTemperature = try container.lenientList(Quantity.self, .heatingTemperature)
            heatingTime = try container.lenientList(Quantity.self, .heatingTime)
            heatingAtmosphere = try container.lenientStrings(.heatingAtmosphere)
            mixingDevice = try container.lenientStrings(.mixingDevice)
            mixingMedia = try container.lenientStrings(.mixingMedia)
        }

        /// True when nothing is given.
        public var isEmpty: Bool {
            heatingTemperature.isEmpty && heatingTime.isEmpty && heatingAtmosphere.isEmpty && mixingDevice.isEmpty && mixingMedia.isEmpty
        }
    }

    /// Classified action (`HeatingOperation`, `Mixing`, `StartingSynthesis`, ...).
    public var type: String
    /// The word in the paper (`calcined`).
    public var token: String
    /// Conditions (empty when the source gave `null`).
    public var conditions: Conditions

    enum CodingKeys: String, CodingKey { case type, token, conditions }

    public init(type: String, token: String, conditions: Conditions = Conditions()) {
        self.type = type
        self.token = token
        self.conditions = conditions
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        type = try container.lenientString(.type) ?? ""
        token = try container.lenientString(.token) ?? ""
        if (try? container.decodeNil(forKey: .conditions)) ?? true {
            conditions = Conditions()
        } else {
            conditions = try container.decode(Conditions.self, forKey: .conditions)
        }
    }
}
