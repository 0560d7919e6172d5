import TafelCore
import TerminalKit

/// The first run on an empty database: never an empty black screen.
enum WelcomeView {
    static func render(_ v: ViewContext, _ r: Rect, _ b: inout CellBuffer) {
        let box = r.centered(width: min(76, r.width - 4), height: min(18, r.height - 2))
        let inner = Block(title: v.t("welcome.title"), focused: true).render(box, into: &b)
        let lines: [Line] = [
            Line(v.t("welcome.intro")), "",
            Line(v.t("welcome.option-demo"), .strong), Line("    tafel demo", .accent), "",
            Line(v.t("welcome.option-import"), .strong), Line("    tafel import bestand.json --db \(v.s.databaseName)", .accent), "",
            Line(v.t("welcome.option-user"), .strong), Line("    tafel user add <login> --name \"…\" --role beheerder", .accent), "",
            Line(v.t("welcome.quit"), .muted),
        ]
        Paragraph(lines).render(inner.inset(left: 2, right: 2), into: &b)
    }
}
