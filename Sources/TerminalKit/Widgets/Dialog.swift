/// A modal box over the screen: title, message, an optional input line and buttons.
public struct Dialog: Sendable {
    public var title: String
    public var message: [Line]
    public var input: TextInput?
    public var inputLabel: String
    public var buttons: [String]
    public var focusedButton: Int
    public var width: Int
    public var error: String?

    public init(title: String, message: [Line], input: TextInput? = nil, inputLabel: String = "",
                buttons: [String], focusedButton: Int = 0, width: Int = 60, error: String? = nil) {
        self.title = title; self.message = message; self.input = input; self.inputLabel = inputLabel
        self.buttons = buttons; self.focusedButton = focusedButton; self.width = width; self.error = error
    }

    /// The box, and the rectangle of each button, for a screen area (also used for mouse clicks).
    public func layout(in area: Rect) -> (box: Rect, buttons: [Rect]) {
        let w = min(width, area.width - 2)
        let textHeight = Paragraph(message).height(width: max(1, w - 4))
        let h = min(area.height - 2, textHeight + (input == nil ? 0 : 2) + (error == nil ? 0 : 1) + 4)
        let box = area.centered(width: w, height: h)
        var rects: [Rect] = []
        var x = box.right - 2
        for b in buttons.reversed() {
            let bw = DisplayWidth.of(b) + 4
            x -= bw
            rects.insert(Rect(x: x, y: box.bottom - 2, width: bw, height: 1), at: 0)
            x -= 1
        }
        return (box, rects)
    }

    public func render(_ area: Rect, into buffer: inout CellBuffer) {
        let (box, buttonRects) = layout(in: area)
        guard box.width > 4, box.height > 3 else { return }
        buffer.fill(box, role: .dialog)
        let inner = Block(title: title, focused: true, background: .dialog).render(box, into: &buffer)
        let content = inner.inset(left: 1, right: 1)
        var y = content.y
        let para = Paragraph(message)
        let textRows = para.wrapped(width: content.width)
        for line in textRows.prefix(max(0, content.height - 2)) {
            var l = line
            l.spans = l.spans.map { $0.role == .normal ? Span($0.text, .dialog) : $0 }
            l.render(x: content.x, y: y, width: content.width, into: &buffer)
            y += 1
        }
        if let input {
            y += 1
            var x = content.x
            if !inputLabel.isEmpty { x = buffer.put(inputLabel + " ", x: x, y: y, role: .dialog, maxWidth: content.width / 2) }
            TextField(input, focused: true).render(Rect(x: x, y: y, width: content.right - x, height: 1), into: &buffer)
            y += 1
        }
        if let error {
            buffer.putTruncated(error, x: content.x, y: y, role: .bad, maxWidth: content.width)
        }
        for (i, (b, r)) in zip(buttons, buttonRects).enumerated() {
            buffer.put("[ \(b) ]", x: r.x, y: r.y, role: i == focusedButton ? .buttonFocus : .button, maxWidth: r.width)
        }
    }
}
