/// A named style role. Widgets and screens draw with roles, never with colours;
/// a `Theme` maps each role to colours and attributes (the htop/tig idea).
///
/// The set is closed so that a theme file naming an unknown role is an error
/// that can be reported with its line number.
public enum StyleRole: String, CaseIterable, Sendable, Hashable {
    case normal
    case muted
    case strong
    case accent
    case title
    case titleBar = "title-bar"
    case border
    case borderFocus = "border-focus"
    case header
    case selection
    case selectionInactive = "selection-inactive"
    case statusBar = "status-bar"
    case keyHint = "key-hint"
    case input
    case inputFocus = "input-focus"
    case cursor
    case placeholder
    case dialog
    case button
    case buttonFocus = "button-focus"
    case ok
    case warn
    case bad
    case critical
    case info
    case tabActive = "tab-active"
    case tabDone = "tab-done"
    case tabPending = "tab-pending"
    case gaugeFilled = "gauge-filled"
    case gaugeEmpty = "gauge-empty"
    case sparkline
    case badge
    case mask
    case helpKey = "help-key"
    case level1 = "level-1"
    case level2 = "level-2"
    case level3 = "level-3"
    case level4 = "level-4"
    case level5 = "level-5"

    /// The role for an ordinal level 1…5 (self-reliance scores: 1 acute … 5 fully self-reliant).
    public static func level(_ n: Int) -> StyleRole {
        switch n {
        case ...1: return .level1
        case 2: return .level2
        case 3: return .level3
        case 4: return .level4
        default: return .level5
        }
    }
}
