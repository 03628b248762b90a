/// A value kept in one object that the copies of the struct holding it share until one of them
/// is changed, as the standard library's arrays are. For the model's large values, a rule and
/// a question: they are copied into every result and through every pass over a checklist, and
/// a copy of twenty fields meant twenty reference counts to change, in memory the pass had not
/// otherwise touched (7 % of the instructions of loading and scoring a large checklist).
final class Shared<Value: Sendable>: @unchecked Sendable {
    // Unchecked: the value is changed only through `own`, which first makes the object the
    // changing struct's alone, so no other copy, on this thread or another, sees it change.
    var value: Value

    init(_ value: Value) { self.value = value }

    /// `shared`, made the caller's own first when another copy holds it too.
    static func own(_ shared: inout Shared) -> Shared {
        if !isKnownUniquelyReferenced(&shared) { shared = Shared(shared.value) }
        return shared
    }
}
