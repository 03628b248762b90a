import AuditKit

/// How the report words numbers and phrases (scores, changes, shares, the band and what it
/// means), shared by the Markdown and JSON renderers so both say the same.
enum ReportWording {
    /// A score with one decimal (the precision bands are taken at), or an en dash when there is none.
    static func score(_ value: Double?) -> String {
        guard let value else { return "–" }
        return NumberText.score(value)
    }

    /// A score rounded to one decimal, as shown; differences are taken between shown values so
    /// that the printed arithmetic adds up.
    static func shown(_ value: Double?) -> Double? { value.map(Band.displayed) }

    /// A signed change with one decimal: `+17.4`, `-3.0`, `0.0`.
    static func change(_ value: Double) -> String { NumberText.change(value) }

    /// A gain in score points, `+9.1`.
    static func gain(_ value: Double) -> String { NumberText.gain(value) }

    /// A share 0…1 as a percentage with one decimal, `83.3%`.
    static func percent(_ fraction: Double) -> String { DecimalFormat.fixed(Band.displayed(fraction * 100), decimals: 1) + "%" }

    /// Points as the checklist writes them: `5`, `2.5`.
    static func points(_ value: Double) -> String { NumberText.count(value) }

    /// One sentence on what the score means for the team: by band, and never "keep it up" when
    /// a failed critical practice caps it, nor a verdict when there is no score yet.
    static func meaning(of standing: Standing) -> String {
        guard standing.hasScore, let band = standing.band else {
            return "No score yet: too few of the rules can be decided, so answer the open questions first."
        }
        if standing.isCapped, let cap = standing.cap {
            return "Capped at \(band.label): \(cap.problem.lowercasedFirst) — a practice that weighs more than points, so the band stays \(band.label) whatever the rest scores until it is fixed."
        }
        var sentence: String
        switch band {
        case .leading:
            sentence = "Leading: the strategy follows nearly every practice checked; keep it up and use the remaining findings to stay ahead."
        case .strong:
            sentence = "Strong: the essentials are in place and working; a few gaps are left to close."
        case .developing:
            sentence = "Developing: the basics are partly in place, but the gaps below still cost the team reach, trust or sales."
        case .atRisk:
            sentence = "At risk: important practices are missing, so social media is likely costing more effort than it returns until the findings below are fixed."
        }
        if standing.isProvisional {
            let known = percent(standing.confidence ?? 0)
            if let span = standing.span, span.lowerBound != span.upperBound {
                // The headline gives the span of bands; this band is the one of the answers so far.
                sentence = "On the answers so far, " + sentence.prefix(1).lowercased() + sentence.dropFirst()
                sentence += " The band is provisional: only \(known) of the points are decided, and the open questions could move it anywhere from \(span.lowerBound.label) to \(span.upperBound.label)."
            } else {
                sentence += " The score is provisional (\(known) of the points are decided), but the open questions cannot change the band."
            }
        }
        return sentence
    }

    /// The band as shown in a table cell: `developing (capped)`, `provisional: at risk–developing`.
    static func bandCell(_ standing: Standing) -> String {
        guard let band = standing.band else { return "–" }
        if standing.isProvisional, let span = standing.span, span.lowerBound != span.upperBound {
            return "provisional: \(span.lowerBound.label)–\(span.upperBound.label)"
        }
        var text = band.label
        if standing.isCapped { text += " (capped)" }
        if standing.isProvisional { text += " (provisional)" }
        return text
    }

    /// Splits a `file#quote` citation; a citation without `#` is a file alone.
    static func source(_ citation: String?) -> (file: String, quote: String?)? {
        Citation(citation).map { ($0.file, $0.quote) }
    }
}

extension String {
    /// The text with its first letter in upper case, to start a sentence.
    var capitalisedFirst: String {
        guard let first = unicodeScalars.first else { return self }
        return String(first).uppercased() + String(unicodeScalars.dropFirst())
    }

    /// The text with its first letter in lower case, to continue a sentence.
    var lowercasedFirst: String {
        guard let first = unicodeScalars.first, first.properties.isUppercase,
              !(unicodeScalars.dropFirst().first?.properties.isUppercase ?? false) else { return self }
        return String(first).lowercased() + String(unicodeScalars.dropFirst())
    }
}
