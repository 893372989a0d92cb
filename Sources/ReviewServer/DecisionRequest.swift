import Store

/// A decision posted from the flag page's form: accept, edit (accept keeping a correction) or
/// reject, with a reviewer name and a note. Stored through ``CurateStore/decideFlag(id:status:note:)``,
/// the same call as `curate flags accept|reject`, so it shows in `curate flags export`.
struct DecisionRequest: Sendable, Equatable {
    enum Choice: String, Sendable { case accept, edit, reject }

    var choice: Choice
    var reviewer: String
    var note: String
    var correction: String?

    static let maximumNoteLength = 4000
    static let maximumReviewerLength = 100

    /// The decision in `fields`; throws ``ReviewHTTPError/badRequest(_:)`` naming the bad field.
    init(_ fields: FormFields) throws {
        guard let text = fields["decision"], let choice = Choice(rawValue: text) else {
            throw ReviewHTTPError.badRequest("decision must be accept, edit or reject, got \"\(fields["decision"] ?? "")\"")
        }
        let reviewer = try Self.reviewer(fields)
        let note = try Self.note(fields)
        let correction = (fields["correction"] ?? "").trimmingWhitespace
        guard correction.count <= Self.maximumNoteLength else {
            throw ReviewHTTPError.badRequest("correction is longer than \(Self.maximumNoteLength) characters")
        }
        if choice == .edit, correction.isEmpty {
            throw ReviewHTTPError.badRequest("an edit needs the correction (the value the record should have)")
        }
        self.choice = choice
        self.reviewer = reviewer
        self.note = note
        self.correction = correction.isEmpty ? nil : correction
    }

    /// The form's reviewer: one non-empty line of at most ``maximumReviewerLength`` characters.
    static func reviewer(_ fields: FormFields) throws -> String {
        let reviewer = (fields["reviewer"] ?? "").trimmingWhitespace
        guard !reviewer.isEmpty else { throw ReviewHTTPError.badRequest("reviewer must not be empty") }
        guard reviewer.count <= Self.maximumReviewerLength, !reviewer.contains(where: \.isNewline) else {
            throw ReviewHTTPError.badRequest("reviewer must be one line of at most \(Self.maximumReviewerLength) characters")
        }
        return reviewer
    }

    /// The form's note: not empty, at most ``maximumNoteLength`` characters.
    static func note(_ fields: FormFields) throws -> String {
        let note = (fields["note"] ?? "").trimmingWhitespace
        guard !note.isEmpty else { throw ReviewHTTPError.badRequest("note must not be empty") }
        guard note.count <= Self.maximumNoteLength else {
            throw ReviewHTTPError.badRequest("note is longer than \(Self.maximumNoteLength) characters")
        }
        return note
    }

    /// The status stored: an edit is an accepted flag (the record as stored is wrong).
    var status: FlagStatus { choice == .reject ? .rejected : .accepted }

    /// The note stored with the decision: who decided, and the correction of an edit.
    var storedNote: String {
        var text = "\(reviewer): \(note)"
        if let correction { text += " [\(choice == .edit ? "edit" : "suggested") correction: \(correction)]" }
        return text
    }
}

extension String {
    var trimmingWhitespace: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
