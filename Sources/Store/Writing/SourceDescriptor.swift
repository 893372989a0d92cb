/// Which source a file belongs to: `kind` is the family (e.g. `"supercon"`), `name` the
/// specific release (e.g. `"stanev-2018"`), `layout` the file layout its parser expects
/// (e.g. `"stanev"`, `"mdr"`, `"supercon2"`). A source is identified by `(kind, name)`.
public struct SourceDescriptor: Sendable, Hashable, Codable {
    public var kind: String
    public var name: String
    public var layout: String

    public init(kind: String, name: String, layout: String) {
        self.kind = kind
        self.name = name
        self.layout = layout
    }
}
