/// Writes a `SynthesisRecipe` as the exact bytes `JSONEncoder` gives with
/// `[.sortedKeys, .withoutEscapingSlashes]` (the stored `metadata_json`), without building an
/// encoder tree: keys in UTF-8 byte order, `nil` optionals left out, doubles as `description`
/// without a trailing `.0`, strings escaped like Foundation's writer. A non-finite number makes
/// the whole recipe unencodable (`nil`), as `JSONEncoder` throws for it.
struct RecipeJSONWriter {
    private var output: [UInt8] = []
    private var finite = true

    /// The recipe's JSON text, or `nil` where `JSONEncoder` would fail.
    static func json(_ recipe: SynthesisRecipe) -> String? {
        var writer = RecipeJSONWriter()
        writer.output.reserveCapacity(2048)
        writer.recipe(recipe)
        guard writer.finite else { return nil }
        return String(decoding: writer.output, as: UTF8.self)
    }

    // MARK: - The recipe's members, keys in sorted order

    private mutating func recipe(_ recipe: SynthesisRecipe) {
        begin()
        key("balance", first: true); balance(recipe.balance)
        key("doi"); string(recipe.doi)
        if let substitution = recipe.elementSubstitution { key("element_substitution"); dictionary(substitution) { $0.string($1) } }
        key("operations"); list(recipe.operations) { $0.operation($1) }
        key("paragraph_excerpt"); string(recipe.paragraphExcerpt)
        key("precursors"); list(recipe.precursors) { $0.material($1) }
        key("reaction_string"); string(recipe.reactionString)
        if let type = recipe.synthesisType { key("synthesis_type"); string(type) }
        key("target"); material(recipe.target)
        end()
    }

    private mutating func balance(_ balance: ReactionBalance) {
        begin()
        key("bindings", first: true); dictionary(balance.bindings) { $0.number($1) }
        if let note = balance.note { key("note"); string(note) }
        key("residuals"); dictionary(balance.residuals) { $0.number($1) }
        key("status"); string(balance.status)
        key("tolerance"); string(balance.tolerance)
        end()
    }

    private mutating func material(_ material: SynthesisRecipe.Material) {
        begin()
        var first = true
        func member(_ name: StaticString, _ writer: inout RecipeJSONWriter) {
            writer.key(name, first: first)
            first = false
        }
        if let additives = material.additives { member("additives", &self); list(additives) { $0.string($1) } }
        if let amounts = material.amountsVars { member("amounts_vars", &self); dictionary(amounts) { $0.variableValues($1) } }
        if let elements = material.elementsVars {
            member("elements_vars", &self); dictionary(elements) { writer, list in writer.list(list) { $0.string($1) } }
        }
        member("formula", &self); string(material.formula)
        if let acronym = material.isAcronym { key("is_acronym"); raw(acronym ? "true" : "false") }
        key("material_string"); string(material.materialString)
        if let name = material.name { key("name"); string(name) }
        if let deficiency = material.oxygenDeficiency { key("oxygen_deficiency"); string(deficiency.rawValue) }
        key("parts"); list(material.parts) { $0.part($1) }
        if let phase = material.phase { key("phase"); string(phase) }
        if let symbolic = material.symbolic { key("symbolic"); dictionary(symbolic) { $0.string($1) } }
        if let unresolved = material.unresolvedVariables { key("unresolved_variables"); list(unresolved) { $0.string($1) } }
        key("variants")
        list(material.variants) { writer, variant in
            writer.begin()
            writer.key("bindings", first: true); writer.dictionary(variant.bindings) { $0.number($1) }
            writer.key("composition"); writer.dictionary(variant.composition) { $0.number($1) }
            writer.end()
        }
        end()
    }

    private mutating func part(_ part: SynthesisMaterial.Part) {
        begin()
        key("amount", first: true); string(part.amount)
        key("elements"); dictionary(part.elements) { $0.string($1) }
        key("formula"); string(part.formula)
        end()
    }

    private mutating func variableValues(_ values: SynthesisMaterial.VariableValues) {
        begin()
        var first = true
        if let maxValue = values.maxValue { key("max_value", first: true); number(maxValue); first = false }
        if let minValue = values.minValue { key("min_value", first: first); number(minValue); first = false }
        key("values", first: first); list(values.values) { $0.number($1) }
        end()
    }

    private mutating func operation(_ operation: SynthesisRecipe.Operation) {
        begin()
        var first = true
        func member(_ name: StaticString, _ writer: inout RecipeJSONWriter) {
            writer.key(name, first: first)
            first = false
        }
        if let atmospheres = operation.atmospheres {
            member("atmosphere", &self)
            list(atmospheres) { writer, atmosphere in
                writer.begin()
                writer.key("normalised", first: true); writer.string(atmosphere.normalised)
                writer.key("original"); writer.string(atmosphere.original)
                writer.end()
            }
        }
        if let device = operation.mixingDevice { member("mixing_device", &self); list(device) { $0.string($1) } }
        if let media = operation.mixingMedia { member("mixing_media", &self); list(media) { $0.string($1) } }
        if let temperatures = operation.temperaturesK { member("temperature_K", &self); list(temperatures) { $0.normalised($1) } }
        if let times = operation.timesH { member("time_h", &self); list(times) { $0.normalised($1) } }
        member("token", &self); string(operation.token)
        key("type"); string(operation.type)
        if let unconverted = operation.unconverted { key("unconverted"); list(unconverted) { $0.string($1) } }
        end()
    }

    private mutating func normalised(_ value: ConditionNormalisation.Normalised) {
        begin()
        var first = true
        if let maxValue = value.maxValue { key("max", first: true); number(maxValue); first = false }
        if let minValue = value.minValue { key("min", first: first); number(minValue); first = false }
        key("original_units", first: first); string(value.originalUnits)
        key("original_values"); list(value.originalValues) { $0.number($1) }
        key("values"); list(value.values) { $0.number($1) }
        end()
    }

    // MARK: - JSON pieces

    private mutating func begin() { output.append(UInt8(ascii: "{")) }
    private mutating func end() { output.append(UInt8(ascii: "}")) }

    private mutating func raw(_ text: StaticString) {
        output.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// `"name":`, preceded by a comma unless it is the object's first member.
    private mutating func key(_ name: StaticString, first: Bool = false) {
        if !first { output.append(UInt8(ascii: ",")) }
        output.append(UInt8(ascii: "\""))
        raw(name)
        output.append(UInt8(ascii: "\""))
        output.append(UInt8(ascii: ":"))
    }

    private mutating func list<T>(_ elements: [T], _ element: (inout RecipeJSONWriter, T) -> Void) {
        output.append(UInt8(ascii: "["))
        for (position, value) in elements.enumerated() {
            if position > 0 { output.append(UInt8(ascii: ",")) }
            element(&self, value)
        }
        output.append(UInt8(ascii: "]"))
    }

    /// An object with keys sorted by their UTF-8 bytes (Foundation's order outside Darwin).
    private mutating func dictionary<T>(_ dictionary: [String: T], _ value: (inout RecipeJSONWriter, T) -> Void) {
        output.append(UInt8(ascii: "{"))
        let sorted = dictionary.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        for (position, member) in sorted.enumerated() {
            if position > 0 { output.append(UInt8(ascii: ",")) }
            string(member.key)
            output.append(UInt8(ascii: ":"))
            value(&self, member.value)
        }
        output.append(UInt8(ascii: "}"))
    }

    private mutating func number(_ value: Double) {
        guard value.isFinite else { finite = false; return }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        output.append(contentsOf: text.utf8)
    }

    /// A string literal escaped as Foundation's JSON writer does (slashes unescaped).
    private mutating func string(_ text: String) {
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(UInt8(ascii: "\\")); output.append(byte)
            case UInt8(ascii: "\\"): output.append(UInt8(ascii: "\\")); output.append(byte)
            case 0x08: output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "b"))
            case 0x0C: output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "f"))
            case 0x0A: output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "n"))
            case 0x0D: output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "r"))
            case 0x09: output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "t"))
            case 0x00...0x1F:
                let digits: [UInt8] = Array("0123456789abcdef".utf8)
                output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                           digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
