/// Who owns one action of the audit's plan and by when, as the team decided it. The action is
/// the recommendation of one problem, so it is keyed by the problem's key
/// (`four-mistakes.service-sent-away`); an action the team has not assigned shows the role the
/// checklist suggests and the end of its phase.
public struct PlanAssignment: Sendable, Hashable {
    /// The person (or role) who owns it.
    public var owner: String?
    /// When it is due.
    public var due: CalendarDate?

    public init(owner: String? = nil, due: CalendarDate? = nil) {
        self.owner = owner
        self.due = due
    }

    /// Nothing decided.
    public var isEmpty: Bool { owner == nil && due == nil }
}
