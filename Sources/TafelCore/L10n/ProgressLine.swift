import Foundation

/// The words of a progress bar: "export  ████████░░░░░░░░░░░░  42 %  nog 0:12" — what is done, a
/// 20-cell bar, the percentage, and the time left from the pace so far ("…" before there is one).
public enum ProgressLine {
    public static func render(_ label: String, done: Int, total: Int, elapsed: TimeInterval, strings: Strings, width: Int = 20) -> String {
        let fraction = total > 0 ? min(1, max(0, Double(done) / Double(total))) : 0
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let percent = Int((fraction * 100).rounded(.down))
        var left = "…"
        if done > 0 && done < total {
            let seconds = Int((elapsed / Double(done) * Double(total - done)).rounded(.up))
            left = seconds >= 3600 ? String(format: "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                                   : String(format: "%d:%02d", seconds / 60, seconds % 60)
        } else if total > 0 && done >= total {
            left = "0:00"
        }
        return strings.t("progress.line", label, bar, String(percent), left)
    }
}
