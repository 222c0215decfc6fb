/// Builds layout text (README "Reading reports", visible text): runs of HTML whitespace become one space, lines are trimmed, empty lines are
/// dropped, and inside `pre` line feeds end lines. C0 control characters other than tab, LF and CR are not
/// characters of an HTML document (libxml2 drops them too) and are dropped.
struct LayoutWriter {
    private(set) var bytes: [UInt8] = []
    private var lineHasContent = false
    private var pendingSpace = false

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// Ends the current line (no effect on an empty line).
    @inline(__always)
    mutating func breakLine() {
        if lineHasContent {
            bytes.append(0x0A)
            lineHasContent = false
        }
        pendingSpace = false
    }

    /// Appends text; `preformatted` keeps line feeds (and CR) as line ends.
    mutating func append(_ text: UnsafeBufferPointer<UInt8>, preformatted: Bool = false) {
        guard let p = text.baseAddress else { return }
        let n = text.count
        var i = 0
        while i < n {
            // A run of ordinary bytes (everything above space, including all UTF-8 multi-byte bytes).
            let start = i
            i = ByteScan.firstSpaceOrControl(p, from: i, to: n)
            if i > start {
                if pendingSpace && lineHasContent { bytes.append(0x20) }
                pendingSpace = false
                bytes.append(contentsOf: UnsafeBufferPointer(start: p + start, count: i - start))
                lineHasContent = true
            }
            // Whitespace and control bytes.
            while i < n, p[i] <= 0x20 {
                let b = p[i]
                if b == 0x20 || b == 0x09 {
                    pendingSpace = true
                } else if b == 0x0A || b == 0x0D {
                    if preformatted { breakLine() } else { pendingSpace = true }
                }
                i += 1
            }
        }
    }

    /// The finished text, without a trailing line feed.
    mutating func finish() -> [UInt8] {
        if bytes.last == 0x0A { bytes.removeLast() }
        lineHasContent = false
        pendingSpace = false
        return bytes
    }
}
