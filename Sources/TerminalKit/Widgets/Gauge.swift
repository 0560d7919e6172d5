/// A horizontal bar showing a ratio 0…1 with a label.
public struct Gauge: Sendable {
    public var ratio: Double
    public var label: String
    public var role: StyleRole

    public init(ratio: Double, label: String = "", role: StyleRole = .gaugeFilled) {
        self.ratio = ratio.isFinite ? min(1, max(0, ratio)) : 0
        self.label = label; self.role = role
    }

    public func render(_ area: Rect, into buffer: inout CellBuffer) {
        guard area.width > 0, area.height > 0 else { return }
        let labelWidth = label.isEmpty ? 0 : min(area.width / 2, DisplayWidth.of(label) + 1)
        let barWidth = area.width - labelWidth
        let filled = Int((ratio * Double(barWidth)).rounded())
        for i in 0..<barWidth {
            let on = i < filled
            buffer.put(on ? buffer.glyphs.gaugeFull : buffer.glyphs.gaugeEmpty, x: area.x + i, y: area.y,
                       role: on ? role : .gaugeEmpty)
        }
        if labelWidth > 0 {
            buffer.putTruncated(label, x: area.x + barWidth + 1, y: area.y, role: .normal, maxWidth: labelWidth - 1)
        }
    }
}
