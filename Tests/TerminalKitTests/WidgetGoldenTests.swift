import Testing
import TestSupport
@testable import TerminalKit

/// Renders into a fresh buffer of the given size and returns it.
func render(_ w: Int, _ h: Int, _ draw: (inout CellBuffer) -> Void) -> CellBuffer {
    var b = CellBuffer(size: Size(width: w, height: h))
    draw(&b)
    return b
}

@Suite("Widgets render exact lines")
struct WidgetGoldenTests {
    @Test func blockWithTitle() {
        let b = render(20, 4) { Block(title: "Leefgebieden").render($0.area, into: &$0) }
        Golden.check(b.lines, named: "block")
        #expect(b.lines[0] == "┌ Leefgebieden ────┐")
        #expect(b[0, 0].role == .border)
    }

    @Test func blockTitleIsTruncatedWithEllipsis() {
        let b = render(12, 3) { Block(title: "Geestelijke gezondheid").render($0.area, into: &$0) }
        #expect(b.lines[0] == "┌ Geestel… ┐")
    }

    @Test func paragraphWrapsDutchWideAndCombiningAtTheEdge() {
        // "één" is precomposed, "Financiën" uses a combining diaeresis (e + U+0308),
        // the emoji and the CJK character are two columns wide and land on the edge.
        let text = "Eén gezin, één plan: Financie\u{0308}n eerst 👍 daarna 住 wonen."
        let b = render(14, 6) { Paragraph(text).render($0.area, into: &$0) }
        Golden.check(b.lines, named: "paragraph-dutch")
        #expect(b.lines[0] == "Eén gezin, één")
        #expect(b.lines[1].hasPrefix("plan:"))
        // A decomposed "ë" is one cell.
        #expect(b.lines[2] == "Financiën     " || b.lines[2] == "Financie\u{0308}n eerst")
    }

    @Test func paragraphNeverSplitsAWideGlyphAcrossTheRightEdge() {
        let b = render(5, 2) { Paragraph("abcd住x").render($0.area, into: &$0) }
        // "住" needs two columns; only one is left after "abcd", so it moves to the next line.
        #expect(b.lines == ["abcd ", "住x  "])
        #expect(b[0, 1].width == 2 && b[1, 1].isContinuation)
    }

    @Test func paragraphKeepsALinesIndentOnEveryWrappedRow() {
        let b = render(16, 4) { Paragraph([Line("• kop"), Line("  punten blijven op de agenda staan")]).render($0.area, into: &$0) }
        #expect(b.lines == ["• kop           ", "  punten blijven", "  op de agenda  ", "  staan         "])
    }

    @Test func listWithSelectionBadgesAndScroll() {
        let items = (1...8).map { ListItem("Huishouden \($0)", badges: $0 == 3 ? [Span("acuut", .critical)] : []) }
        let b = render(30, 5) {
            ListView(items, scroll: ScrollState(selected: 6, offset: 3)).render($0.area, into: &$0)
        }
        Golden.check(b.lines, named: "list")
        #expect(b.lines[3].hasPrefix("▶ Huishouden 7"))
        #expect(b[2, 3].role == .selection)
        #expect(b[2, 2].role == .normal)
    }

    /// A badge wider than the row is cut to half the row; the item's own text stays (an option
    /// with a long sociale-kaart detail showed as an empty row).
    @Test func aLongBadgeNeverHidesTheText() {
        let items = [ListItem("Schuldhulpverlening Stad", badges: [Span("kaart: Schuldhulp Zuid · Loket Schuldhulp 14 010 · ±3 wk wachten", .muted)])]
        let b = render(40, 1) { ListView(items, showsSelection: false).render($0.area, into: &$0) }
        #expect(b.lines[0] == "  Schuldhulpverleni… kaart: Schuldhulp… ", "\(b.lines[0])")
    }

    @Test func listShowsEmptyText() {
        let b = render(30, 2) { ListView([], emptyText: "Geen afspraken").render($0.area, into: &$0) }
        #expect(b.lines[0] == "  Geen afspraken              ")
        #expect(b[2, 0].role == .muted)
    }

    @Test func tableWithColumnsHeaderAndSelection() {
        let t = Table(columns: [Column("Wie", .length(10)), Column("Wat", .fill(1)), Column("Wanneer", .length(8), alignment: .right)],
                      rows: [["Sanne", "Schuldhulp aanvragen", "1-12"], ["Ahmed", "Huisbezoek plannen met de hele familie erbij", "27-11"]],
                      scroll: ScrollState(selected: 1))
        let b = render(44, 4) { t.render($0.area, into: &$0) }
        Golden.check(b.lines, named: "table")
        #expect(b.lines[0] == "  Wie        Wat                     Wanneer")
        #expect(b.lines[2].contains("…"))
        #expect(b[0, 0].role == .normal && b[2, 0].role == .header)
    }

    @Test func tabsMarkCurrentAndDone() {
        let b = render(60, 1) {
            Tabs(["Opening", "Wat wil het gezin", "Regie"], selected: 1, done: [0]).render($0.area, into: &$0)
        }
        Golden.check(b.lines, named: "tabs")
        #expect(b.lines[0].hasPrefix(" ✓ Opening  ·  Wat wil het gezin  · "))
        #expect(b[1, 0].role == .tabDone)
        #expect(b[16, 0].role == .tabActive)
    }

    @Test func gaugeAndSparkline() {
        let b = render(20, 2) {
            Gauge(ratio: 0.5, label: "50%").render($0.area.row(0), into: &$0)
            Sparkline([1, 2, 3, 4, 5], minimum: 1, maximum: 5).render($0.area.row(1), into: &$0)
        }
        Golden.check(b.lines, named: "gauge-sparkline")
        #expect(b.lines[0] == "████████░░░░░░░░ 50%")
        #expect(b.lines[1].hasPrefix("▁▂▄▆█"))
    }

    @Test func statusBarDropsHintsThatDoNotFit() {
        let b = render(40, 1) {
            StatusBar(hints: [KeyHint("?", "help"), KeyHint("q", "stoppen"), KeyHint("m", "overleg starten"),
                              KeyHint("/", "zoeken")], right: "nl").render($0.area, into: &$0)
        }
        Golden.check(b.lines, named: "statusbar")
        #expect(b.lines[0] == " ? help  q stoppen  m overleg starten  nl ".prefix(40).description || b.lines[0].contains("? help  q stoppen"))
        #expect(!b.lines[0].contains("zoeken"))
        #expect(b[1, 0].role == .keyHint)
    }

    @Test func dialogWithInputAndButtons() {
        var input = TextInput("niet bereikbaar")
        input.left()
        let d = Dialog(title: "Reden", message: [Line("Waarom wordt dit voorstel afgewezen?")], input: input,
                       inputLabel: "Reden:", buttons: ["Annuleren", "Opslaan"], focusedButton: 1, width: 50)
        let b = render(56, 10) { d.render($0.area, into: &$0) }
        Golden.check(b.lines, named: "dialog")
        let buttons = d.layout(in: b.area).buttons
        #expect(b[buttons[1].x, buttons[1].y].role == .buttonFocus)
        #expect(b[buttons[0].x, buttons[0].y].role == .button)
    }

    @Test func helpOverlayListsGroups() {
        let h = HelpOverlay(title: "Sneltoetsen", groups: [
            HelpGroup(title: "Overal", entries: [("?", "deze hulp"), ("q", "stoppen")]),
            HelpGroup(title: "Lijst", entries: [("j ↓", "omlaag"), ("k ↑", "omhoog")]),
        ], footer: "Esc sluit")
        let b = render(40, 12) { h.render($0.area, into: &$0) }
        Golden.check(b.lines, named: "help")
        #expect(b.lines.contains { $0.contains("Overal") })
        #expect(b.lines.contains { $0.contains("j ↓") && $0.contains("omlaag") })
    }

    @Test func textFieldScrollsToKeepTheCursorVisible() {
        var input = TextInput("Schuldhulpverlening aanvragen bij de gemeente")
        input.home()
        var b = render(20, 1) { TextField(input).render($0.area, into: &$0) }
        #expect(b.lines[0] == "Schuldhulpverlening ")
        #expect(b[0, 0].role == .cursor)
        input.end()
        b = render(20, 1) { TextField(input).render($0.area, into: &$0) }
        #expect(b.lines[0] == "aanvragen bij de ge…" || b.lines[0].hasSuffix("gemeente "))
        #expect(b[19, 0].role == .cursor)
    }

    @Test func textAreaWrapsAndShowsCursor() {
        var input = TextAreaInput("Wij willen graag rust in huis.\nDe kinderen moeten naar school.")
        input.handle(.up, width: 16)
        let b = render(16, 5) { TextArea(input).render($0.area, into: &$0) }
        Golden.check(b.lines, named: "textarea")
        #expect(b.lines[0] == "Wij willen graag")
        #expect(b.lines[2] == "De kinderen     ")
    }
}
