import TafelCore
import TerminalKit

/// A stale edit, field by field: their version beside yours, in the user's words, with the keys
/// (from the keymap's `conflict` context) to keep theirs, keep yours or merge.
enum ConflictView {
    static func render(_ v: ViewContext, _ c: ConflictState, _ area: Rect, _ b: inout CellBuffer) {
        let width = min(96, area.width - 4)
        let columnWidth = (width - 5) / 2
        let file = v.s.meeting?.file ?? v.s.household?.file
        let fieldNames = c.conflict.fields.map { "‘\(v.label("field.\($0.field)"))’" }.joined(separator: ", ")
        let intro = Paragraph([Line(v.t("conflict.intro", fieldNames), .dialog)])
        let introHeight = intro.height(width: width - 4)
        // Each field: its name, then theirs and yours side by side, as many lines as the longer needs.
        let blocks = c.conflict.fields.map { field -> (String, Paragraph, Paragraph, Int) in
            let theirs = Paragraph(lines(words(v, field.theirs, file), .normal))
            let yours = Paragraph(lines(words(v, field.yours, file), .accent))
            return (v.label("field.\(field.field)"), theirs, yours,
                    max(theirs.height(width: columnWidth), yours.height(width: columnWidth)))
        }
        let wanted = 2 + introHeight + 2 + blocks.reduce(0) { $0 + $1.3 + 2 } + 1
        let r = ModalView.box(area, width: width, height: min(area.height - 2, wanted))
        b.fill(r, role: .dialog)
        let inner = Block(title: v.t("conflict.title"), focused: true, background: .dialog).render(r, into: &b)
        var y = inner.y
        intro.render(Rect(x: inner.x + 1, y: y, width: inner.width - 2, height: min(introHeight, inner.height)), into: &b)
        y += introHeight + 1
        let leftX = inner.x + 1, rightX = leftX + columnWidth + 1
        b.put(TextLayout.pad(v.t("conflict.theirs"), width: columnWidth), x: leftX, y: y, role: .strong)
        b.put(TextLayout.pad(v.t("conflict.yours"), width: columnWidth), x: rightX, y: y, role: .strong)
        y += 1
        let footerY = inner.bottom - 1
        for (name, theirs, yours, height) in blocks where y < footerY - 1 {
            b.putTruncated(name + ":", x: leftX, y: y, role: .muted, maxWidth: inner.width - 2)
            y += 1
            let h = min(height, footerY - 1 - y)
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

    /// A text as lines (its own line breaks kept).
    static func lines(_ text: String, _ role: StyleRole) -> [Line] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { Line(String($0), role) }
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
