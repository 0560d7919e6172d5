/// A piece of free text typed in the room: which record and field it lives in.
public enum TextTarget: Sendable, Hashable, Codable {
    /// The household's own goals and view (wat wil het gezin zelf).
    case ownView
    /// The situation text of one life domain.
    case situation(String)

    /// The catalogue key of the field's name (`field.ownView`, `field.situation`).
    public var fieldKey: String {
        switch self {
        case .ownView: return "ownView"
        case .situation: return "situation"
        }
    }

    /// A stable name for drafts on disk (`ownView`, `situation-financien`).
    public var storageName: String {
        switch self {
        case .ownView: return "ownView"
        case .situation(let d): return "situation-" + d
        }
    }

    /// The text as stored in a household file.
    public func stored(in file: CaseFile) -> String {
        switch self {
        case .ownView: return file.household.ownView
        case .situation(let d): return file.domainState(d).situation
        }
    }
}
