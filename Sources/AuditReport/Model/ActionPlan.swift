import AuditKit

/// The plan a team can run: one action per problem found (problems that share a recommendation
/// share the action), most important first, at most four in each of the first 30 days, days
/// 31–60 and days 61–90, the rest "later". Each action has an owner (the team's, else the role
/// the checklist suggests), a due date (the team's, else the end of its phase, counted from
/// the audit's date) and how the team will know it worked.
///
/// The report, the JSON and the shell's `plan` all read this one plan, so they cannot disagree.
public struct ActionPlan: Sendable {
    /// When an action is planned.
    public enum Phase: Int, CaseIterable, Sendable, Comparable {
        case first30 = 30, days60 = 60, days90 = 90, later = 0

        /// `First 30 days`, `Days 31–60`, `Days 61–90`, `Later`.
        public var title: String {
            switch self {
            case .first30: "First 30 days"
            case .days60: "Days 31–60"
            case .days90: "Days 61–90"
            case .later: "Later"
            }
        }

        /// Days from the audit to the phase's end (the default due date); 0 for later.
        public var days: Int { rawValue }

        public static func < (a: Phase, b: Phase) -> Bool { a.order < b.order }
        private var order: Int { self == .later ? 4 : rawValue / 30 }
    }

    /// One action.
    public struct Action: Sendable {
        /// 1-based, in plan order; findings say "Plan: action 2".
        public var number: Int
        /// The key the team's owner and date are stored under: the first problem's key.
        public var key: String
        /// What to do.
        public var text: String
        /// The problems it fixes, most important first.
        public var problems: [ThemeResult]
        /// Its phase.
        public var phase: Phase
        /// Who owns it.
        public var owner: String
        /// True when `owner` is the checklist's suggested role, not the team's choice.
        public var ownerIsSuggested: Bool
        /// When it is due.
        public var due: CalendarDate
        /// How the team will know it worked.
        public var success: String
        /// The most severe of its problems.
        public var severity: Severity { problems.map(\.severity).max() ?? .info }
        /// Overall score points fixing its problems gives back.
        public var gain: Double
    }

    /// How many actions a phase holds.
    public static let perPhase = 4
    /// The role an action is given when its problem suggests none.
    public static let defaultOwner = "whoever posts for you"

    /// Every action, in order; those past the twelfth are `later`.
    public var actions: [Action]

    /// The plan for `scorecard`'s problems, dated from `date`, with the team's `assignments`.
    public init(scorecard: Scorecard, set: ChecklistSet, answers: AnswerSheet, date: CalendarDate,
                assignments: [String: PlanAssignment] = [:]) {
        var actions: [Action] = []
        var byText: [String: Int] = [:]
        for problem in scorecard.themes {
            let texts = ReportModel.recommendationTexts(of: problem)
            let key = texts.map(ReportModel.normalised).joined(separator: " ")
            // A recommendation an earlier action holds already: this problem joins that action.
            if let index = byText[key], !texts.isEmpty {
                actions[index].problems.append(problem)
                actions[index].gain += problem.gain
                continue
            }
            byText[key] = actions.count
            let phases: [Phase] = [.first30, .days60, .days90]
            let phase = actions.count / Self.perPhase < phases.count ? phases[actions.count / Self.perPhase] : .later
            let assignment = assignments[problem.key]
            let suggested = problem.theme?.owner ?? Self.defaultOwner
            let due = assignment?.due ?? CalendarDate(dayNumber: date.dayNumber + (phase == .later ? 180 : phase.days))
            actions.append(Action(number: actions.count + 1, key: problem.key,
                                  text: texts.isEmpty ? problem.title + "." : texts.joined(separator: " "),
                                  problems: [problem], phase: phase,
                                  owner: assignment?.owner ?? suggested, ownerIsSuggested: assignment?.owner == nil,
                                  due: due, success: TargetWords.fill(Self.success(of: problem, set: set), checklistID: problem.checklistID,
                                                                     own: { answers[$0] != nil }, values: { answers[$0] ?? set.targetDefault($0) }),
                                  gain: problem.gain))
        }
        self.actions = actions
    }

    /// The actions of one phase.
    public func actions(in phase: Phase) -> [Action] { actions.filter { $0.phase == phase } }

    /// The action that fixes a problem.
    public func action(fixing problemKey: String) -> Action? {
        actions.first { $0.problems.contains { $0.key == problemKey } }
    }

    /// How the team will know it worked: the problem's own `success:`, else the first measured
    /// threshold among its failed rules ("share of customer messages answered at least 65%"),
    /// else its practice holding at the next audit.
    static func success(of problem: ThemeResult, set: ChecklistSet) -> String {
        if let text = problem.theme?.success?.trimmed(), !text.isEmpty { return text }
        for r in problem.rules {
            guard case .binary(let op, let lhs, let rhs) = r.rule.check.root.kind,
                  case .reference(let c, let q) = lhs.kind,
                  let question = set.question(QuestionRef(checklist: c ?? r.checklistID, question: q)),
                  let metric = question.measure, let bound = literal(rhs.kind) else { continue }
            let words: String
            switch op {
            case .greaterEqual: words = "at least"
            case .greater: words = "more than"
            case .lessEqual: words = "at most"
            case .less: words = "under"
            default: continue
            }
            return "\(MetricWords.words(metric).capitalisedFirst) \(words) \(bound), measured again next month"
        }
        return "The next audit finds this in place: “\(problem.title)”"
    }

    /// A threshold as a reader says it: `65%`, `1 hour`, `12`.
    static func literal(_ kind: Expr.Kind) -> String? {
        switch kind {
        case .percent(let p): return NumberText.count(p) + "%"
        case .number(let n): return NumberText.count(n)
        case .duration(let s): return HumanNumbers.duration(seconds: s)
        default: return nil
        }
    }
}
