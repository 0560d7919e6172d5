import TextSafety

/// How many terminal columns a grapheme cluster occupies.
///
/// We compute widths ourselves rather than calling `wcwidth`, because `wcwidth`
/// depends on the process locale (it answers -1 for "é" under `LANG=C`) and the
/// layout must be identical in tests, under any locale and on any terminal.
/// The table covers East Asian Wide/Fullwidth ranges and emoji presentation;
/// combining marks are part of the cluster and add nothing.
public enum DisplayWidth {
    /// Width of one grapheme cluster as it is drawn: 1 or 2 (0 only for marks on their own).
    /// What cannot be drawn as it is counts as its placeholder (`SafeText.cell`), so a layout
    /// never disagrees with the screen about a control or invisible character.
    public static func of(_ c: Character) -> Int {
        if c.isASCII { return 1 }  // printable, or a control drawn as its one-column placeholder
        let c = SafeText.cell(c)
        let scalars = c.unicodeScalars
        guard let first = scalars.first else { return 0 }
        let v = first.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 } // fast path: Latin, including Dutch diacritics
        // An emoji with a variation selector 16 is drawn in emoji (wide) presentation.
        if scalars.count > 1, scalars.contains(where: { $0.value == 0xFE0F }),
           first.properties.isEmoji { return 2 }
        if first.properties.isEmojiPresentation { return 2 }
        if isWide(v) { return 2 }
        if first.properties.generalCategory == .nonspacingMark
            || first.properties.generalCategory == .enclosingMark
            || first.properties.generalCategory == .format { return 1 }  // drawn in a cell of its own (CellBuffer)
        return 1
    }

    /// Total display width of a string.
    public static func of<S: StringProtocol>(_ s: S) -> Int {
        var w = 0
        for c in s { w += of(c) }
        return w
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges, condensed.
    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
             0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1,
             0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA,
             0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C,
             0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C,
             0x2B50, 0x2B55, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
             0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x18CFF, 0x1B000...0x1B2FF,
             0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F300...0x1F64F,
             0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB, 0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF,
             0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
