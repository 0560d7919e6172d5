import TextSafety
import CNcursesw
import CTerminal
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why the terminal could not be started; each has a one-line message (nl + en).
public enum TerminalStartError: Error, Equatable, Sendable {
    case notATerminal
    case noTerm
    case dumbTerm
    case unknownTerm(String)

    /// The one-line message for stderr.
    public func message(english: Bool) -> String {
        switch (self, english) {
        case (.notATerminal, false): return "geen terminal: start tafel in een terminalvenster, of gebruik een subcommando (bijv. tafel caseload)"
        case (.notATerminal, true): return "not a terminal: start tafel in a terminal window, or use a subcommand (e.g. tafel caseload)"
        case (.noTerm, false): return "TERM is niet gezet: zet TERM, bijv. export TERM=xterm-256color"
        case (.noTerm, true): return "TERM is not set: set it, e.g. export TERM=xterm-256color"
        case (.dumbTerm, false): return "TERM=dumb kan geen scherm tekenen: gebruik een echte terminal of een subcommando"
        case (.dumbTerm, true): return "TERM=dumb cannot draw a screen: use a real terminal or a subcommand"
        case (.unknownTerm(let t), false): return "onbekend terminaltype \"\(t)\": zet TERM op een bekend type, bijv. xterm-256color"
        case (.unknownTerm(let t), true): return "unknown terminal type \"\(t)\": set TERM to a known type, e.g. xterm-256color"
        }
    }
}

/// The only code that talks to ncursesw. Call it on the main thread only.
///
/// It draws changed cells with `setcchar` + `mvwadd_wch`, allocates one colour pair
/// per style role when a theme is applied, decodes keys and mouse events, and
/// restores the terminal on every exit path (normal, thrown error, signals, crashes).
public final class CursesBackend: TerminalBackend {
    private var screen: OpaquePointer?
    private var window: UnsafeMutablePointer<WINDOW>?
    private var outputFile: UnsafeMutablePointer<FILE>?
    private var inputFile: UnsafeMutablePointer<FILE>?
    private var ownsFiles = false
    private var pairs: [StyleRole: (attrs: attr_t, pair: Int16)] = [:]
    private var colorCount = 0
    private var immediateErrors = 0
    /// Whether curses reported the left button down and not yet up (see `decodeMouse`).
    private var buttonDown = false
    /// Events decoded ahead (a click curses reported as a lone release is a click, then a release).
    private var pendingEvents: [KeyEvent] = []
    public private(set) var glyphs: Glyphs
    public private(set) var inputClosed = false
    public private(set) var isHeadless = false

    /// Checks the environment before curses is touched, so failures write no escape bytes.
    public static func preflight(environment: [String: String] = ProcessInfo.processInfo.environment) -> TerminalStartError? {
        guard isatty(0) == 1, isatty(1) == 1 else { return .notATerminal }
        guard let term = environment["TERM"], !term.isEmpty else { return .noTerm }
        if term == "dumb" { return .dumbTerm }
        return nil
    }

    /// Sets the locale from the environment; falls back to C.UTF-8 so wide-character
    /// curses works. Returns true when the user's own locale is UTF-8.
    @discardableResult
    public static func prepareLocale() -> Bool {
        setlocale(LC_ALL, "")
        let codeset = String(cString: tk_codeset())
        if codeset.uppercased().replacingOccurrences(of: "-", with: "") == "UTF8" { return true }
        if setlocale(LC_CTYPE, "C.UTF-8") == nil { setlocale(LC_CTYPE, "C.utf8") }
        return false
    }

    /// Starts curses on the real terminal.
    public init(mouse: Bool = true) throws {
        if let e = CursesBackend.preflight() { throw e }
        let utf8 = CursesBackend.prepareLocale()
        glyphs = utf8 ? .unicode : .ascii
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        // The settings to restore on a crash are the ones before curses changed anything.
        tafel_terminal_save(0)
        // newterm, not initscr: initscr exits the process itself on an unknown TERM.
        guard let scr = newterm(nil, tk_stdout(), tk_stdin()) else { throw TerminalStartError.unknownTerm(term) }
        screen = scr
        window = tk_stdscr()
        configure(mouse: mouse)
        tafel_terminal_set_restore_sequence(CursesBackend.restoreSequence(mouse: mouse))
        tafel_terminal_set_active(1)
        tafel_signals_install()
    }

    /// The bytes that end the full-screen mode, from terminfo (written by the crash handler,
    /// which may not call curses): leave the alternate screen, show the cursor, reset colours,
    /// switch mouse reporting off.
    static func restoreSequence(mouse: Bool) -> String {
        var out = ""
        for cap in ["sgr0", "cnorm", "rmcup"] {
            if let p = tigetstr(cap), Int(bitPattern: p) != -1, Int(bitPattern: p) != 0 { out += String(cString: p) }
        }
        if mouse { out += "\u{1B}[?1006l\u{1B}[?1000l\u{1B}[?1002l" }
        return out
    }

    /// Starts curses without a terminal, writing to `outputPath` (default /dev/null),
    /// for headless tests and byte counting. `termType` picks the terminfo entry.
    public init(headlessSize size: Size, termType: String = "xterm-256color", outputPath: String = "/dev/null") throws {
        setlocale(LC_ALL, "C.UTF-8")
        glyphs = .unicode
        isHeadless = true
        guard let out = fopen(outputPath, "w+"), let inp = fopen("/dev/null", "r") else {
            throw TerminalStartError.notATerminal
        }
        outputFile = out; inputFile = inp; ownsFiles = true
        guard let scr = newterm(termType, out, inp) else {
            fclose(out); fclose(inp)
            throw TerminalStartError.unknownTerm(termType)
        }
        screen = scr
        window = tk_stdscr()
        configure(mouse: false)
        resizeterm(Int32(size.height), Int32(size.width))
    }

    private func configure(mouse: Bool) {
        // raw, not cbreak: Ctrl-C, Ctrl-Z, Ctrl-S and Ctrl-Q arrive as keys, so Ctrl-C quits through
        // the app (typed text saved first) and Ctrl-S cannot freeze the screen.
        raw()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        curs_set(0)
        if has_colors() {
            start_color()
            use_default_colors()
            colorCount = Int(tk_colors())
        }
        if mouse {
            var old: mmask_t = 0
            mousemask(tk_button1_pressed() | tk_button1_released() | tk_button4_pressed() | tk_button5_pressed() | tk_button3_pressed(), &old)
            mouseinterval(0)
        }
    }

    /// Ends curses and restores the terminal. Safe to call twice.
    public func shutdown() {
        guard let scr = screen else { return }
        endwin()
        tafel_terminal_set_active(0)
        delscreen(scr)
        screen = nil
        window = nil
        if ownsFiles {
            if let o = outputFile { fclose(o) }
            if let i = inputFile { fclose(i) }
            outputFile = nil; inputFile = nil
        }
    }

    deinit { shutdown() }

    /// The terminate signal (SIGTERM, SIGHUP, SIGINT) that arrived since the last call, or nil.
    public func takeSignal() -> Int32? {
        let s = tafel_signal_take()
        return s == 0 ? nil : s
    }

    /// Ctrl-Z: gives the terminal back to the shell, stops, and takes it again when continued
    /// (`fg`). The caller redraws everything afterwards.
    public func suspend() {
        guard let w = window, !isHeadless else { return }
        endwin()
        tafel_terminal_set_active(0)
        tafel_suspend_self()
        tafel_terminal_set_active(1)
        wrefresh(w)
        clearok(w, true)
    }

    /// Leaves the screen to another program on the same terminal (an editor), then takes it back
    /// and redraws everything.
    public func pause<T>(_ body: () -> T) -> T {
        guard let w = window, !isHeadless else { return body() }
        endwin()
        tafel_terminal_set_active(0)
        let result = body()
        tafel_terminal_set_active(1)
        wrefresh(w)
        clearok(w, true)
        return result
    }

    public var size: Size {
        guard let w = window else { return Size(width: 0, height: 0) }
        var y: Int32 = 0, x: Int32 = 0
        tk_getmaxyx(w, &y, &x)
        return Size(width: Int(x), height: Int(y))
    }

    /// Allocates one colour pair per role (numbers stay fixed; a new theme re-inits them).
    public func apply(theme: Theme) {
        pairs.removeAll()
        var n: Int16 = 1
        for role in StyleRole.allCases {
            let s = colorCount > 0 ? theme.style(role).degraded(toColors: colorCount) : theme.style(role)
            var attrs: attr_t = tk_a_normal()
            if s.attributes.contains(.bold) { attrs |= tk_a_bold() }
            if s.attributes.contains(.underline) { attrs |= tk_a_underline() }
            if s.attributes.contains(.reverse) { attrs |= tk_a_reverse() }
            if s.attributes.contains(.dim) { attrs |= tk_a_dim() }
            if s.attributes.contains(.italic) { attrs |= tk_a_italic() }
            if s.attributes.contains(.blink) { attrs |= tk_a_blink() }
            var pair: Int16 = 0
            if colorCount > 0, Int(n) < Int(tk_color_pairs()) {
                let fg = s.fg.cursesNumber
                let bg = s.bg.cursesNumber
                if fg != -1 || bg != -1 {
                    init_pair(n, Int16(fg), Int16(bg))
                    pair = n
                }
                n += 1
            }
            pairs[role] = (attrs, pair)
        }
        invalidate()
    }

    public func draw(_ cells: [CellUpdate]) {
        guard let w = window else { return }
        var buf = [wchar_t](repeating: 0, count: 6)
        for u in cells {
            let style = pairs[u.cell.role] ?? (tk_a_normal(), 0)
            let symbol = glyphs.isASCII ? CursesBackend.asciiApproximation(u.cell.symbol) : u.cell.symbol
            var k = 0
            for s in symbol.unicodeScalars {
                if k >= 5 { break }
                // A last line of defence: nothing unsafe is written even if a caller
                // bypassed CellBuffer.
                buf[k] = wchar_t(bitPattern: SafeText.isUnsafe(s) ? 0xFFFD : s.value)
                k += 1
            }
            buf[k] = 0
            // Writing the bottom-right cell returns ERR but draws; ignore it.
            _ = tk_put_cell(w, Int32(u.y), Int32(u.x), buf, style.attrs, style.pair)
        }
    }

    /// ASCII stand-ins for a terminal that cannot show Unicode (see `ASCIIFallback`).
    static func asciiApproximation(_ c: Character) -> Character { ASCIIFallback.character(c) }

    public func present() {
        guard let w = window else { return }
        wnoutrefresh(w)
        doupdate()
        if let o = outputFile { fflush(o) }
    }

    public func invalidate() {
        guard let w = window else { return }
        clearok(w, true)
    }

    /// Bytes written so far to the headless output file (for the byte-count benchmark).
    public var bytesWritten: Int {
        guard let o = outputFile else { return 0 }
        fflush(o)
        return ftell(o)
    }

    /// Reads back the characters of one screen row (headless tests).
    public func readLine(_ y: Int) -> String {
        guard let w = window else { return "" }
        let n = size.width
        var buf = [wchar_t](repeating: 0, count: n + 1)
        _ = tk_read_line(w, Int32(y), &buf, Int32(n))
        var s = ""
        for v in buf {
            if v == 0 { break }
            if let sc = Unicode.Scalar(UInt32(bitPattern: v)) { s.unicodeScalars.append(sc) }
        }
        return s
    }

    /// Pretends the terminal changed size (headless tests).
    public func resize(to s: Size) {
        resizeterm(Int32(s.height), Int32(s.width))
    }

    public func nextEvent(timeoutMilliseconds: Int) -> KeyEvent? {
        guard let w = window, !inputClosed else { return nil }
        if !pendingEvents.isEmpty { return pendingEvents.removeFirst() }
        wtimeout(w, Int32(timeoutMilliseconds))
        var wch: wint_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let rc = wget_wch(w, &wch)
        if rc == tk_err() {
            // A closed stdin answers ERR at once, forever: count quick failures and stop.
            let elapsed = DispatchTime.now().uptimeNanoseconds - start
            if timeoutMilliseconds != 0 && elapsed < 1_000_000 {
                immediateErrors += 1
                if immediateErrors > 50 { inputClosed = true }
            }
            return nil
        }
        immediateErrors = 0
        if rc == KEY_CODE_YES { return decodeKeyCode(Int32(bitPattern: wch)) }
        return decodeCharacter(UInt32(wch), window: w)
    }

    private func decodeCharacter(_ v: UInt32, window w: UnsafeMutablePointer<WINDOW>) -> KeyEvent? {
        switch v {
        case 10, 13: return .enter
        case 9: return .tab
        case 8, 127: return .backspace
        case 27:
            // Esc alone, Alt+key, or the start of a sequence curses did not recognise because it
            // arrived in pieces (a mouse report split by the terminal): wait a moment for the rest.
            // 40 ms: on a loaded machine (a shared server, CI) 10 ms lost a click's continuation.
            wtimeout(w, 40)
            var next: wint_t = 0
            let rc = wget_wch(w, &next)
            if rc == tk_ok(), next == 0x5B { return decodeControlSequence(window: w) }
            // Alt+b, Alt+f and Alt+Backspace move and delete words in text fields. Any other key right
            // behind Esc is Esc typed ahead of that key while tafel was busy (both wait in the
            // terminal's buffer): both are kept, Esc first. Taking them as one Alt+key lost the Esc
            // that closes an editor, and the key after it went into the text.
            if rc == tk_ok(), next == 0x62 || next == 0x66 || next == 0x7F, let s = Unicode.Scalar(UInt32(next)) { return .alt(Character(s)) }
            if rc == tk_ok(), let following = next == 27 ? KeyEvent.escape : decodeCharacter(UInt32(next), window: w) {
                pendingEvents.append(following)
            } else if rc == KEY_CODE_YES, let following = decodeKeyCode(Int32(bitPattern: next)) {
                pendingEvents.append(following)
            }
            return .escape
        case 0: return .ctrl(" ")
        case 1...26: return .ctrl(Character(Unicode.Scalar(v + 96)!))
        case 28...31: return nil
        default:
            guard let s = Unicode.Scalar(v) else { return nil }
            return .char(Character(s))
        }
    }

    /// Reads the rest of an `ESC [` sequence and decodes an SGR mouse report (`ESC [ < b ; x ; y M`);
    /// any other sequence is swallowed rather than typed as characters.
    private func decodeControlSequence(window w: UnsafeMutablePointer<WINDOW>) -> KeyEvent? {
        // A sequence is under way: its remaining bytes are coming, so wait longer for each.
        wtimeout(w, 200)
        var body = ""
        while body.count < 32 {
            var ch: wint_t = 0
            guard wget_wch(w, &ch) == tk_ok(), let sc = Unicode.Scalar(UInt32(ch)) else { return nil }
            if (0x40...0x7E).contains(sc.value) && !(body.isEmpty && sc == "<") {
                return CursesBackend.sgrMouse(body, final: Character(sc))
            }
            body.unicodeScalars.append(sc)
        }
        return nil
    }

    /// Decodes the body of an SGR mouse report (`<0;10;5` with final `M` for press, `m` for release).
    public static func sgrMouse(_ body: String, final: Character) -> KeyEvent? {
        guard body.hasPrefix("<"), final == "M" || final == "m" else { return nil }
        let parts = body.dropFirst().split(separator: ";").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        let (b, x, y) = (parts[0], parts[1] - 1, parts[2] - 1)
        if b & 64 != 0 { return .mouse(MouseEvent(b & 1 == 0 ? .wheelUp : .wheelDown, x: x, y: y)) }
        if b & 32 != 0 { return nil } // motion
        switch (b & 3, final) {
        case (0, "M"): return .mouse(MouseEvent(.click, x: x, y: y))
        case (0, "m"): return .mouse(MouseEvent(.release, x: x, y: y))
        case (2, "M"): return .mouse(MouseEvent(.rightClick, x: x, y: y))
        default: return nil
        }
    }

    private func decodeKeyCode(_ code: Int32) -> KeyEvent? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_BACKSPACE: return .backspace
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case tk_key_resize(): return .resize(size)
        case tk_key_mouse(): return decodeMouse()
        case (tk_key_f0() + 1)...(tk_key_f0() + 24): return .function(Int(code - tk_key_f0()))
        default:
            guard let name = keyname(code) else { return nil }
            switch String(cString: name) {
            case "kLFT5", "kLFT3": return .ctrlLeft
            case "kRIT5", "kRIT3": return .ctrlRight
            default: return nil
            }
        }
    }

    private func decodeMouse() -> KeyEvent? {
        var ev = MEVENT()
        guard getmouse(&ev) == tk_ok() else { return nil }
        let x = Int(ev.x), y = Int(ev.y)
        let b = ev.bstate
        if b & tk_button4_pressed() != 0 { return .mouse(MouseEvent(.wheelUp, x: x, y: y)) }
        if b & tk_button5_pressed() != 0 { return .mouse(MouseEvent(.wheelDown, x: x, y: y)) }
        if b & tk_button3_pressed() != 0 { return .mouse(MouseEvent(.rightClick, x: x, y: y)) }
        if b & (tk_button1_pressed() | tk_button1_clicked()) != 0 {
            buttonDown = true
            return .mouse(MouseEvent(.click, x: x, y: y))
        }
        if b & tk_button1_released() != 0 {
            if buttonDown {
                buttonDown = false
                return .mouse(MouseEvent(.release, x: x, y: y))
            }
            // When the press and the release reach curses in one read (a quick click while tafel was
            // busy, a terminal over ssh), curses reports only the release: the click was lost. A
            // release without a press is that click, followed by its release.
            pendingEvents.append(.mouse(MouseEvent(.release, x: x, y: y)))
            return .mouse(MouseEvent(.click, x: x, y: y))
        }
        return nil
    }
}
