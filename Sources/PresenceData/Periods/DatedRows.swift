/// The dates of an export's rows as they are read: which rows fall inside the window, and the
/// first and last date seen, of every row and of the measured ones, per file and in all. The
/// posts, inbox and traffic accumulators each keep one.
struct DatedRows {
    /// Rows outside it are read (and checked) but not measured; `nil` measures every row.
    let window: Period?
    /// Every dated row of the files ended so far, and the measured ones.
    private(set) var extent: TimeSpan?
    private(set) var span: TimeSpan?
    /// The same for the file being read.
    private(set) var fileExtent: TimeSpan?
    private(set) var fileSpan: TimeSpan?
    /// Rows measured from the file being read.
    private(set) var fileRows = 0
    /// Rows left out because they have no date and a window was asked for.
    private(set) var undated = 0

    init(window: Period?) { self.window = window }

    /// Starts a file; `stated` is the range a file without dates per row states for all of
    /// them (GA4), which counts as measured when `including`.
    mutating func beginFile(stated: TimeSpan? = nil, including: Bool = true) {
        fileRows = 0
        fileExtent = stated
        fileSpan = including ? stated : nil
    }

    /// Ends the file being read: its dates join the totals.
    mutating func endFile() {
        extent = TimeSpan.union(extent, fileExtent)
        span = TimeSpan.union(span, fileSpan)
    }

    /// Whether a row dated `time` (`nil`: no date) is measured; its date is noted either way.
    @inline(__always)
    mutating func admit(_ time: Double?) -> Bool {
        if let time { TimeSpan.include(&fileExtent, time) }
        if let window {
            guard let time else { undated += 1; return false }
            guard window.contains(time) else { return false }
        }
        if let time { TimeSpan.include(&fileSpan, time) }
        fileRows += 1
        return true
    }

    /// Counts a measured row of a file that states its range instead of dating rows.
    @inline(__always)
    mutating func admitStated() { fileRows += 1 }

    /// Takes over the rest of the file being read, measured apart (the second half of a split
    /// read, which started with no file of its own before).
    mutating func append(_ later: DatedRows) {
        fileExtent = TimeSpan.union(fileExtent, later.fileExtent)
        fileSpan = TimeSpan.union(fileSpan, later.fileSpan)
        fileRows += later.fileRows
        undated += later.undated
    }

    /// Adds the dates of another platform's rows.
    mutating func absorb(_ other: DatedRows) {
        extent = TimeSpan.union(extent, other.extent)
        span = TimeSpan.union(span, other.span)
        undated += other.undated
    }
}
