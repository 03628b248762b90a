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

/// Runs the jobs at the same time, one thread each besides the caller's, and returns their
/// results in order; the first error, in order, is rethrown once all have ended. The kinds of
/// export are read independently, so on the two cores of a laptop a posts and an inbox export
/// are measured in the time of the longer one. Jobs must not share mutable state.
func concurrently<T>(_ jobs: [() throws -> T]) throws -> [T] {
    let boxes = jobs.map(ResultJob.init)
    #if canImport(Darwin)
    var threads: [pthread_t?] = []
    #else
    var threads: [pthread_t] = []
    #endif
    for box in boxes.dropFirst() {
        let context = Unmanaged<ThreadJob>.passRetained(box).toOpaque()
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
        if status == 0 {
            threads.append(thread)
        } else {
            // No thread to be had: run it here instead.
            Unmanaged<ThreadJob>.fromOpaque(context).release()
            box.run()
        }
    }
    boxes.first?.run()
    for thread in threads {
        #if canImport(Darwin)
        if let thread { pthread_join(thread, nil) }
        #else
        pthread_join(thread, nil)
        #endif
    }
    return try boxes.map { try $0.result!.get() }
}

/// Calls a progress callback from one thread at a time.
final class SerialCallback<Value>: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let callback: (Value) -> Void

    init(_ callback: @escaping (Value) -> Void) {
        self.callback = callback
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    func callAsFunction(_ value: Value) {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        callback(value)
    }
}
