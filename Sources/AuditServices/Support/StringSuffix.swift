extension String {
    /// The string without `suffix` at its end, when it has it.
    public func replacingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}
