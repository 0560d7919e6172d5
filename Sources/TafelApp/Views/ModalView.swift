import TafelCore
import TerminalKit

/// Draws the overlay on top of the screen.
enum ModalView {
    static func render(_ v: ViewContext, _ modal: Modal, _ area: Rect, _ b: inout CellBuffer) {
        switch modal {
        case .help(let scroll):
            HelpOverlay(title: v.t("help.title"), groups: helpGroups(v), scroll: scroll, footer: v.t("help.footer")).render(area, into: &b)
        case .palette(let p):
            palette(v, p, area, &b)
        case .prompt(let p):
            Dialog(title: v.t(p.title), message: p.message.map { Line(v.r($0)) }, input: p.input, inputLabel: "›",
                   buttons: [v.t("button.cancel"), v.t("button.ok")], focusedButton: 1, width: 70, error: p.error.map(v.r)).render(area, into: &b)
        case .picker(let p):
            picker(v, p, area, &b)
        case .form(let f):
            form(v, f, area, &b)
        case .confirmQuit(let focused, let reason):
            var lines = [Line(v.t("quit.message"))]
            if let reason { lines = [Line(v.r(reason), .bad), "", Line(v.t("quit.kept-as-draft"))] + lines }
            Dialog(title: v.t("quit.title"), message: lines, buttons: [v.t("button.stay"), v.t("button.quit")],
                   focusedButton: focused, width: 64).render(area, into: &b)
        case .conflict(let c):
            ConflictView.render(v, c, area, &b)
        case .notice(let title, let lines):
            Dialog(title: v.t(title), message: lines.map { Line(v.r($0)) }, buttons: [v.t("button.ok")], width: 70).render(area, into: &b)
        case .statusMenu:
            // The letters come from the keymap (context status-menu), so the menu says what the keys do.
            var lines: [Line] = [Line(v.t("status.menu-intro"), .muted), ""]
            for entry in v.s.keymap.entries(in: .statusMenu) where entry.command != .dismiss {
                let keys = entry.keys.map(\.displayName).joined(separator: "/")
                lines.append(Line([Span(" \(keys) ", .keyHint), Span(" " + v.t(entry.command.helpKey))]))
            }
            Dialog(title: v.t("status.menu-title"), message: lines, buttons: [v.t("button.cancel")], width: 50).render(area, into: &b)
        }
    }

    /// The help overlay, generated from the live keymap: the current context first, then the rest of its chain.
    static func helpGroups(_ v: ViewContext) -> [HelpGroup] {
        var contexts = v.s.context.chain
        if v.s.screen == .meeting {
            // In a meeting, every step's keys are useful to see at once.
            let steps: [KeyContext] = [.meetingOpening, .meetingOwnView, .meetingPrevious, .meetingDomains, .meetingCoordinator, .meetingClosing]
            contexts = [v.s.context] + steps.filter { $0 != v.s.context } + [.meeting, .global]
        }
        return contexts.compactMap { ctx in
            let entries = v.s.keymap.entries(in: ctx).filter { c, _ in !(c.rawValue.hasPrefix("step-") && ctx != .meeting) }
            guard !entries.isEmpty else { return nil }
            return HelpGroup(title: v.t(ctx.titleKey), entries: entries.map { (keys: $0.keys.map(\.displayName).joined(separator: " "), text: v.t($0.command.helpKey)) })
        }
    }

    static func box(_ area: Rect, width: Int, height: Int) -> Rect {
        area.centered(width: min(width, area.width - 4), height: min(height, area.height - 2))
    }

    static func palette(_ v: ViewContext, _ p: PaletteState, _ area: Rect, _ b: inout CellBuffer) {
        let r = box(area, width: 70, height: 18)
        b.fill(r, role: .dialog)
        let inner = Block(title: v.t("palette.title"), focused: true, background: .dialog).render(r, into: &b)
        b.put("› ", x: inner.x + 1, y: inner.y, role: .dialog)
        TextField(p.input, placeholder: v.t("palette.placeholder")).render(Rect(x: inner.x + 3, y: inner.y, width: inner.width - 4, height: 1), into: &b)
        let items = p.matches.map { c in
            ListItem(Line(v.t(c.helpKey)), badges: v.keyName(c).map { [Span($0, .helpKey)] } ?? [])
        }
        ListView(items, scroll: p.scroll, emptyText: v.t("palette.none")).render(Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 2), into: &b)
    }

    static func picker(_ v: ViewContext, _ p: PickerState, _ area: Rect, _ b: inout CellBuffer) {
        let r = box(area, width: 64, height: 16)
        b.fill(r, role: .dialog)
        let inner = Block(title: v.t(p.title), focused: true, background: .dialog).render(r, into: &b)
        b.put("› ", x: inner.x + 1, y: inner.y, role: .dialog)
        TextField(p.input, placeholder: v.t("picker.placeholder")).render(Rect(x: inner.x + 3, y: inner.y, width: inner.width - 4, height: 1), into: &b)
        let items = p.matches.map { o in ListItem(Line(v.r(o.label)), badges: o.detail.map { [Span(v.r($0), .muted)] } ?? []) }
        let noteRows = p.note == nil ? 0 : 3
        ListView(items, scroll: p.scroll, emptyText: v.t("picker.none")).render(Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 2 - noteRows), into: &b)
        if let note = p.note {
            Paragraph([Line(v.r(note), .warn)]).render(Rect(x: inner.x + 1, y: inner.bottom - noteRows, width: inner.width - 2, height: noteRows), into: &b)
        }
    }

    static func form(_ v: ViewContext, _ f: FormState, _ area: Rect, _ b: inout CellBuffer) {
        let searchRows = f.fields.indices.contains(f.focus) && { if case .search = f.fields[f.focus].kind { return true }; return false }() ? 5 : 0
        let height = f.fields.count + 6 + searchRows + f.warnings.count
        let r = box(area, width: 76, height: height)
        b.fill(r, role: .dialog)
        let inner = Block(title: v.t(f.title), focused: true, background: .dialog).render(r, into: &b)
        // Labels with their " *" and always a space before the value ("Organisatie * Wijkteam Zuid").
        func label(_ field: FormField) -> String { v.label(field.label) + (field.required ? " *" : "") }
        let labelWidth = min(26, (f.fields.map { DisplayWidth.of(label($0)) }.max() ?? 10) + 2)
        var y = inner.y + 1
        for (i, field) in f.fields.enumerated() where y < inner.bottom - 2 {
            let focused = i == f.focus
            b.put(TextLayout.pad(TextLayout.prefix(label(field), width: labelWidth - 1), width: labelWidth), x: inner.x + 1, y: y, role: focused ? .strong : .dialog)
            let fx = inner.x + 1 + labelWidth
            let fieldRect = Rect(x: fx, y: y, width: inner.right - fx - 1, height: 1)
            switch field.kind {
            case .text(let t), .date(let t):
                TextField(t, focused: focused).render(fieldRect, into: &b)
            case .choice(let options, let k):
                let label = options.indices.contains(k) ? v.r(options[k].label) : "—"
                // A long choice is cut with "…" inside its arrows, so "›" still says there is more to choose.
                let room = max(1, fieldRect.width - 4)
                let shown = DisplayWidth.of(label) <= room ? label : TextLayout.prefix(label, width: room - 1) + String(b.glyphs.ellipsis)
                b.put("‹ \(shown) ›", x: fx, y: y, role: focused ? .inputFocus : .input, maxWidth: fieldRect.width)
            case .search(let t, _, let k):
                TextField(t, focused: focused, placeholder: v.t("picker.placeholder")).render(fieldRect, into: &b)
                if focused {
                    let matches = field.matches
                    let items = matches.map { o in ListItem(Line(v.r(o.label)), badges: o.detail.map { [Span(v.r($0), .muted)] } ?? []) }
                    y += 1
                    ListView(items, scroll: ScrollState(selected: k, offset: max(0, k - 3)), emptyText: v.t("picker.none"))
                        .render(Rect(x: fx, y: y, width: fieldRect.width, height: 5), into: &b)
                    y += 4
                }
            }
            y += 1
        }
        for w in f.warnings where y < inner.bottom - 1 {
            b.putTruncated("! " + v.r(w), x: inner.x + 1, y: y, role: .warn, maxWidth: inner.width - 2)
            y += 1
        }
        if let e = f.error { b.putTruncated(v.r(e), x: inner.x + 1, y: inner.bottom - 2, role: .bad, maxWidth: inner.width - 2) }
        b.putTruncated(v.t("form.hint"), x: inner.x + 1, y: inner.bottom - 1, role: .muted, maxWidth: inner.width - 2)
    }
}
