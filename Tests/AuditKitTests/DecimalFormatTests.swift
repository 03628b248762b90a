import AuditKit
import Foundation
import Testing
import TestSupport

/// The pure-Swift number formatter against what it replaces: `String(format: "%.Nf")`.
@Suite struct DecimalFormatTests {
    @Test(arguments: [
        // A decimal written with a 5 is rarely a tie in binary: the stored value decides.
        (0.05, 1, "0.1"), (0.15, 1, "0.1"), (0.25, 1, "0.2"), (0.35, 1, "0.3"), (2.675, 2, "2.67"),
        (1.005, 2, "1.00"), (0.125, 2, "0.12"), (0.375, 2, "0.38"),
        // Exact ties go to the even digit, as C's printf does.
        (0.5, 0, "0"), (1.5, 0, "2"), (2.5, 0, "2"), (-2.5, 0, "-2"),
        (0, 1, "0.0"), (-0.0, 1, "-0.0"), (-0.04, 1, "-0.0"), (69.25, 1, "69.2"), (99.95, 1, "100.0"),
        (1e15, 1, "1000000000000000.0"), (1e-7, 1, "0.0"), (1e-7, 20, "0.00000010000000000000"),
        (123.456, 0, "123"), (-7, 3, "-7.000"), (1e22, 0, "10000000000000000000000"),
        (0x1p-1074, 3, "0.000"), (0x1p70, 0, "1180591620717411303424"), (0x1p-30, 30, "0.000000000931322574615478515625"),
    ] as [(Double, Int, String)])
    func roundsAsPrintfDoes(value: Double, decimals: Int, expected: String) {
        #expect(DecimalFormat.fixed(value, decimals: decimals) == expected)
    }

    @Test func nonFiniteValuesPrintAsCDoes() {
        #expect(DecimalFormat.fixed(.nan, decimals: 1) == "nan")
        #expect(DecimalFormat.fixed(.infinity, decimals: 1) == "inf")
        #expect(DecimalFormat.fixed(-.infinity, decimals: 2) == "-inf")
        #expect(DecimalFormat.trimmed(.infinity, decimals: 1) == "inf")
        for value in [Double.nan, .infinity, -.infinity] {
            #expect(DecimalFormat.fixed(value, decimals: 1) == String(format: "%.1f", value))
        }
    }

    @Test func trimmedDropsZerosAndTheSignOfZero() {
        #expect(DecimalFormat.trimmed(69.2, decimals: 1) == "69.2")
        #expect(DecimalFormat.trimmed(80, decimals: 1) == "80")
        #expect(DecimalFormat.trimmed(2.50, decimals: 3) == "2.5")
        #expect(DecimalFormat.trimmed(-0.04, decimals: 1) == "0")
        #expect(DecimalFormat.trimmed(-0.0, decimals: 0) == "0")
        #expect(DecimalFormat.trimmed(-3.5, decimals: 1) == "-3.5")
        #expect(DecimalFormat.trimmed(100, decimals: 0) == "100")
    }

    /// Random doubles of every magnitude (random bit patterns), values near the halfway points
    /// that rounding turns on, and figures as scores and percentages make them.
    @Test func matchesStringFormatOnRandomValues() {
        var random = SeededRandom(seed: 19)
        var checked = 0
        for round in 0..<20_000 {
            let value: Double
            switch round % 4 {
            case 0: value = Double(bitPattern: random.next())
            case 1:
                // k + 5/10^n, one ulp either side: the digit the rounding looks at is a 5.
                let tie = Double(random.int(0...100_000)) + 5 / pow(10, Double(random.int(1...6)))
                value = [tie.nextDown, tie, tie.nextUp][random.int(0...2)]
            case 2: value = Double(random.int(0...1000)) / Double(random.int(1...1000)) * 100
            default: value = Double(random.int(-1_000_000...1_000_000)) / 1000 * pow(10, Double(random.int(-12...18)))
            }
            let decimals = round % 4 == 2 ? random.int(0...2) : random.int(0...25)
            let expected = String(format: "%.\(decimals)f", value)
            #expect(DecimalFormat.fixed(value, decimals: decimals) == expected, "\(value) with \(decimals) decimals")
            checked += 1
        }
        #expect(checked == 20_000)
    }

    /// The shell's short form (`69.2`, `80`) as it was written before: rounded to one decimal,
    /// then an integer without `.0` or the shortest text of the rounded value.
    @Test func trimmedMatchesTheShellsEarlierScoreText() {
        var random = SeededRandom(seed: 7)
        for _ in 0..<20_000 {
            let value = Double(random.int(-2_000_000...2_000_000)) / Double(random.int(1...20_000))
            let rounded = (value * 10).rounded() / 10
            let earlier = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
            #expect(DecimalFormat.trimmed(Band.displayed(value), decimals: 1) == earlier, "\(value)")
        }
    }
}
