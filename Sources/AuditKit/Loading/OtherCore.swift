import Dispatch

/// Work started on another core, whose result the caller waits for once it has done its own
/// part: the loader reads a big checklist's rules this way while it reads the sections.
final class OtherCore<Result: Sendable>: @unchecked Sendable {
    private let done = DispatchGroup()
    // Written once by the worker before `done` is left, read only after waiting on it.
    private var result: Result?

    init(_ body: @escaping @Sendable () -> Result) {
        done.enter()
        DispatchQueue.global().async {
            self.result = body()
            self.done.leave()
        }
    }

    /// Waits for the work to end and gives its result.
    func wait() -> Result {
        done.wait()
        return result!
    }
}
