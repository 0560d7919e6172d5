/// A mouse event in screen coordinates.
public struct MouseEvent: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case press, release, click, doubleClick, rightClick, wheelUp, wheelDown }
    public var kind: Kind
    public var x: Int
    public var y: Int
    public init(_ kind: Kind, x: Int, y: Int) { self.kind = kind; self.x = x; self.y = y }
}

/// One input event, decoded from curses (or scripted in tests).
public enum KeyEvent: Sendable, Hashable, CustomStringConvertible {
    case char(Character)
    /// Ctrl plus a letter, lowercase ("c" for Ctrl-C).
    case ctrl(Character)
    /// Alt (Meta) plus a character.
    case alt(Character)
    case enter, escape, tab, backTab, backspace, delete, insert
    case up, down, left, right, ctrlLeft, ctrlRight
    case home, end, pageUp, pageDown
    case function(Int)
    case mouse(MouseEvent)
    case resize(Size)
    /// Several characters arriving at once (a paste).
    case paste(String)

    /// The canonical name used in keymap files and the help overlay (`j`, `C-l`, `S-Tab`, `F1`).
    public var name: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "C-\(c)"
        case .alt(let c): return "M-\(c)"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .insert: return "Insert"
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .ctrlLeft: return "C-Left"
        case .ctrlRight: return "C-Right"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .function(let n): return "F\(n)"
        case .mouse: return "Mouse"
        case .resize: return "Resize"
        case .paste: return "Paste"
        }
    }

    public var description: String { name }

    /// How a key is shown to users in hints (arrows as symbols).
    public var displayName: String {
        switch self {
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        default: return name
        }
    }

    static let named: [String: KeyEvent] = [
        "space": .char(" "), "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape,
        "tab": .tab, "s-tab": .backTab, "backtab": .backTab, "backspace": .backspace, "bs": .backspace,
        "delete": .delete, "del": .delete, "insert": .insert, "up": .up, "down": .down, "left": .left,
        "right": .right, "c-left": .ctrlLeft, "c-right": .ctrlRight, "home": .home, "end": .end,
        "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown,
        "hash": .char("#"), "lt": .char("<"),
    ]

    /// Parses a key name as written in keymap files; nil when it is not a key.
    public init?(name: String) {
        if name.count == 1, let c = name.first { self = .char(c); return }
        let lower = name.lowercased()
        if let k = KeyEvent.named[lower] { self = k; return }
        if lower.hasPrefix("c-"), name.count == 3, let c = lower.last, c.isLetter || "[]\\".contains(c) {
            self = .ctrl(c); return
        }
        if lower.hasPrefix("m-") || lower.hasPrefix("a-"), name.count == 3, let c = name.last { self = .alt(c); return }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...24).contains(n) { self = .function(n); return }
        return nil
    }
}
