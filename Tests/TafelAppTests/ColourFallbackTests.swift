import Testing
import TerminalKit
@testable import TafelApp

/// Every theme keeps every role visible on 8- and 16-colour terminals (`TERM=xterm`).
@Suite("Colours on simple terminals")
struct ColourFallbackTests {
    @Test(arguments: [8, 16])
    func noRoleVanishesInAnyTheme(colors: Int) throws {
        let library = ThemeLibrary(environment: [:])
        #expect(library.names.count >= 5)
        for name in library.names {
            let theme = try #require(library.load(name)?.theme)
            for role in StyleRole.allCases {
                let original = theme.style(role)
                let s = original.degraded(toColors: colors)
                if s.fg != .default { #expect(s.fg != s.bg, "\(name) \(role): foreground on its own background with \(colors) colours") }
                if case .indexed(let i) = original.fg, i != 0 {
                    #expect(s.fg != .indexed(0) || s.bg != .default, "\(name) \(role): became black on the terminal's background")
                }
                for c in [s.fg, s.bg] {
                    if case .indexed(let i) = c { #expect(Int(i) < colors, "\(name) \(role): colour \(i) on a \(colors)-colour terminal") }
                }
            }
        }
    }

    @Test func brightBlackIsNotBlack() {
        // The muted grey of the default theme: dimmed default text, not black on black.
        let muted = Style(fg: .indexed(8)).degraded(toColors: 8)
        #expect(muted.fg == .default && muted.attributes.contains(.dim))
        #expect(Color.indexed(196).clamped(toColors: 16) == .indexed(9), "a bright red stays bright red with 16 colours")
        #expect(Color.indexed(196).clamped(toColors: 8) == .indexed(1))
        #expect(Color.indexed(250).clamped(toColors: 8) == .indexed(7), "a light grey becomes white, not black")
        #expect(Style(fg: .indexed(4), bg: .indexed(4)).degraded(toColors: 8).fg == .default)
    }
}
