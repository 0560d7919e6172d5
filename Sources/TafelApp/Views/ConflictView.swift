import TafelCore
import TerminalKit

/// A stale edit, field by field: their version beside yours, in the user's words, with the keys
/// (from the keymap's `conflict` context) to keep theirs, keep yours or merge.
enum ConflictView {
    static func render(_ v: ViewContext, _ c: ConflictState, _ area: Rect, _ b: inout CellBuffer) {
        let r = ModalView.box(area, width: 96, height: min(area.height - 2, 22))
        b.fill(r, role: .dialog)
        let inner = Block(title: v.t("conflict.title"), focused: true, background: .dialog).render(r, into: &b)
        var y = inner.y
        let intro = Paragraph([Line(v.t("conflict.intro", v.t("entity.\(c.conflict.entity)")), .dialog)])
        let introHeight = min(2, intro.height(width: inner.width - 2))
        intro.render(Rect(x: inner.x + 1, y: y, width: inner.width - 2, height: introHeight), into: &b)
        y += introHeight + 1
        let columnWidth = (inner.width - 3) / 2
        let leftX = inner.x + 1, rightX = leftX + columnWidth + 1
        b.put(TextLayout.pad(v.t("conflict.theirs"), width: columnWidth), x: leftX, y: y, role: .strong)
        b.put(TextLayout.pad(v.t("conflict.yours"), width: columnWidth), x: rightX, y: y, role: .strong)
        y += 1
        let footerY = inner.bottom - 1
        let file = v.s.meeting?.file ?? v.s.household?.file
        for field in c.conflict.fields where y < footerY - 1 {
            b.putTruncated(v.label("field.\(field.field)") + ":", x: leftX, y: y, role: .muted, maxWidth: inner.width - 2)
            y += 1
            let room = max(1, (footerY - 1 - y) / max(1, c.conflict.fields.count))
            let theirs = Paragraph([Line(words(v, field.theirs, file))])
            let yours = Paragraph([Line(words(v, field.yours, file), .accent)])
            let h = min(room, max(theirs.height(width: columnWidth), yours.height(width: columnWidth)))
            theirs.render(Rect(x: leftX, y: y, width: columnWidth, height: h), into: &b)
            yours.render(Rect(x: rightX, y: y, width: columnWidth, height: h), into: &b)
            y += h + 1
        }
        var hints: [String] = []
        for command in [Command.keepTheirs, .keepMine, .mergeTexts, .dismiss] {
            guard let key = v.s.keymap.keys(for: command, in: .conflict).first else { continue }
            hints.append("\(key.displayName) \(v.t("hint.\(command.rawValue)"))")
        }
        b.putTruncated(hints.joined(separator: "   "), x: inner.x + 1, y: footerY, role: .muted, maxWidth: inner.width - 2)
    }

    /// A field's value in words: a date as the user writes it, a party by name, a code by label.
    static func words(_ v: ViewContext, _ value: FieldValue, _ file: CaseFile?) -> String {
        switch value {
        case .text(let t): return t.isEmpty ? v.t("conflict.empty") : t
        case .day(let d): return d.map { v.strings.date($0) } ?? "—"
        case .party(let p):
            guard let p else { return v.t("common.nobody") }
            return file.map { v.name(p, in: $0) } ?? p.description
        case .code(let vocabulary, let code): return code.map { v.strings.label(vocabulary, $0) } ?? "—"
        case .member(let id):
            guard let id else { return v.t("form.whole-household") }
            return file?.member(id)?.name ?? "—"
        case .flag(let f): return v.t(f ? "common.yes" : "common.no")
        case .actions(let ids):
            if ids.isEmpty { return "—" }
            return ids.map { id in file?.action(id)?.description ?? "#\(id)" }.joined(separator: "; ")
        }
    }
}
