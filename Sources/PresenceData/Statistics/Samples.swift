/// Values kept whole for an exact statistic (a median, clustered post times), in the pieces
/// they were read in. The two halves of a split read and the files of one platform are put
/// together by moving their arrays, not copying them: on a million posts the copies and the
/// fresh pages they touched took a tenth of a measurement.
struct Samples: Sendable {
    /// Pieces taken over from elsewhere, none empty.
    private var earlier: [[Double]] = []
    /// The piece values are appended to.
    private var current: [Double] = []

    init() {}

    init(_ values: [Double]) { current = values }

    /// The values, all pieces together.
    var count: Int { earlier.reduce(current.count) { $0 + $1.count } }

    var isEmpty: Bool { current.isEmpty && earlier.isEmpty }

    /// Every piece, none empty.
    var pieces: [[Double]] { current.isEmpty ? earlier : earlier + [current] }

    @inline(__always)
    mutating func append(_ value: Double) { current.append(value) }

    /// Takes over the values of `other`, which is left empty; its pieces are moved, not copied.
    mutating func append(_ other: inout Samples) {
        let moved = other.pieces
        other = Samples()
        if moved.isEmpty { return }
        if !current.isEmpty { earlier.append(current) }
        current = []
        earlier.append(contentsOf: moved)
    }

    /// The q-quantile of all the values, as `Quantile.of` defines it.
    func quantile(_ q: Double) -> Double? { Quantile.of(pieces: pieces, q) }

    /// Puts each piece in ascending order (a piece already in order is left as it is), so that
    /// `forEachAscending` can merge them as it walks.
    mutating func sortEachPiece() {
        func sort(_ piece: inout [Double]) {
            let inOrder = piece.withUnsafeBufferPointer { p in p.indices.dropFirst().allSatisfy { p[$0 - 1] <= p[$0] } }
            if !inOrder { RadixSort.sort(&piece) }
        }
        for i in earlier.indices { sort(&earlier[i]) }
        sort(&current)
    }

    /// Calls `body` with every value in ascending order, merging the pieces as it goes (each
    /// must be in order: `sortEachPiece`). A split read leaves two pieces; more come only from
    /// several big files of one platform, and those are put together and sorted first.
    func forEachAscending(_ body: (Double) -> Void) {
        var pieces = self.pieces
        if pieces.count > 2 {
            var all = Array(pieces.joined())
            RadixSort.sort(&all)
            pieces = [all]
        }
        guard let first = pieces.first else { return }
        let second = pieces.count == 2 ? pieces[1] : []
        first.withUnsafeBufferPointer { a in
            second.withUnsafeBufferPointer { b in
                var i = 0, j = 0
                // The smaller head taken without a branch: which piece it comes from is as
                // good as random.
                while i < a.count && j < b.count {
                    let x = a[i], y = b[j]
                    let fromB = y < x
                    body(fromB ? y : x)
                    j += fromB ? 1 : 0
                    i += fromB ? 0 : 1
                }
                while i < a.count { body(a[i]); i += 1 }
                while j < b.count { body(b[j]); j += 1 }
            }
        }
    }
}
