import Threads

/// The second half of a split read: its own accumulator and log, filled on a thread of its own.
final class TailRead<Accumulator>: @unchecked Sendable {
    /// What the thread writes: held apart from the job, so the job's closure holds no cycle.
    private final class Rows: @unchecked Sendable {
        @exclusivity(unchecked) var accumulator: Accumulator
        @exclusivity(unchecked) var log: ProblemLog
        init(_ accumulator: Accumulator, _ log: ProblemLog) {
            self.accumulator = accumulator
            self.log = log
        }
    }

    private let rows: Rows
    let progress: SplitProgress?
    let job: BackgroundJob<Int>

    init(_ accumulator: Accumulator, log: ProblemLog, _ start: TailStart, reader: CSVReader, progress: SplitProgress?,
         finish: ((inout Accumulator) -> Void)?) where Accumulator: FileAccumulator {
        let rows = Rows(accumulator, log)
        self.rows = rows
        self.progress = progress
        job = BackgroundJob {
            let skipped = try reader.scan(header: { _ in }, row: { rows.accumulator.add($0, log: &rows.log) },
                                          problem: { rows.log.add($0, rows: $1) },
                                          progress: progress.map { p in { p.second(bytes: $0, rows: $1) } }, tail: start)
            finish?(&rows.accumulator)
            return skipped
        }
    }

    /// The rows read, once `job` has ended.
    var accumulator: Accumulator {
        get { rows.accumulator }
        set { rows.accumulator = newValue }
    }
    var log: ProblemLog { rows.log }
}

/// The progress of a file read in two halves, reported as one: the bytes and rows of both,
/// each half's last report kept and added under one lock.
final class SplitProgress: @unchecked Sendable {
    private var halves = [(bytes: 0, rows: 0), (bytes: 0, rows: 0)]
    private var report: SerialCallback<(half: Int, bytes: Int, rows: Int)>!

    init(_ tailOffset: Int, _ report: @escaping (Int, Int) -> Void) {
        self.report = SerialCallback { [unowned self] half, bytes, rows in
            halves[half] = (half == 1 ? bytes - tailOffset : bytes, rows)
            report(halves[0].bytes + halves[1].bytes, halves[0].rows + halves[1].rows)
        }
    }

    func first(bytes: Int, rows: Int) { report((0, bytes, rows)) }
    func second(bytes: Int, rows: Int) { report((1, bytes, rows)) }
}
