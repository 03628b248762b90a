// Threads of their own (pthreads), not Dispatch's shared pool: a job here may wait for
// another (the composer for the thread parsing its events), and a pool whose threads all
// wait would never start the job they wait for.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A job run on a thread of its own; the base class lets a C thread entry point run it
/// without knowing its result type.
private class ThreadJob: @unchecked Sendable {
    func run() {}
}

/// A job and, once run, its result.
private final class ResultJob<T>: ThreadJob, @unchecked Sendable {
    let body: () throws -> T
    var result: Result<T, Error>?

    init(_ body: @escaping () throws -> T) { self.body = body }

    override func run() { result = Result { try body() } }
}

#if canImport(Darwin)
private typealias Thread = pthread_t?
#else
private typealias Thread = pthread_t
#endif

/// Starts `job` on a thread of its own; nil when no thread is to be had.
private func start(_ job: ThreadJob) -> Thread? {
    let context = Unmanaged<ThreadJob>.passRetained(job).toOpaque()
    #if canImport(Darwin)
    var thread: pthread_t?
    let status = pthread_create(&thread, nil, { raw in
        Unmanaged<ThreadJob>.fromOpaque(raw).takeRetainedValue().run()
        return nil
    }, context)
    #else
    var thread = pthread_t()
    let status = pthread_create(&thread, nil, { raw in
        Unmanaged<ThreadJob>.fromOpaque(raw!).takeRetainedValue().run()
        return nil
    }, context)
    #endif
    if status == 0 { return thread }
    Unmanaged<ThreadJob>.fromOpaque(context).release()
    return nil
}

private func join(_ thread: Thread) {
    #if canImport(Darwin)
    if let thread { pthread_join(thread, nil) }
    #else
    pthread_join(thread, nil)
    #endif
}

/// Runs the jobs at the same time, one thread each besides the caller's, and returns their
/// results in order; the first error, in order, is rethrown once all have ended (the kinds of
/// export `measure` reads, each on its own core). Jobs must not share mutable state.
public func concurrently<T>(_ jobs: [() throws -> T]) throws -> [T] {
    let boxes = jobs.map(ResultJob.init)
    var threads: [Thread] = []
    for box in boxes.dropFirst() {
        // No thread to be had: run it here instead.
        if let thread = start(box) { threads.append(thread) } else { box.run() }
    }
    boxes.first?.run()
    threads.forEach(join)
    return try boxes.map { try $0.result!.get() }
}

/// A job running on a thread of its own while the caller goes on, until `result()` waits for
/// it (the second half of a split read, a big checklist's rules, libyaml's events). It must not
/// share mutable state with the caller.
public final class BackgroundJob<T>: @unchecked Sendable {
    private let job: ResultJob<T>
    private var thread: Thread?

    /// Starts `body` on a thread of its own, or runs it here when no thread is to be had.
    public init(_ body: @escaping () throws -> T) {
        job = ResultJob(body)
        thread = start(job)
        if thread == nil { job.run() }
    }

    private init(started job: ResultJob<T>, on thread: Thread) {
        self.job = job
        self.thread = thread
    }

    /// `body` started on a thread of its own; nil, and `body` not run, when no thread is to be
    /// had. For a job the caller will wait on while it waits for the caller: run here, it would
    /// wait for ever.
    public static func onItsOwnThread(_ body: @escaping () throws -> T) -> BackgroundJob? {
        let job = ResultJob(body)
        return start(job).map { BackgroundJob(started: job, on: $0) }
    }

    /// Waits for the job to end (once), and gives its result.
    public func result() -> Result<T, Error> {
        if let thread {
            join(thread)
            self.thread = nil
        }
        return job.result!
    }

    deinit { _ = result() }
}

/// One value handed from one thread to another that waits for it (a big checklist's sections,
/// given by the thread that read them to the one reading its rules, which need them last).
public final class Handoff<T>: @unchecked Sendable {
    // Unchecked: `value` is read and written only under `lock`.
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let given = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var value: T?

    /// A handoff with nothing given yet.
    public init() {
        pthread_mutex_init(lock, nil)
        pthread_cond_init(given, nil)
    }

    deinit {
        pthread_cond_destroy(given)
        pthread_mutex_destroy(lock)
        given.deallocate()
        lock.deallocate()
    }

    /// Gives the value, waking the thread waiting for it.
    public func put(_ value: T) {
        pthread_mutex_lock(lock)
        self.value = value
        pthread_cond_broadcast(given)
        pthread_mutex_unlock(lock)
    }

    /// The value, once it is given.
    public func take() -> T {
        pthread_mutex_lock(lock)
        while value == nil { pthread_cond_wait(given, lock) }
        let taken = value!
        pthread_mutex_unlock(lock)
        return taken
    }
}
