/// One business problem of the catalogue, which rules of several checklists may judge, so that
/// it is reported once and charged once: a rule's `theme:` names it, from its own checklist or
/// (`other-checklist.theme-id`) from another loaded one. A problem is defined once, in one
/// checklist; the others join it.
public struct Theme: Sendable, Hashable {
    /// Unique within the checklist.
    public var id: String
    /// The practice, in positive terms (shown when it holds).
    public var title: String
    /// What is wrong, as a heading (shown when any of its rules fails).
    public var problem: String
    /// Why it matters, in a sentence or two.
    public var help: String?
    /// The one thing to do about the whole problem, whichever of its rules failed.
    public var recommendation: String?
    /// `<seed file>#<quote>` backing why it matters.
    public var source: String?
    /// The role the plan suggests as the owner of its action ("whoever answers customers").
    public var owner: String?
    /// How the team will know the action worked: the measure and its target.
    public var success: String?
    /// Where the theme's `id` value is.
    public var location: SourceLocation

    public init(id: String, title: String, problem: String, help: String? = nil,
                location: SourceLocation = SourceLocation(file: "", line: 1, column: 1)) {
        self.id = id
        self.title = title
        self.problem = problem
        self.help = help
        self.location = location
    }
}

/// A theme as a rule names it: `theme-id` (its own checklist) or `checklist.theme-id`.
public struct ThemeRef: Sendable, Hashable, CustomStringConvertible {
    /// The checklist the theme belongs to; nil for the rule's own.
    public var checklist: String?
    /// The theme's id.
    public var id: String

    public init(checklist: String?, id: String) {
        self.checklist = checklist
        self.id = id
    }

    /// Reads `theme-id` or `checklist.theme-id`.
    public init(_ text: String) {
        if let dot = text.firstIndex(of: ".") {
            self.init(checklist: String(text[..<dot]), id: String(text[text.index(after: dot)...]))
        } else {
            self.init(checklist: nil, id: text)
        }
    }

    public var description: String { checklist.map { "\($0).\(id)" } ?? id }

    /// The problem key it names when written in checklist `checklistID`: `owner.theme-id`.
    public func key(in checklistID: String) -> String { "\(checklist ?? checklistID).\(id)" }
}

/// How a failed rule limits the band shown, whatever the points say (as SSL Labs caps a grade
/// for one serious weakness): a rule's `caps:`.
public enum CapSetting: Sendable, Hashable {
    /// Not written: `ScoringPolicy.criticalCap` for a critical rule, no cap otherwise.
    case byDefault
    /// `caps: none`.
    case none
    /// `caps: at risk | developing | strong`.
    case band(Band)
}

/// An article a checklist cites, with what the report says of it.
public struct Source: Sendable, Hashable {
    /// The seed file name that `source:` citations name.
    public var file: String
    /// The article's title, as it gives it.
    public var title: String?
    /// Its author, when it names one.
    public var author: String?
    /// Its date, as precise as it gives it (`2013`, `2016-05`).
    public var date: String?
    /// For an article without a title: what it is, in words.
    public var description: String?

    public init(file: String, title: String? = nil, author: String? = nil, date: String? = nil, description: String? = nil) {
        self.file = file
        self.title = title
        self.author = author
        self.date = date
        self.description = description
    }

    /// How the report cites it, as the article presents itself: `Martin Zwilling, “7 Steps to
    /// …”, a blog post (18 August 2013)`, with `emphasis` around the title; what it is when it
    /// has no title or author; the file name only when the checklist says nothing more.
    public func citation(emphasis: (String) -> String = { "“\($0)”" }) -> String {
        var parts: [String] = []
        if let author { parts.append(author) }
        if let title { parts.append(emphasis(title)) }
        if let description { parts.append(description) }
        if parts.isEmpty { return file }
        var text = parts.joined(separator: ", ")
        if let date { text += " (\(date))" }
        return text
    }
}
