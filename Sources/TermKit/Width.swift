// Cell widths measured by our own tables (not libc's wcwidth), so layout is the same on every
// machine and in tests. Rules:
//   - East Asian Wide (W) and Fullwidth (F), regional indicators (emoji presentation) and the
//     CJK extension planes (U+20000–U+3FFFD) are 2 cells;
//   - combining marks (Mn, Me), format characters (Cf, except U+00AD soft hyphen), Hangul medial
//     vowels / final consonants (U+1160–U+11FF, U+D7B0–U+D7FF) and control characters are 0 cells;
//   - everything else, including East Asian Ambiguous (box drawing, "…", "·"), is 1 cell.
// A grapheme cluster is as wide as the sum of its scalars (what a terminal following wcwidth does),
// except for emoji sequences, which count once (see `graphemeWidth`).
//
// The tables in WidthTables.swift were generated from the Unicode Character Database (Python's
// `unicodedata2`, whose version is noted there) with:
//   wide = east_asian_width(c) in ("W", "F") or 0x1F1E6 <= cp <= 0x1F1FF
//          or 0x20000 <= cp <= 0x2FFFD or 0x30000 <= cp <= 0x3FFFD
//   zero = category(c) in ("Mn", "Me", "Cf") and cp != 0xAD, or Hangul medial/final jamo, or U+200B
// merged into closed ranges.

/// Horizontal alignment of text inside a fixed number of cells.
public enum Alignment: Sendable, Equatable {
    case left, right, center
}

/// Number of terminal cells a single Unicode scalar occupies: 0, 1 or 2.
public func charWidth(_ scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    if v < 0x7F { return v >= 0x20 ? 1 : 0 }      // printable ASCII / C0 controls
    if v < 0xA0 { return 0 }                        // DEL and C1 controls
    if inRanges(v, zeroWidthRanges) { return 0 }
    if inRanges(v, wideRanges) { return 2 }
    return 1
}

/// Number of cells one grapheme cluster (a Swift `Character`) occupies: the sum of its scalars'
/// widths (as a terminal advances), except that emoji sequences count once — a scalar after a
/// zero-width joiner, the second regional indicator of a flag and a skin-tone modifier add nothing,
/// and an emoji base followed by U+FE0F (emoji presentation) is 2 cells.
public func graphemeWidth(_ grapheme: Character) -> Int {
    let scalars = grapheme.unicodeScalars
    if grapheme.utf8.count == 1, let first = scalars.first { return first.value >= 0x20 && first.value < 0x7F ? 1 : 0 }
    var total = 0
    var afterJoiner = false
    var regionalIndicators = 0
    var presentationSelector = false
    var first: Unicode.Scalar? = nil
    for scalar in scalars {
        let v = scalar.value
        let isFirst = first == nil
        if isFirst { first = scalar }
        if v == 0x200D { afterJoiner = true; continue }
        if v == 0xFE0F { presentationSelector = true; continue }
        if afterJoiner { afterJoiner = false; continue }
        if v >= 0x1F1E6 && v <= 0x1F1FF {
            regionalIndicators += 1
            if regionalIndicators % 2 == 0 { continue }
        }
        if v >= 0x1F3FB && v <= 0x1F3FF && !isFirst { continue }
        total += charWidth(scalar)
    }
    if presentationSelector && total == 1, let first, first.properties.isEmoji { return 2 }
    return total
}

/// Number of terminal cells `s` occupies (sum of its grapheme widths).
public func displayWidth(_ s: String) -> Int {
    var total = 0
    for g in s { total += graphemeWidth(g) }
    return total
}

/// `s` cut to at most `toWidth` cells; when anything is cut the result ends in `…` (1 cell).
/// A wide glyph is never split.
public func truncate(_ s: String, toWidth width: Int) -> String {
    if width <= 0 { return "" }
    if displayWidth(s) <= width { return s }
    var out = ""
    var used = 0
    for g in s {
        let w = graphemeWidth(g)
        if used + w > width - 1 { break }
        out.append(g)
        used += w
    }
    return out + "…"
}

/// `s` padded with spaces to exactly `toWidth` cells (truncated with `…` first if wider).
/// Centre alignment puts the odd space on the right.
public func pad(_ s: String, toWidth width: Int, align: Alignment = .left) -> String {
    if width <= 0 { return "" }
    var text = s
    var w = displayWidth(text)
    if w > width { text = truncate(text, toWidth: width); w = displayWidth(text) }
    let gap = width - w
    if gap <= 0 { return text }
    switch align {
    case .left: return text + String(repeating: " ", count: gap)
    case .right: return String(repeating: " ", count: gap) + text
    case .center:
        let left = gap / 2
        return String(repeating: " ", count: left) + text + String(repeating: " ", count: gap - left)
    }
}

/// Splits `s` into lines of at most `width` cells. Explicit newlines are kept; a line is broken at
/// the last space when it has one (Latin text), otherwise between any two graphemes (CJK text).
public func wrap(_ s: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var result: [String] = []
    for paragraph in s.split(separator: "\n", omittingEmptySubsequences: false) {
        var line: [Character] = []
        var lineWidth = 0
        for g in paragraph {
            let w = graphemeWidth(g)
            if lineWidth + w > width, !line.isEmpty {
                if g == " " {
                    result.append(String(line)); line = []; lineWidth = 0; continue
                }
                if let space = line.lastIndex(of: " "), space > 0 {
                    result.append(String(line[..<space]))
                    line = Array(line[(space + 1)...])
                    lineWidth = line.reduce(0) { $0 + graphemeWidth($1) }
                } else {
                    result.append(String(line)); line = []; lineWidth = 0
                }
            }
            if w > width { continue }   // cannot fit at all (wide glyph in a 1-cell column)
            line.append(g)
            lineWidth += w
        }
        result.append(String(line))
    }
    return result
}

@inline(__always)
private func inRanges(_ v: UInt32, _ table: [(UInt32, UInt32)]) -> Bool {
    var lo = 0
    var hi = table.count - 1
    if hi < 0 || v < table[0].0 || v > table[hi].1 { return false }
    while lo <= hi {
        let mid = (lo + hi) >> 1
        let r = table[mid]
        if v < r.0 { hi = mid - 1 } else if v > r.1 { lo = mid + 1 } else { return true }
    }
    return false
}
