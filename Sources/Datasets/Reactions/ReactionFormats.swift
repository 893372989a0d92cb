/// Text of reaction dataset files.
enum ReactionFormats {
    /// `records.csv`: lists are `;`-joined, actions `>`-joined in order.
    static func csv(_ reactions: [ReactionRecord]) -> String {
        var text = CSVText.line(["id", "composition", "canonical_key", "chemical_system", "precursors", "precursor_keys", "actions",
                                 "doi", "split", "provenance"])
        for reaction in reactions {
            text += CSVText.line([reaction.id, reaction.target, reaction.targetKey, reaction.chemicalSystem,
                                  reaction.precursors.joined(separator: ";"), reaction.precursorKeys.joined(separator: ";"),
                                  reaction.actions.joined(separator: ">"), reaction.doi, reaction.split, reaction.provenance])
        }
        return text
    }

    /// `records.jsonl`: the target as element fractions too, ready for a stoichiometry model.
    static func jsonLines(_ reactions: [ReactionRecord]) -> String {
        var text = ""
        for reaction in reactions {
            var object = JSONObjectText()
            object.string("id", reaction.id)
            object.string("composition", reaction.target)
            object.string("canonical_key", reaction.targetKey)
            object.string("chemical_system", reaction.chemicalSystem)
            object.strings("target_elements", reaction.targetFractions.map(\.symbol))
            object.numbers("target_fractions", reaction.targetFractions.map(\.fraction))
            object.strings("precursors", reaction.precursors)
            object.strings("precursor_keys", reaction.precursorKeys)
            object.strings("actions", reaction.actions)
            object.string("doi", reaction.doi)
            object.string("split", reaction.split)
            object.strings("provenance", [reaction.provenance])
            text += object.text + "\n"
        }
        return text
    }
}
